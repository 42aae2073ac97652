/** Formatters every feature's screens share. */

/** mm:ss (h:mm:ss past an hour) for a duration in ms. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/**
 * mm:ss.t for an offset into a recording (h:mm:ss.t past an hour), to the nearest tenth of a second: a
 * 0.4 s pause must not read as 00:03–00:03.
 */
export function formatOffset(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  return `${formatDuration(Math.floor(tenths / 10) * 1000)}.${tenths % 10}`;
}
