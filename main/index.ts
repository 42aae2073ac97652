/**
 * Electron main entry: wiring only. Each piece lives in app/, ipc/ or features/ with its Electron
 * APIs injected, and is unit-tested there.
 */
import { readFileSync, watch } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, globalShortcut, ipcMain, Menu, nativeImage, net, Notification, powerMonitor, powerSaveBlocker, protocol, safeStorage, screen, session, shell, Tray, utilityProcess } from 'electron';
import { DESKTOP_COMMAND_CHANNEL, DIAL_REQUEST_CHANNEL, SHORTCUT_ACTION_CHANNEL, SYSTEM_EVENT_CHANNEL, type SystemEvent } from '@common/contract/ipc';
import type { Policy } from '@common/contract/policy';
import { UPLOAD_TOKEN_SECRET } from '@common/recording/upload-token';
import { refuseDebugSwitches } from './app/debug-switches';
import { guardReloadAndCloseKeys } from './app/key-guard';
import { applyCommandLineSwitches, claimSingleInstance, installQuitFlow } from './app/lifecycle';
import { installAppMenu } from './app/menu';
import { APP_ENTRY_URL, createOriginCheck } from './app/origin';
import { registerAppScheme, serveAppProtocol } from './app/protocol';
import { createQuitConfirmation } from './app/quit-confirmation';
import { installAppHardening, installPermissionHandlers } from './app/security';
import { createMainWindow, focusWindow } from './app/windows';
import { createLogger, logSecrets, setLogSecrets, setLogSink, writeRendererLog, writeServiceLog } from './features/logging/logger';
import { electronDiagnosticsExport } from './features/diagnostics/diagnostics-wiring';
import { limitsFrom, openLogFiles, type LogFiles } from './features/logging/log-files';
import { policySecretValues } from '@common/contract/policy-secrets';
import { limitRendererLog } from './features/logging/renderer-log-limit';
import { readKnowledgePackage } from './features/knowledge/read-package';
import { createCrmLookup, rememberedToken } from './features/crm/crm-lookup';
import { createSupervisionSigner } from '@common/supervision/supervision-signer';
import { createPolicyService } from './features/policy/policy-service';
import { policyLoadInput } from './features/policy/policy-input';
import { createCallPower } from './features/power/call-power';
import { createRecordingKeyGrants } from './features/secrets/recording-key-grant';
import { createSecretStore } from './features/secrets/secret-store';
import { createSignInSession } from './features/sign-in/sign-in-session';
import { createUploadCredentials } from './features/recording/upload-credentials';
import { openExternalHttps } from './features/shell/open-external';
import { createShortcutRegistrar } from './features/shortcuts/global-shortcuts';
import { createDialLinks, dialKeyText } from './features/dial/dial-links';
import { drop } from '@common/logging/drop';
import { registerProtocolClients } from './features/dial/protocol-client';
import { createSpeechLauncher } from './features/speech/launcher';
import { localSpeechConfig } from './features/speech/policy-config';
import { startSystemEvents } from './features/system/system-events';
import { createIpcRegistry } from './ipc/register';
import { createUpdates } from './features/updates/updates-wiring';
import { UPDATE_STATUS_CHANNEL } from '@common/updates/update-status';
import { applyStartOnLogin, nodeLoginItemFiles } from './features/login-item/login-item';
import { createAgentTray, type AgentTray } from './features/tray/agent-tray';
import { TRAY_ICON_FILES } from './features/tray/tray-icons';
import { trayImages } from './features/tray/tray-image';
import { trayLanguageOf } from './features/tray/tray-text';
import { startPlacement, trackPlacement } from './features/window/remember-placement';
import { createWindowPresence } from './features/window/window-presence';
import { nodeWindowStateFiles, openWindowStateStore } from './features/window/window-state-store';

const log = createLogger('main');
// The dev server is trusted only in unpackaged runs: an environment variable must never be able
// to point a production build at another page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrusted = createOriginCheck(devServerUrl);
let mainWindow: BrowserWindow | null = null;
// The log set, opened once the app is ready (userData is known); lines before go to stderr.
let logFiles: LogFiles | undefined;

