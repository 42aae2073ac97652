/** Paused spans on a recording's timeline, shared by the manifest's list and the encoded mux's. */

/**
 * Adds a pause. One that reaches back to or before the end of the previous pause continues it (and takes
 * its `by`): the PCI guard's back-dated pause may start before the resume that ended the last one.
 * Returns the open pause.
 */
export function addPause<T extends { startMs: number; endMs?: number }>(pauses: T[], pause: T): T {
  const last = pauses.at(-1);
  if (last?.endMs !== undefined && pause.startMs <= last.endMs) {
    Object.assign(last, { ...pause, startMs: last.startMs });
    delete last.endMs;
    return last;
  }
  pauses.push(pause);
  return pause;
}
