import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { deskStatus } from '../desk-status';
import { windowPolicySchema } from '@common/contract/policy-window';
import { createWindowPresence, type PresenceWindow } from '@main/features/window/window-presence';
import type { WindowState, WindowStateStore } from '@main/features/window/window-state-store';
import { EMPTY_MEMORY } from '@main/features/window/placement';

/** A window that records what was done to it; focus is a real event. */
class FakeWindow extends EventEmitter {
  visible = true;
  minimized = false;
  focused = false;
  fullScreen = false;
  calls: string[] = [];
  isFullScreen = () => this.fullScreen;
  setFullScreen(flag: boolean) {
    this.calls.push(`setFullScreen(${flag})`);
  }
  isDestroyed = () => false;
  isVisible = () => this.visible;
  isMinimized = () => this.minimized;
  isFocused = () => this.focused;
  hide() {
    this.visible = false;
    this.calls.push('hide');
  }
  showInactive() {
    this.visible = true;
    this.minimized = false;
    this.calls.push('showInactive');
  }
  moveTop() {
    this.calls.push('moveTop');
  }
  flashFrame(flag: boolean) {
    this.calls.push(`flashFrame(${flag})`);
  }
  focus() {
    throw new Error('raising must never take the keyboard: focus() called');
  }
}

function memoryStore(): WindowStateStore & { writes: number } {
  let state: WindowState = { placements: EMPTY_MEMORY, closeToTrayNoticeShown: false };
  const store = {
    writes: 0,
    get: () => state,
    update(change: (s: WindowState) => WindowState) {
      state = change(state);
      store.writes++;
    },
  };
  return store;
}

const status = deskStatus;

function setUp(policy: object | null = {}, options: { tray?: boolean; notifications?: boolean } = {}) {
  const store = memoryStore();
  const notices: string[] = [];
  const presence = createWindowPresence({
    store,
    hasTray: () => options.tray ?? true,
    notifyHidden: () => (options.notifications ?? true) && notices.push('still running') > 0,
  });
  presence.configure(policy === null ? undefined : windowPolicySchema.parse(policy));
  const window = new FakeWindow();
  presence.attach(window as unknown as PresenceWindow);
  return { presence, window, store, notices };
}

describe('closing the window', () => {
  it('while registered: hides it to the tray and says so the first time only', () => {
    const { presence, window, notices, store } = setUp();
    presence.update(status());
    expect(presence.closeRequested()).toBe(true);
    expect(window.visible).toBe(false);
    window.visible = true;
    expect(presence.closeRequested()).toBe(true);
    expect(notices).toEqual(['still running']);
    expect(store.get().closeToTrayNoticeShown).toBe(true);
  });

  it('full screen: leaves full screen first and hides once it has (no black Space left on macOS)', () => {
    const { presence, window } = setUp();
    presence.update(status());
    window.fullScreen = true;
    expect(presence.closeRequested()).toBe(true);
    expect(window.calls).toEqual(['setFullScreen(false)']);
    window.emit('leave-full-screen');
    expect(window.calls).toEqual(['setFullScreen(false)', 'hide']);
  });

  it('a notice the OS could not show is shown next time', () => {
    const { presence, store } = setUp({}, { notifications: false });
    presence.update(status());
    expect(presence.closeRequested()).toBe(true);
    expect(store.get().closeToTrayNoticeShown).toBe(false);
  });

  it('quits (the caller\'s quit flow) when not registered, with closeToTray off, without a valid policy, or without a tray', () => {
    const unregistered = setUp();
    unregistered.presence.update(status({ registration: 'failed' }));
    expect(unregistered.presence.closeRequested()).toBe(false);
    for (const { presence, window } of [setUp({ closeToTray: false }), setUp(null), setUp({}, { tray: false })]) {
      presence.update(status());
      expect(presence.closeRequested()).toBe(false);
      expect(window.visible).toBe(true);
    }
  });
});

describe('an incoming call', () => {
  it('shows the window from the tray on top without taking the keyboard, and flashes until it is answered', () => {
    const { presence, window } = setUp();
    window.visible = false;
    presence.update(status({ ringing: true }));
    expect(window.calls).toEqual(['showInactive', 'moveTop', 'flashFrame(true)']);
    // Still ringing (another report): nothing again.
    presence.update(status({ ringing: true, agent: 'ready' }));
    presence.update(status({ ringing: false, agent: 'on-call' }));
    expect(window.calls).toEqual(['showInactive', 'moveTop', 'flashFrame(true)', 'flashFrame(false)']);
  });

  it('restores a minimised window without activating it; stops flashing once the agent focuses it', () => {
    const { presence, window } = setUp();
    window.minimized = true;
    presence.update(status({ ringing: true }));
    expect(window.minimized).toBe(false);
    window.focused = true;
    window.emit('focus');
    presence.update(status({ ringing: false }));
    expect(window.calls).toEqual(['showInactive', 'moveTop', 'flashFrame(true)', 'flashFrame(false)']);
  });

  it('a window already in front and focused is neither moved nor flashed', () => {
    const { presence, window } = setUp();
    window.focused = true;
    presence.update(status({ ringing: true }));
    expect(window.calls).toEqual(['moveTop']);
  });

  it('raiseOnIncoming off: the window stays where it is, the taskbar still flashes', () => {
    const { presence, window } = setUp({ raiseOnIncoming: false });
    window.visible = false;
    presence.update(status({ ringing: true }));
    expect(window.calls).toEqual(['flashFrame(true)']);
    expect(window.visible).toBe(false);
  });
});
