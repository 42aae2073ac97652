/**
 * Keeps the display awake while a call is up, so the screen pop and assist pane stay readable and
 * the OS does not sleep mid-call (Signal does the same during calls).
 */
import type { PowerSaveBlocker } from 'electron';

export interface CallPower {
  /** Starts or stops the blocker; repeated calls with the same value do nothing. */
  setCallActive(active: boolean): void;
  /** Whether the renderer last said a call is up (the quit confirmation asks this). */
  isCallActive(): boolean;
  /** Whether a blocker is currently held. */
  isBlocking(): boolean;
  /** Releases the blocker (app quitting). */
  dispose(): void;
}

/** Creates the call power controller over an injected powerSaveBlocker. */
export function createCallPower(blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>): CallPower {
  let id: number | null = null;
  let callActive = false;

  const stop = () => {
    if (id === null) return;
    if (blocker.isStarted(id)) blocker.stop(id);
    id = null;
  };

  return {
    setCallActive(active) {
      callActive = active;
      if (!active) return stop();
      // One blocker per app, however many calls (consult, conference) are up: a second start would
      // leak an id that nothing ever stops.
      if (id !== null && blocker.isStarted(id)) return;
      // 'prevent-display-sleep' also keeps the system awake, which the call needs too.
      id = blocker.start('prevent-display-sleep');
    },
    isCallActive: () => callActive,
    isBlocking: () => id !== null && blocker.isStarted(id),
    dispose: stop,
  };
}