// A packaged build never runs with a DevTools port or pipe open: refused before anything starts.
const refusedDebugging = refuseDebugSwitches({
  argv: process.argv,
  platform: process.platform,
  isPackaged: app.isPackaged,
  commandLine: app.commandLine,
  writeError: (text) => process.stderr.write(text),
  exit: (code) => app.exit(code),
});

// Before 'ready': Chromium switches and the privileged scheme.
applyCommandLineSwitches(app.commandLine);
registerAppScheme(protocol);

// Click-to-dial: tel:/sip:/callto: links from the OS, and the clipboard on the dial key, go to the page as dial:request.
const dialLinks = createDialLinks({
  send: (request) => {
    if (!mainWindow || mainWindow.isDestroyed() || mainWindow.webContents.isDestroyed()) return false;
    mainWindow.webContents.send(DIAL_REQUEST_CHANNEL, request);
    return true;
  },
  focus: () => focusWindow(mainWindow),
  log: createLogger('dial'),
});
// macOS hands links to the running app (also the one a link starts) as open-url, which may come before 'ready'.
app.on('open-url', (event, url) => {
  event.preventDefault();
  dialLinks.fromUrl(url);
});

if (refusedDebugging) {
  // Exiting: nothing else starts.
} else if (
  !claimSingleInstance(app, (argv) => {
    focusWindow(mainWindow);
    dialLinks.fromArgv(argv);
  })
) {
  app.quit();
} else {
  // Windows and Linux start the app with the link that was clicked as an argument.
  dialLinks.fromArgv(process.argv);
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
    // Quit, Cmd+Q and closing the window (which quits) all ask first while a call is up.
    confirmQuit: createQuitConfirmation({
      isCallActive: () => callPower.isCallActive(),
      showMessageBox: (options) => {
        if (!mainWindow || mainWindow.isDestroyed()) return dialog.showMessageBox(options);
        // Quit from the tray while the window hides there: the agent sees the call she would hang up on.
        focusWindow(mainWindow);
        return dialog.showMessageBox(mainWindow, options);
      },
      locale: () => app.getLocale(),
    }),
    onConfirmError: (error) => log.error('quit confirmation failed; staying open', error),
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
  // Keyboard shortcuts follow the policy the renderer loads: registered once it is valid, released otherwise.
  const shortcuts = createShortcutRegistrar({
    globalShortcut,
    platform: process.platform,
    isWindowFocused: () => Boolean(mainWindow && !mainWindow.isDestroyed() && mainWindow.isFocused()),
    send: (action) => {
      // The dial key dials what the agent copied in any application: main reads the clipboard (the page has no focus).
      if (action === 'dial') drop(dialKeyText(clipboard).then(dialLinks.fromClipboard), log, 'reading the clipboard for the dial key');
      else if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(SHORTCUT_ACTION_CHANNEL, action);
    },
    onProblem: (status, detail) =>
      log.warn(`shortcut ${status.action} (${status.accelerator}) not available: ${status.state}${detail ? ` (${detail})` : ''}`),
  });
  // The local speech service (transcription) runs in a utilityProcess; the policy says whether and with which models.
  const speech = createSpeechLauncher({
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    entryPath: join(app.getAppPath(), 'out', 'main', 'speech-service.js'),
    log: (level, message) => log[level](message),
    serviceLine: (level, line) => writeServiceLog('speech', level, line),
  });
  const configureSpeech = (policy: unknown, source: string): void => {
    try {
      const config = localSpeechConfig(policy, {
        policySource: source,
        defaultPackage: join(app.getAppPath(), 'assets', 'knowledge', 'sample-kb.json'),
        cacheDir: join(app.getPath('userData'), 'speech-models'),
      });
      const origins = ['lingxi://app', ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];
      speech.configure(config ? { config, allowedOrigins: origins } : null);
    } catch (error) {
      log.warn('speech service not started', error);
      speech.configure(null);
    }
  };
  // The knowledge package is the one the last valid policy names: the renderer cannot ask for another file.
  let knowledgePackage: { path: string | undefined; policySource: string; maxPackageMb: number } | undefined;
  // The CRM main asks on the renderer's behalf (crm:lookup) is the one the last valid policy names.
  let crmSettings: Policy['crm'] | undefined;
  // A team lead's desktop signs supervision requests in its own name only (the last valid policy's SIP URI).
  let loadedPolicy: Policy | undefined;
  // The log removes these wherever they appear: the policy's secrets and the signed-in agent's password.
  let signedInPassword: string | undefined;
  const refreshLogSecrets = () => setLogSecrets([...policySecretValues(loadedPolicy), signedInPassword]);
  // The recording store's token and client certificate are attached here, for the last valid policy's uploadUrl.
  const uploadCredentials = createUploadCredentials({
    // Read when a policy loads (after ready): the default session does not exist before.
    webRequest: () => session.defaultSession.webRequest,
    readToken: () => secrets.get(UPLOAD_TOKEN_SECRET),
    log: createLogger('recording'),
  });
  // Updates and the kill switch follow the last valid policy's `updates`; the renderer reports when the desk is busy.
  const updates = createUpdates({
    app,
    // Past any HTTP cache or proxy: a new kill switch takes effect within checkMinutes.
    fetch: (url, init) => net.fetch(url, { ...init, headers: { 'cache-control': 'no-cache' } }),
    send: (status) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(UPDATE_STATUS_CHANNEL, status);
    },
    log: createLogger('updates'),
  });
  // The desktop shell: tray icon and menu, close-to-tray, raise on incoming, window placement, start on login.
  const windowState = openWindowStateStore(join(app.getPath('userData'), 'window-state.json'), nodeWindowStateFiles, (message, error) => log.warn(message, error));
  let tray: AgentTray | undefined;
  const presence = createWindowPresence({
    store: windowState,
    hasTray: () => tray !== undefined,
    notifyHidden: () => {
      if (!tray || !Notification.isSupported()) return false;
      const text = tray.text();
      new Notification({ title: text.hiddenTitle, body: text.hiddenBody(process.platform === 'darwin' ? 'menu-bar' : 'tray') }).show();
      return true;
    },
  });
  ipc.handle('desktop:status', (status) => {
    tray?.update(status);
    presence.update(status);
  });
  const startOnLogin = (enabled: boolean) =>
    applyStartOnLogin(enabled, {
      platform: process.platform,
      isPackaged: app.isPackaged,
      app,
      executable: process.env.APPIMAGE ?? process.execPath,
      configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
      files: nodeLoginItemFiles,
      log: createLogger('login-item'),
    });
  ipc.handle('updates:desk-busy', (desk) => updates.setDesk(desk));
  ipc.handle('updates:status', () => updates.status());
  // The machine policy (registry / managed preferences / system file) is authoritative in a packaged build.
  const policy = createPolicyService({
    input: () => policyLoadInput(app),
    log: createLogger('policy'),
    notifyChanged: () => void sendSystemEvent('policy-changed'),
    watchFolder: (folder, listener) => watch(folder, (_event, name) => listener(name)),
  });
  ipc.handle('policy:check', () => policy.check());
  ipc.handle('policy:load', async () => {
    const result = await policy.load();
    shortcuts.apply(result.ok ? result.policy.shortcuts : undefined);
    knowledgePackage = result.ok ? { path: result.policy.knowledge.packagePath, policySource: result.source, maxPackageMb: result.policy.knowledge.maxPackageMb } : undefined;
    crmSettings = result.ok ? result.policy.crm : undefined;
    loadedPolicy = result.ok ? result.policy : undefined;
    refreshLogSecrets();
    if (result.ok) void logFiles?.setLimits(limitsFrom(result.policy.logs));
    uploadCredentials.configure(result.ok ? result.policy.recording : null);
    updates.configure(result.ok ? result.policy.updates : undefined);
    presence.configure(result.ok ? result.policy.window : undefined);
    if (result.ok) startOnLogin(result.policy.startOnLogin);
    if (result.ok) configureSpeech(result.policy, result.source);
    else speech.configure(null);
    return result;
  });
  // Export diagnostics: the renderer's part (validated), main's versions, policy with sources and log files; a save dialog.
  ipc.handle(
    'diagnostics:export',
    electronDiagnosticsExport({ app, dialog, window: () => mainWindow, policy: () => policy.inForce(), logFiles: () => logFiles?.files() ?? [], secrets: logSecrets, log: createLogger('diagnostics') }),
  );
  ipc.handle('knowledge:read-package', () => (knowledgePackage ? readKnowledgePackage(knowledgePackage.path, knowledgePackage.policySource, knowledgePackage.maxPackageMb) : null));
  ipc.handle('shortcuts:status', () => shortcuts.status());
  ipc.handle('speech:endpoint', () => speech.endpoint());
  ipc.handle('power:set-call-active', (active) => callPower.setCallActive(active));
  ipc.handle('shell:open-external', openExternal);
  ipc.handleFromSender('log:write', limitRendererLog({ write: writeRendererLog }));
  ipc.handle('app:quit-ready', () => quitFlow.quitReady());
  ipc.handle('dial:ready', () => dialLinks.rendererReady());
  const secrets = createSecretStore({
    safeStorage,
    file: join(app.getPath('userData'), 'secrets.json'),
    platform: process.platform,
    onWeak: (backend) => log.warn(`secrets are protected only by safeStorage backend "${backend}" (no OS keyring): tell IT`),
  });
  // Write-only for the page: the CRM token is attached by main, the recording key handed once per page load.
  const crmToken = rememberedToken(() => secrets.get('crm.token'));
  ipc.handle('secrets:set', async (name, value) => {
    const status = await secrets.set(name, value);
    if (name === 'crm.token') crmToken.forget();
    if (name === 'supervision.privateKey') supervisionSigner.forget();
    return status;
  });
  const signIn = createSignInSession({ store: secrets, policy: () => loadedPolicy, log: createLogger('sign-in') });
  ipc.handle('signin:signed-in', (credentials, remember) => {
    signedInPassword = credentials.password;
    refreshLogSecrets();
    return signIn.signedIn(credentials, remember);
  });
  ipc.handle('signin:remembered', () => signIn.remembered());
  ipc.handle('signin:signed-out', () => signIn.signedOut());
  // A lead's requests name the lead: the policy's fixed agent, or the agent who signed in under its template.
  const supervisionSigner = createSupervisionSigner({ privateKey: () => secrets.get('supervision.privateKey'), leadUri: () => (loadedPolicy?.supervision.role === 'lead' ? (loadedPolicy.sip.uri ?? signIn.signedInUri()) : undefined) });
  ipc.handle('supervision:sign', (request) => supervisionSigner.sign(request));
  ipc.handle(
    'crm:lookup',
    createCrmLookup({ crm: () => crmSettings, token: crmToken.get, fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) }),
  );
  app.on('select-client-certificate', (event, _contents, url, certificates, callback) => {
    const chosen = uploadCredentials.chooseCertificate(url, certificates);
    if (chosen === undefined) return;
    event.preventDefault();
    if (chosen) callback(chosen);
    else callback();
  });
  const recordingKeys = createRecordingKeyGrants(secrets, createLogger('secrets'));
  ipc.handleFromSender('recording:take-key', (sender) => recordingKeys.take(sender.id));

  app.on('window-all-closed', () => app.quit());
  // macOS: a click on the Dock icon brings the window back from the menu bar.
  app.on('activate', () => focusWindow(mainWindow));
  app.on('will-quit', () => tray?.dispose());
  app.on('will-quit', () => callPower.dispose());
  app.on('will-quit', () => shortcuts.dispose());
  app.on('will-quit', () => speech.dispose());
  app.on('will-quit', () => updates.dispose());
  app.on('will-quit', () => policy.dispose());

  app
    .whenReady()
    .then(() => {
      // One rotating set of JSON lines for main, preload, renderer and the speech service; the policy sets its limits.
      logFiles = openLogFiles(join(app.getPath('userData'), 'logs'), limitsFrom(), {
        ...(app.isPackaged ? {} : { mirror: process.stderr }),
        onError: (error) => process.stderr.write(`log files: ${error.message}\n`),
      });
      setLogSink(logFiles);
      log.info(`Lingxi ${app.getVersion()} starting`);
      installPermissionHandlers(session.defaultSession, isTrusted);
      policy.startWatching();
      registerProtocolClients({ app, defaultApp: Boolean(process.defaultApp), execPath: process.execPath, argv: process.argv, log: createLogger('dial') });
      // Packaged builds: no Reload, Close Window or DevTools in the menu (development keeps Electron's).
      // Help → Export diagnostics… asks the renderer for its part, as the shortcut does.
      const exportDiagnostics = () => mainWindow && !mainWindow.isDestroyed() && mainWindow.webContents.send(SHORTCUT_ACTION_CHANNEL, 'exportDiagnostics');
      if (app.isPackaged) installAppMenu(Menu, process.platform, app.getName(), { locale: app.getLocale(), actions: { exportDiagnostics } });
      serveAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'));
      const stopSystemEvents = startSystemEvents({ powerMonitor, net, send: (event) => void sendSystemEvent(event) });
      app.on('will-quit', stopSystemEvents);
      try {
        tray = createAgentTray({
          createTray: (image) => new Tray(image),
          buildMenu: (template) => Menu.buildFromTemplate(template),
          image: trayImages(TRAY_ICON_FILES, { createEmpty: () => nativeImage.createEmpty(), readFile: (path) => readFileSync(path) }),
          platform: process.platform,
          language: trayLanguageOf(app.getLocale()),
          choose: (command) => {
            if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(DESKTOP_COMMAND_CHANNEL, command);
          },
          show: () => focusWindow(mainWindow),
          quit: () => app.quit(),
        });
      } catch (error) {
        // Without a tray, closing the window quits as before (presence asks hasTray).
        log.error('tray icon not available; closing the window will quit', error);
      }
      mainWindow = createMainWindow({
        BrowserWindow,
        preloadPath: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
        url: devServerUrl ?? APP_ENTRY_URL,
        devTools: !app.isPackaged,
        placement: startPlacement(windowState, screen),
        onCloseRequested: () => {
          if (quitFlow.isQuitting()) return true;
          // While registered (policy window.closeToTray): hidden to the tray, the agent keeps taking calls.
          if (presence.closeRequested()) return false;
          // Otherwise closing the only window quits, through the flow that lets the phone un-REGISTER.
          app.quit();
          return false;
        },
        onLoadFailed: (error) => log.error('renderer failed to load', error),
      });
      trackPlacement(mainWindow, screen, windowState);
      presence.attach(mainWindow);
      const contents = mainWindow.webContents;
      const contentsId = contents.id;
      // A new page load may ask for the recording key once more; the old page's script is gone with it.
      contents.on('did-start-navigation', (details) => {
        if (!details.isMainFrame || details.isSameDocument) return;
        recordingKeys.forget(contentsId);
        dialLinks.rendererGone();
      });
      contents.on('render-process-gone', () => {
        recordingKeys.forget(contentsId);
        dialLinks.rendererGone();
      });
      if (app.isPackaged) guardReloadAndCloseKeys(mainWindow.webContents, process.platform, (key) => log.info(`ignored ${key}: it would reload or close the window`));
      mainWindow.on('focus', () => shortcuts.setWindowFocused(true));
      mainWindow.on('blur', () => shortcuts.setWindowFocused(false));
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.exit(1);
    });
}
