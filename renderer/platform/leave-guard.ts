/**
 * The browser host's guard against leaving mid-call: the tab holds the SIP stack and the call's media, so
 * closing or reloading it drops the customer. A page cannot block the browser's own Ctrl+W / Ctrl+R / F5,
 * but while a beforeunload handler asks, the browser shows its "Leave site?" prompt first. (The Electron
 * host guards in main instead: there a cancelled beforeunload would silently refuse to close the window.)
 */

/** The part of window this needs; injected for tests. */
type Target = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/** Arms the prompt while a call is up, disarms it after. */
export interface LeaveGuard {
  setCallActive(active: boolean): void;
}

/** Creates the guard over a window (the real one by default). */
export function createLeaveGuard(target: Target = window): LeaveGuard {
  const ask = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older Chromium (and Electron's shells) still look at returnValue rather than preventDefault.
    event.returnValue = true;
  };
  let armed = false;
  return {
    setCallActive(active) {
      if (active === armed) return;
      armed = active;
      if (active) target.addEventListener('beforeunload', ask);
      // Removed after the call: an armed handler also keeps the page out of the back/forward cache.
      else target.removeEventListener('beforeunload', ask);
    },
  };
}
