/**
 * Pane widths remembered per display: an agent who widens the assist pane on the 1920×1080 monitor keeps that,
 * and the laptop's 1366×768 screen keeps its own. Stored as relative weights (grid `fr`), one key per screen size.
 */
const PREFIX = 'lingxi.panes.';
/** No pane narrower than this share of the others' average: a splitter never hides a pane. */
export const MIN_WEIGHT = 0.4;

/** The localStorage key of the display this window is on. */
export function displayKey(screenLike: { width: number; height: number } = screen): string {
  return `${PREFIX}${screenLike.width}x${screenLike.height}`;
}

/** The stored weights for `count` columns, or `defaults` when none (or unusable ones) are stored. */
export function loadWeights(key: string, defaults: readonly number[], storage: Pick<Storage, 'getItem'> = localStorage): number[] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (Array.isArray(stored) && stored.length === defaults.length && stored.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= MIN_WEIGHT)) return stored as number[];
  } catch {
    // A damaged entry is as good as none: the defaults apply and the next drag overwrites it.
  }
  return [...defaults];
}

/** Stores the weights for this display. Storage full or disabled: the layout still works, it is just not remembered. */
export function saveWeights(key: string, weights: readonly number[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(key, JSON.stringify(weights.map((w) => Math.round(w * 1000) / 1000)));
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

/**
 * Moves the boundary after column `index` by `delta` weight units (positive: to the right), keeping every
 * column at least MIN_WEIGHT and the total unchanged.
 */
export function moveBoundary(weights: readonly number[], index: number, delta: number): number[] {
  const next = [...weights];
  const left = next[index];
  const right = next[index + 1];
  if (left === undefined || right === undefined) return next;
  const clamped = Math.max(MIN_WEIGHT - left, Math.min(right - MIN_WEIGHT, delta));
  next[index] = left + clamped;
  next[index + 1] = right - clamped;
  return next;
}
