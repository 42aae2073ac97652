/**
 * The single main window. Its webPreferences are the renderer's security boundary:
 * sandboxed, context-isolated, no Node, web security on, and no throttling while hidden
 * (a ringing call must be heard even when the window is behind others or minimised).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer's webPreferences; exported so a test pins every security flag.
 * @param devTools whether DevTools can open at all: only in unpackaged runs, since in the renderer they
 *   reach the whole preload API (secrets included) and can reload the page mid-call.
 */
export function mainWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Timers and audio keep full speed in the background: registration refresh and ringing.
    backgroundThrottling: false,
    spellcheck: false,
  };
}

/** Everything the window needs from outside, so tests can pass a fake constructor. */
export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** lingxi://app/index.html, or the dev server URL when unpackaged. */
  url: string;
  /** !app.isPackaged: DevTools exist only in development runs. */
  devTools: boolean;
  /**
   * Called when the user closes the window. Returns true when the app is already quitting and
   * the window may close; otherwise main starts the quit flow so the phone un-REGISTERs first.
   */
  onCloseRequested: () => boolean;
  /** Told when the renderer cannot be loaded (missing build, dev server down). */
  onLoadFailed?: (error: unknown) => void;
  /** Where the agent left the window (main/features/window); absent: the default size, centred. */
  placement?: { bounds: { x: number; y: number; width: number; height: number }; maximized: boolean };
}

/** Creates the main window, shows it once painted, and loads the renderer. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow({
    width: 1280,
    height: 800,
    ...deps.placement?.bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Lingxi',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: mainWebPreferences(deps.preloadPath, deps.devTools),
  });
  // Showing after first paint avoids a white flash; the event never fires if loading fails, so
  // did-fail-load shows the window too (the renderer's own error page or a blank one beats nothing).
  // Maximised only once painted: maximize() on Windows also shows the window, which would flash white before.
  window.once('ready-to-show', () => {
    if (deps.placement?.maximized) window.maximize();
    window.show();
  });
  window.webContents.once('did-fail-load', () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  window.on('close', (event) => {
    if (!deps.onCloseRequested()) event.preventDefault();
  });
  // loadURL rejects on failure; did-fail-load already shows the window, so only report it.
  window.loadURL(deps.url).catch((error: unknown) => deps.onLoadFailed?.(error));
  return window;
}

/** Brings a window to the front (second instance launched, tel: link clicked). */
export function focusWindow(window: BrowserWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
