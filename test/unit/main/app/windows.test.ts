import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, focusWindow } from '@main/app/windows';

/** A window that records what it was asked to do, with real event dispatch. */
class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  loaded: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  webContents = new EventEmitter();
  constructor(public options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return url.includes('broken') ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused = true;
  }
  maximized = false;
  maximize() {
    // As on Windows: maximize() also shows the window.
    this.maximized = true;
    this.visible = true;
  }
}

function open(url = 'lingxi://app/index.html', onCloseRequested = () => true, devTools = false) {
  const errors: unknown[] = [];
  const window = createMainWindow({
    BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    preloadPath: '/app/out/preload/index.cjs',
    url,
    devTools,
    onCloseRequested,
    onLoadFailed: (error) => errors.push(error),
  }) as unknown as FakeWindow;
  return { window, errors };
}

describe('createMainWindow', () => {
  it('creates a sandboxed, isolated, Node-free window that is not throttled in the background', () => {
    const { window } = open();
    const prefs = window.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      backgroundThrottling: false,
    });
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });

  it('has no DevTools in packaged builds, and has them in development', () => {
    // Packaged: Ctrl+Shift+I would otherwise hand the renderer's API (secrets included) to whoever sits at the desk.
    expect(open('lingxi://app/index.html', () => true, false).window.options.webPreferences?.devTools).toBe(false);
    expect(open('http://localhost:5173/', () => true, true).window.options.webPreferences?.devTools).toBe(true);
  });

  it('loads the given URL and shows the window only once painted', () => {
    const { window } = open();
    expect(window.loaded).toEqual(['lingxi://app/index.html']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('shows the window and reports when loading fails', async () => {
    const { window, errors } = open('lingxi://app/broken.html');
    window.webContents.emit('did-fail-load');
    await Promise.resolve();
    expect(window.visible).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it('keeps the window open when the quit flow has not finished', () => {
    let quitting = false;
    const { window } = open(undefined, () => quitting);
    const close = () => {
      let prevented = false;
      window.emit('close', { preventDefault: () => void (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(true);
    quitting = true;
    expect(close()).toBe(false);
  });
});

describe('createMainWindow with a remembered placement', () => {
  it('opens at the remembered bounds, and maximises only once painted (no white flash)', () => {
    const window = createMainWindow({
      BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      preloadPath: '/app/out/preload/index.cjs',
      url: 'lingxi://app/index.html',
      devTools: false,
      onCloseRequested: () => true,
      placement: { bounds: { x: 2100, y: 120, width: 1500, height: 900 }, maximized: true },
    }) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ x: 2100, y: 120, width: 1500, height: 900, minWidth: 960, minHeight: 600 });
    expect([window.maximized, window.visible]).toEqual([false, false]);
    window.emit('ready-to-show');
    expect([window.maximized, window.visible]).toEqual([true, true]);
  });

  it('without one: the default size, centred by the OS', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.options).not.toHaveProperty('x');
  });
});

describe('focusWindow', () => {
  it('restores, shows and focuses', () => {
    const { window } = open();
    window.minimized = true;
    focusWindow(window as unknown as BrowserWindow);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('ignores a missing window', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
