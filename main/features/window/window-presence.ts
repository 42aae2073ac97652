/**
 * The window's presence on the desktop: closing it while the phone is registered hides it to the tray (policy
 * `window.closeToTray`) and says so the first time; an incoming call raises it (`window.raiseOnIncoming`) and
 * flashes the taskbar until the agent looks or the call stops ringing.
 *
 * Raising never takes the keyboard: the agent may be typing a customer's details into the CRM when the next call
 * rings, and focus() would send the rest of that typing into Lingxi (Windows may also refuse a background app's
 * focus() and only flash). So the window is shown without activation (showInactive), put on top of the others
 * (moveTop), and the taskbar button flashes (flashFrame; the Dock icon bounces on macOS); the agent answers with
 * the Answer shortcut or a click, which is when focus moves.
 */
import type { BrowserWindow } from 'electron';
import type { DeskStatus } from '@common/contract/desktop';
import type { WindowPolicy } from '@common/contract/policy-window';
import type { WindowStateStore } from './window-state-store';

/** What presence does with the window. */
export type PresenceWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isVisible' | 'isMinimized' | 'isFocused' | 'isFullScreen' | 'setFullScreen' | 'hide' | 'showInactive' | 'moveTop' | 'flashFrame' | 'on' | 'once'
>;

export interface WindowPresenceDeps {
  store: WindowStateStore;
  /** Shows the one-time "still running" notice (an OS notification); false when it could not be shown. */
  notifyHidden: () => boolean;
  /** Whether there is a tray icon to come back through (none: closing must quit). */
  hasTray: () => boolean;
}

export interface WindowPresence {
  /** The policy's window section (undefined: no valid policy, closing quits and nothing is raised). */
  configure(policy: WindowPolicy | undefined): void;
  /** Follows the window: stops the flashing once it has focus. */
  attach(window: PresenceWindow): void;
  /** The renderer's report: registration decides what closing does, ringing raises the window. */
  update(status: DeskStatus): void;
  /**
   * The agent closed the window. True: it was hidden to the tray and stays open; false: the caller quits
   * (through the quit flow).
   */
  closeRequested(): boolean;
}

export function createWindowPresence(deps: WindowPresenceDeps): WindowPresence {
  let policy: WindowPolicy | undefined;
  let window: PresenceWindow | undefined;
  let registered = false;
  let ringing = false;
  let flashing = false;
  const usable = () => (window && !window.isDestroyed() ? window : undefined);

  const stopFlashing = () => {
    if (!flashing) return;
    flashing = false;
    usable()?.flashFrame(false);
  };

  const raise = () => {
    const target = usable();
    if (!target) return;
    if (policy?.raiseOnIncoming) {
      if (!target.isVisible() || target.isMinimized()) target.showInactive();
      target.moveTop();
    }
    if (!target.isFocused()) {
      flashing = true;
      target.flashFrame(true);
    }
  };

  return {
    configure(next) {
      policy = next;
    },
    attach(next) {
      window = next;
      next.on('focus', stopFlashing);
    },
    update(status) {
      registered = status.registration === 'registered';
      const wasRinging = ringing;
      ringing = status.ringing;
      if (ringing && !wasRinging) raise();
      if (!ringing && wasRinging) stopFlashing();
    },
    closeRequested() {
      const target = usable();
      if (!target || !policy?.closeToTray || !registered || !deps.hasTray()) return false;
      // A full-screen window hidden on macOS leaves a black Space behind: leave full screen first.
      if (target.isFullScreen()) {
        target.once('leave-full-screen', () => target.hide());
        target.setFullScreen(false);
      } else target.hide();
      if (!deps.store.get().closeToTrayNoticeShown && deps.notifyHidden()) {
        deps.store.update((state) => ({ ...state, closeToTrayNoticeShown: true }));
      }
      return true;
    },
  };
}
