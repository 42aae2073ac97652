/**
 * Wiring check for main/index.ts with the whole electron module faked: every contract channel has a
 * handler, the window is secure and loads our scheme, and the pieces are connected to each other.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DIAL_REQUEST_CHANNEL, invokeChannels, SYSTEM_EVENT_CHANNEL } from '@common/contract/ipc';
import { deskStatus } from './features/desk-status';

const fake = vi.hoisted(() => ({
  userData: '',
  switches: [] as string[],
  schemes: [] as unknown[],
  handledSchemes: [] as string[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as Array<{
    options: { webPreferences?: Record<string, unknown> };
    url: string;
    sent: unknown[][];
    contents: { emit: (event: string, ...args: unknown[]) => boolean };
    window: { emit: (event: string, ...args: unknown[]) => boolean; visible: boolean };
  }>,
  blockers: new Set<number>(),
  quits: 0,
  shortcuts: new Set<string>(),
  permissionHandlers: 0,
  menus: [] as unknown[],
  dialogs: [] as unknown[][],
  protocolClients: [] as string[],
  trays: [] as Array<{ tooltip: string; menu: unknown; images: unknown[] }>,
  notifications: [] as Array<{ title: string; body: string }>,
}));
fake.userData = mkdtempSync(join(tmpdir(), 'lingxi-main-'));
// A packaged app must ignore this: otherwise an environment variable could load a foreign page.
const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
// Start on login writes the XDG autostart entry on Linux: into the test's folder, never the user's.
const savedConfigHome = process.env.XDG_CONFIG_HOME;
process.env.XDG_CONFIG_HOME = fake.userData;

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    commandLine: {
      appendSwitch: (name: string, value?: string) => fake.switches.push(value ? `${name}=${value}` : name),
      hasSwitch: () => false,
    },
    getLocale: () => 'en-US',
    getName: () => 'Lingxi',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => fake.userData,
    getAppPath: () => '/opt/Lingxi/resources/app.asar',
    getVersion: () => '0.1.0',
    isDefaultProtocolClient: () => false,
    setAsDefaultProtocolClient: (scheme: string) => (fake.protocolClients.push(scheme), true),
    quit() {
      fake.quits++;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => void (prevented = true) });
      return prevented;
    },
    exit: () => undefined,
  });
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      id: 1,
      send: (...args: unknown[]) => this.record.sent.push(args),
      isDestroyed: () => false,
    });
    record: { options: Record<string, unknown>; url: string; sent: unknown[][]; contents: unknown; window: unknown };
    visible = true;
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: '', sent: [], contents: this.webContents, window: this };
      fake.windows.push(this.record as never);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isVisible = () => this.visible;
    hide = () => void (this.visible = false);
    isMinimized = () => false;
    isFocused = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 100, y: 100, width: 1280, height: 800 });
    show = () => void (this.visible = true);
    focus = () => undefined;
  }
  let nextBlocker = 0;
  class Tray extends EventEmitter {
    record = { tooltip: '', menu: undefined as unknown, images: [] as unknown[] };
    constructor(image: unknown) {
      super();
      this.record.images.push(image);
      fake.trays.push(this.record);
    }
    setImage = (image: unknown) => void this.record.images.push(image);
    setToolTip = (tooltip: string) => void (this.record.tooltip = tooltip);
    setTitle = () => undefined;
    setContextMenu = (menu: unknown) => void (this.record.menu = menu);
    destroy = () => undefined;
  }
  class Notification {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      fake.notifications.push(this.options);
    }
  }
  const nativeImage = {
    createEmpty: () => {
      const representations: Buffer[] = [];
      return {
        addRepresentation: ({ buffer }: { buffer: Buffer }) => void representations.push(buffer),
        isEmpty: () => representations.length === 0 || representations.some((png) => png.subarray(1, 4).toString() !== 'PNG'),
      };
    },
  };
  const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    nativeImage,
    screen: { getAllDisplays: () => [display], getDisplayMatching: () => display },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void fake.menus.push(menu),
    },
    // The agent answers "Stay on the call" (button 0).
    dialog: { showMessageBox: async (...args: unknown[]) => (fake.dialogs.push(args), { response: 0 }) },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => fake.handlers.set(channel, fn),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (scheme: string) => fake.handledSchemes.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void fake.permissionHandlers++,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeSendHeaders: () => undefined },
      },
    },
    net: { isOnline: () => true },
    powerMonitor: new EventEmitter(),
    powerSaveBlocker: {
      start: () => (fake.blockers.add(++nextBlocker), nextBlocker),
      stop: (id: number) => fake.blockers.delete(id),
      isStarted: (id: number) => fake.blockers.has(id),
    },
    shell: { openExternal: async () => undefined },
    clipboard: { readText: async () => '' },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(plain).reverse(),
      decryptString: (encrypted: Buffer) => Buffer.from(encrypted).reverse().toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    globalShortcut: {
      register: (accelerator: string) => (fake.shortcuts.add(accelerator), true),
      unregister: (accelerator: string) => void fake.shortcuts.delete(accelerator),
    },
  };
});

await import('@main/index');
// Let whenReady().then(...) run.
await new Promise((resolve) => setImmediate(resolve));

const trusted = { senderFrame: { url: 'lingxi://app/index.html' } };
const call = (channel: string, ...args: unknown[]) => {
  const fn = fake.handlers.get(channel);
  if (!fn) throw new Error(`no handler for ${channel}`);
  return fn(trusted, ...args);
};

afterAll(() => {
  rmSync(fake.userData, { recursive: true, force: true });
  if (savedConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = savedConfigHome;
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
});

describe('main/index.ts wiring', () => {
  it('registers a handler for every contract channel and no other', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('sets the switches and the privileged scheme before ready, then serves it', () => {
    expect(fake.switches).toContain('autoplay-policy=no-user-gesture-required');
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'lingxi' })]);
    expect(fake.handledSchemes).toEqual(['lingxi']);
    expect(fake.permissionHandlers).toBeGreaterThan(0);
  });

  it('opens one sandboxed window on lingxi://app with the packaged preload, ignoring the dev URL when packaged', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.url).toBe('lingxi://app/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/opt/Lingxi/resources/app.asar/out/preload/index.cjs',
    });
  });

  it('connects power:set-call-active to the power blocker', async () => {
    await call('power:set-call-active', true);
    expect(fake.blockers.size).toBe(1);
    await call('power:set-call-active', false);
    expect(fake.blockers.size).toBe(0);
  });

  it('does not trust the dev server origin when packaged', async () => {
    const fn = fake.handlers.get('power:set-call-active');
    await expect(Promise.resolve(fn?.({ senderFrame: { url: 'http://localhost:5173/' } }, true))).rejects.toThrow(/untrusted/);
    expect(fake.blockers.size).toBe(0);
  });

  it('answers policy:load with a problem when no policy exists', async () => {
    const result = (await call('policy:load')) as { ok: boolean; problems: Array<{ path: string }> };
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.path).toBe('(file)');
  });

  it('keeps secrets through safeStorage in <userData>/secrets.json, never in plain text, and never hands them back', async () => {
    expect(await call('secrets:set', 'crm.token', 'tok-4711')).toEqual({ stored: true, protection: 'os', persistence: 'kept' });
    expect(readFileSync(join(fake.userData, 'secrets.json'), 'utf8')).not.toContain('tok-4711');
    expect(fake.handlers.has('secrets:get')).toBe(false);
    await expect(Promise.resolve(call('secrets:set', 'recording-key', 'x'))).rejects.toThrow(/invalid arguments/);
    // Before a valid policy there is no CRM to ask; the answer says so instead of failing.
    expect(await call('crm:lookup', { phone: '13800138000' })).toMatchObject({ ok: false, detail: /no valid policy names a crm.profileUrl/ });
  });

  it('hands the recording key once per page load; a new page load may ask again', async () => {
    const page = { ...trusted, sender: { id: 1 } };
    const take = () => fake.handlers.get('recording:take-key')?.(page) as Promise<{ ok: boolean; keyId?: string; key?: Uint8Array; reason?: string }>;
    const first = await take();
    expect(first).toMatchObject({ ok: true, created: true });
    expect(first.key).toHaveLength(32);
    expect(await take()).toMatchObject({ ok: false, reason: 'refused' });
    fake.windows[0]?.contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(await take()).toMatchObject({ ok: true, created: false, keyId: first.keyId });
  });

  it('answers shortcuts:status, empty while no valid policy is loaded', async () => {
    await call('policy:load');
    expect(await call('shortcuts:status')).toEqual([]);
    expect(fake.shortcuts.size).toBe(0);
  });

  it('packaged: replaces the default menu with one without reload, close or DevTools, and turns DevTools off', () => {
    expect(fake.menus).toHaveLength(1);
    const roles = JSON.stringify(fake.menus[0]);
    expect(roles).toContain('"copy"');
    expect(roles).not.toMatch(/reload|forceReload|toggleDevTools|"close"/i);
    expect(fake.windows[0]?.options.webPreferences?.devTools).toBe(false);
  });

  it('packaged: swallows Ctrl+R and Ctrl+W before they reach the window', () => {
    const reachesPage = (key: string, control: boolean) => {
      let prevented = false;
      const input = { type: 'keyDown', key, code: `Key${key.toUpperCase()}`, control, meta: false, alt: false, shift: false };
      fake.windows[0]?.contents.emit('before-input-event', { preventDefault: () => void (prevented = true) }, input);
      return !prevented;
    };
    expect(reachesPage('r', true)).toBe(false);
    expect(reachesPage('w', true)).toBe(false);
    expect(reachesPage('r', false)).toBe(true);
  });

  it('shows the desk in a tray icon drawn from the packaged PNGs, and sends the tray menu\'s Ready to the renderer', async () => {
    expect(fake.trays).toHaveLength(1);
    const tray = fake.trays[0];
    expect(tray?.tooltip).toBe('Lingxi — Starting…');
    await call('desktop:status', deskStatus({ agent: 'not-ready', next: { kind: 'not-ready', reason: 'lunch' } }));
    expect(tray?.tooltip).toBe('Lingxi — Not ready (Lunch) · Registered');
    // The offline icon first, then the Not ready one: each look its own image.
    expect(tray?.images).toHaveLength(2);
    const menu = tray?.menu as Array<{ label?: string; click?: () => void }>;
    const sentBefore = fake.windows[0]?.sent.length ?? 0;
    menu.find((item) => item.label === 'Ready')?.click?.();
    expect(fake.windows[0]?.sent.slice(sentBefore)).toEqual([['desktop:command', { kind: 'ready' }]]);
    await expect(Promise.resolve(call('desktop:status', { agent: 'asleep' }))).rejects.toThrow(/invalid arguments/);
  });

  it('with a valid policy: closing the window while registered hides it to the tray and says so once; Lingxi starts on login', async () => {
    const policy = { sip: { servers: ['wss://sbc.bank.example'], uriTemplate: 'sip:{agentId}@cc.bank.example' }, transcription: { provider: 'off' } };
    writeFileSync(join(fake.userData, 'policy.json'), JSON.stringify(policy));
    expect(await call('policy:load')).toMatchObject({ ok: true });
    // Linux here: the XDG autostart entry (Windows and macOS use app.setLoginItemSettings).
    expect(existsSync(join(fake.userData, 'autostart', 'lingxi.desktop'))).toBe(process.platform === 'linux');
    await call('desktop:status', deskStatus());
    const window = fake.windows[0]?.window;
    if (!window) throw new Error('no window');
    const close = () => {
      let prevented = false;
      window.emit('close', { preventDefault: () => void (prevented = true) });
      return prevented;
    };
    const quitsBefore = fake.quits;
    expect(close()).toBe(true);
    expect(window.visible).toBe(false);
    window.visible = true;
    expect(close()).toBe(true);
    expect(fake.quits).toBe(quitsBefore);
    expect(fake.notifications).toEqual([{ title: 'Lingxi is still running', body: expect.stringMatching(/icon in the notification area/) }]);
    expect(JSON.parse(readFileSync(join(fake.userData, 'window-state.json'), 'utf8'))).toMatchObject({ closeToTrayNoticeShown: true });
  });

  it('Quit in the tray during a call shows the hidden window and asks first', async () => {
    const window = fake.windows[0]?.window;
    expect(window?.visible).toBe(false);
    await call('power:set-call-active', true);
    const dialogsBefore = fake.dialogs.length;
    const menu = fake.trays[0]?.menu as Array<{ label?: string; click?: () => void }>;
    menu.find((item) => item.label === 'Quit Lingxi')?.click?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.dialogs.length).toBe(dialogsBefore + 1);
    expect(window?.visible).toBe(true);
    await call('power:set-call-active', false);
  });
  it('asks before quitting while a call is up, and stays when the agent says so', async () => {
    const { app } = await import('electron');
    await call('power:set-call-active', true);
    const dialogsBefore = fake.dialogs.length;
    const sentBefore = fake.windows[0]?.sent.length ?? 0;
    expect(app.quit()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.dialogs).toHaveLength(dialogsBefore + 1);
    expect(fake.windows[0]?.sent.slice(sentBefore)).toEqual([]);
    await call('power:set-call-active', false);
  });

  it('runs the quit flow: before-quit reaches the renderer, quit-ready quits', async () => {
    const { app } = await import('electron');
    const dialogsBefore = fake.dialogs.length;
    const sentBefore = fake.windows[0]?.sent.length ?? 0;
    expect(app.quit()).toBe(true);
    // No call up: the confirmation answers at once, without a dialog.
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.dialogs).toHaveLength(dialogsBefore);
    expect(fake.windows[0]?.sent.slice(sentBefore)).toEqual([[SYSTEM_EVENT_CHANNEL, 'before-quit']]);
    const quitsBefore = fake.quits;
    await call('app:quit-ready');
    expect(fake.quits).toBe(quitsBefore + 1);
  });

  it('is the tel:, sip: and callto: handler, and hands a second instance’s link to the page once it listens', async () => {
    const { app } = await import('electron');
    expect(fake.protocolClients).toEqual(['tel', 'sip', 'callto']);
    const sent = fake.windows[0]?.sent ?? [];
    const before = sent.length;
    app.emit('second-instance', {}, ['/opt/Lingxi/lingxi', 'tel:+86-10-8888-8888'], '/');
    expect(sent).toHaveLength(before);
    await call('dial:ready');
    expect(sent.slice(before)).toEqual([[DIAL_REQUEST_CHANNEL, { text: 'tel:+86-10-8888-8888', source: 'link' }]]);
    app.emit('open-url', { preventDefault: () => undefined }, 'callto:95588');
    expect(sent.at(-1)).toEqual([DIAL_REQUEST_CHANNEL, { text: 'callto:95588', source: 'link' }]);
  });
});
