import { EventEmitter } from 'node:events';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '@common/contract/desktop';
import { deskStatus } from '../desk-status';
import { createAgentTray } from '@main/features/tray/agent-tray';
import type { TrayLook } from '@main/features/tray/tray-menu';
import { trayLanguageOf } from '@main/features/tray/tray-text';

/** Electron's Tray in miniature: remembers what it shows, clicks are real events. */
class FakeTray extends EventEmitter {
  image: string;
  tooltip = '';
  title: string | undefined;
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;
  constructor(image: NativeImage) {
    super();
    this.image = image as unknown as string;
  }
  setImage(image: NativeImage) {
    this.image = image as unknown as string;
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setContextMenu(menu: Menu | null) {
    this.menu = menu as unknown as MenuItemConstructorOptions[];
  }
  destroy() {
    this.destroyed = true;
  }
}

const status = deskStatus;

function setUp(platform: NodeJS.Platform = 'win32') {
  let tray: FakeTray | undefined;
  const chosen: DesktopCommand[] = [];
  const calls = { show: 0, quit: 0 };
  const agentTray = createAgentTray({
    createTray: (image) => (tray = new FakeTray(image)) as unknown as Tray,
    buildMenu: (template) => template as unknown as Menu,
    // The image stands in as its look's name, so the test reads which icon shows.
    image: (look: TrayLook) => look as unknown as NativeImage,
    platform,
    language: trayLanguageOf('zh-CN'),
    choose: (command) => void chosen.push(command),
    show: () => void calls.show++,
    quit: () => void calls.quit++,
  });
  if (!tray) throw new Error('no tray created');
  const item = (label: string) => {
    const found = tray?.menu.find((entry) => entry.label === label);
    if (!found) throw new Error(`no menu item ${label} in ${JSON.stringify(tray?.menu.map((entry) => entry.label))}`);
    return found;
  };
  return { agentTray, tray, chosen, calls, item };
}

describe('the tray icon', () => {
  it('starts grey in the system language with nothing to choose, until the renderer reports', () => {
    const { tray, item } = setUp();
    expect(tray.image).toBe('offline');
    expect(tray.tooltip).toBe('Lingxi — 正在启动…');
    expect(item('就绪').enabled).toBe(false);
    expect(item('显示灵犀').enabled).not.toBe(false);
  });

  it('shows the agent state and the registration by icon and tooltip, in the UI language', () => {
    const { agentTray, tray } = setUp();
    agentTray.update(status());
    expect([tray.image, tray.tooltip]).toEqual(['ready', 'Lingxi — Ready · Registered']);
    agentTray.update(status({ agent: 'not-ready', next: { kind: 'not-ready', reason: 'lunch' } }));
    expect([tray.image, tray.tooltip]).toEqual(['not-ready', 'Lingxi — Not ready (Lunch) · Registered']);
    agentTray.update(status({ agent: 'on-call', ringing: true, language: 'zh-TW' }));
    expect([tray.image, tray.tooltip]).toEqual(['busy', 'Lingxi — 通話中 · 已註冊 · 來電']);
    // Not registered: no call can arrive, whatever the agent chose; the icon says so first.
    agentTray.update(status({ registration: 'failed' }));
    expect([tray.image, tray.tooltip]).toEqual(['offline', 'Lingxi — Ready · Registration failed']);
  });

  it('offers Ready and the policy\'s Not ready reasons, checks the one chosen, and sends the choice', () => {
    const { agentTray, chosen, item } = setUp();
    // During wrap-up the check marks where the agent goes next, as the window's control does.
    agentTray.update(status({ agent: 'wrap-up', next: { kind: 'not-ready', reason: 'lunch' } }));
    expect(item('Ready').checked).toBe(false);
    const reasons = item('Not ready').submenu as MenuItemConstructorOptions[];
    expect(reasons.map((r) => [r.label, r.checked])).toEqual([
      ['Break', false],
      ['Lunch', true],
    ]);
    reasons[0]?.click?.(undefined as never, undefined, undefined as never);
    item('Ready').click?.(undefined as never, undefined, undefined as never);
    expect(chosen).toEqual([{ kind: 'not-ready', reason: 'break' }, { kind: 'ready' }]);
  });

  it('disables Ready and Not ready while the app holds the agent Not ready (kill switch)', () => {
    const { agentTray, item } = setUp();
    agentTray.update(status({ agent: 'not-ready', next: { kind: 'not-ready', reason: 'update-required' }, held: true }));
    expect(item('Ready').enabled).toBe(false);
    expect(item('Not ready').enabled).toBe(false);
  });

  it('Show and a left click open the window; Quit quits (through the app\'s quit flow)', () => {
    const { agentTray, tray, calls, item } = setUp();
    agentTray.update(status());
    item('Show Lingxi').click?.(undefined as never, undefined, undefined as never);
    tray.emit('click');
    item('Quit Lingxi').click?.(undefined as never, undefined, undefined as never);
    expect(calls).toEqual({ show: 2, quit: 1 });
    agentTray.dispose();
    expect(tray.destroyed).toBe(true);
  });

  it('macOS: the state as a title beside the menu bar icon; a click opens the menu, not the window', () => {
    const { agentTray, tray, calls } = setUp('darwin');
    agentTray.update(status({ agent: 'not-ready', next: { kind: 'not-ready', reason: 'break' } }));
    expect(tray.title).toBe('Not ready (Break)');
    tray.emit('click');
    expect(calls.show).toBe(0);
  });

  it('picks the tray language from the system locale before the first report', () => {
    expect(['zh-CN', 'zh-Hans-CN', 'zh-TW', 'zh-HK', 'en-US', 'de-DE'].map(trayLanguageOf)).toEqual(['zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'en', 'en']);
  });
});
