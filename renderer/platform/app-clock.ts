/**
 * The app's clock for what runs on the calendar (callbacks falling due). It is the wall clock, plus an offset
 * that only a test can move: end-to-end specs open the browser host with `?testClock=1`, which puts
 * `window.lingxiTestClock.advance(ms)` on the page, so "an hour later" takes no hour. Without that query (and
 * always in Electron, whose page has no query) the offset stays 0.
 */

export interface AppClock {
  /** Epoch ms. */
  now(): number;
  /** Called after the clock jumped (a test advanced it); returns the unsubscribe function. */
  onJump(listener: () => void): () => void;
}

let offsetMs = 0;
const listeners = new Set<() => void>();

export const appClock: AppClock = {
  now: () => Date.now() + offsetMs,
  onJump(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The test hook's shape on `window`. */
export interface TestClock {
  /** Moves the app's clock forward by `ms` and tells its listeners. */
  advance(ms: number): void;
}

/** Installs `window.lingxiTestClock` when the page's address asks for it (`?testClock=1`). */
export function installTestClock(target: Window = window): boolean {
  if (new URLSearchParams(target.location.search).get('testClock') !== '1') return false;
  const hook: TestClock = {
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('lingxiTestClock.advance: ms must be a finite number ≥ 0');
      offsetMs += ms;
      for (const listener of [...listeners]) listener();
    },
  };
  (target as Window & { lingxiTestClock?: TestClock }).lingxiTestClock = hook;
  return true;
}
