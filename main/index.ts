/**
 * Electron main entry: wiring only. Each piece lives in app/, ipc/ or features/ with its Electron
 * APIs injected, and is unit-tested there.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, powerMonitor, powerSaveBlocker, protocol, session, shell } from 'electron';
import { SYSTEM_EVENT_CHANNEL, type SystemEvent } from '../preload/contract/ipc';
import { applyCommandLineSwitches, claimSingleInstance, installQuitFlow } from './app/lifecycle';
import { APP_ENTRY_URL, createOriginCheck } from './app/origin';
import { registerAppScheme, serveAppProtocol } from './app/protocol';
import { installAppHardening, installPermissionHandlers } from './app/security';
import { createMainWindow, focusWindow } from './app/windows';
import { createLogger, openLogFile, setLogSink, writeRendererLog } from './features/logging/logger';
import { loadPolicy } from './features/policy/load-policy';
import { createCallPower } from './features/power/call-power';
import { openExternalHttps } from './features/shell/open-external';
import { startSystemEvents } from './features/system/system-events';
import { createIpcRegistry } from './ipc/register';

const log = createLogger('main');
// The dev server is trusted only in unpackaged runs: an environment variable must never be able
// to point a production build at another page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrusted = createOriginCheck(devServerUrl);
let mainWindow: BrowserWindow | null = null;

// Before 'ready': Chromium switches and the privileged scheme.
applyCommandLineSwitches(app.commandLine);
registerAppScheme(protocol);

if (!claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.quit();
} else {
  const sendSystemEvent = (event: SystemEvent): boolean => {
    if (!mainWindow || mainWindow.isDestroyed() || mainWindow.webContents.isDestroyed()) return false;
    mainWindow.webContents.send(SYSTEM_EVENT_CHANNEL, event);
    return true;
  };
  const openExternal = (url: string) => openExternalHttps(shell, url);
  const callPower = createCallPower(powerSaveBlocker);
  const quitFlow = installQuitFlow({
    app,
    notifyRenderer: () => sendSystemEvent('before-quit'),
    onTimeout: () => log.warn('renderer did not answer app:quit-ready in time; quitting anyway'),
  });

  installAppHardening(app, {
    isTrusted,
    openExternal,
    onBlocked: (what, url) => log.warn(`blocked ${what}: ${url}`),
  });

  const ipc = createIpcRegistry({
    ipcMain,
    isTrusted,
    onReject: (channel, reason) => log.warn(`refused IPC ${channel}: ${reason}`),
  });
  ipc.handle('policy:load', () =>
    loadPolicy({ argv: process.argv, env: process.env, userDataDir: app.getPath('userData'), platform: process.platform }),
  );
  ipc.handle('power:set-call-active', (active) => callPower.setCallActive(active));
  ipc.handle('shell:open-external', openExternal);
  ipc.handle('log:write', writeRendererLog);
  ipc.handle('app:quit-ready', () => quitFlow.quitReady());

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => callPower.dispose());

  app
    .whenReady()
    .then(() => {
      setLogSink(
        openLogFile(join(app.getPath('userData'), 'logs', 'lingxi.log'), app.isPackaged ? {} : { mirror: process.stderr }),
      );
      log.info(`Lingxi ${app.getVersion()} starting`);
      installPermissionHandlers(session.defaultSession, isTrusted);
      serveAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'));
      const stopSystemEvents = startSystemEvents({ powerMonitor, net, send: (event) => void sendSystemEvent(event) });
      app.on('will-quit', stopSystemEvents);
      mainWindow = createMainWindow({
        BrowserWindow,
        preloadPath: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
        url: devServerUrl ?? APP_ENTRY_URL,
        onCloseRequested: () => {
          if (quitFlow.isQuitting()) return true;
          // Closing the only window quits, through the flow that lets the phone un-REGISTER.
          app.quit();
          return false;
        },
        onLoadFailed: (error) => log.error('renderer failed to load', error),
      });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.exit(1);
    });
}
