/**
 * Where the window goes at start: its last position and size on the display it was on, remembered per display
 * (and per resolution: a laptop docked to two monitors and the same laptop on the train each get their own), and
 * restored only where it can still be seen. Pure functions over plain rectangles; the file is window-state-store.ts.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What placement reads of an Electron Display. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

const rectSchema = z.strictObject({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });

export const placementSchema = z.strictObject({
  /** The window's normal (not maximised) bounds. */
  bounds: rectSchema,
  maximized: z.boolean(),
});
export type Placement = z.infer<typeof placementSchema>;

/** Remembered placements by displayKey, most recently used last, and the display the window was on last. */
export const placementMemorySchema = z.strictObject({
  byDisplay: z.record(z.string(), placementSchema),
  last: z.string().optional(),
});
export type PlacementMemory = z.infer<typeof placementMemorySchema>;

export const EMPTY_MEMORY: PlacementMemory = { byDisplay: {} };

/** How many display set-ups are remembered (the oldest is forgotten). */
export const MAX_REMEMBERED = 8;

/**
 * A display as the memory knows it: its id and where it sits at which resolution. A monitor unplugged and
 * plugged back keeps its key; a new resolution or a moved arrangement is a new key.
 */
export function displayKey(display: Pick<DisplayInfo, 'id' | 'bounds'>): string {
  const { x, y, width, height } = display.bounds;
  return `${display.id}@${x},${y},${width}x${height}`;
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** The title bar's height the check keeps reachable (the agent must be able to grab the window). */
const TITLE_BAR = 32;

/**
 * Whether a window with these bounds can be seen and moved on a work area: at least half of it inside, and its
 * title bar's top edge within the work area's height (not above the top, not hidden under the taskbar).
 */
export function isVisibleOn(bounds: Rect, workArea: Rect): boolean {
  const inside = overlap(bounds, workArea);
  if (!inside) return false;
  const titleBarReachable = bounds.y >= workArea.y && bounds.y <= workArea.y + workArea.height - TITLE_BAR;
  return titleBarReachable && inside.width * inside.height * 2 >= bounds.width * bounds.height;
}

/**
 * The placement to restore: the one for the display the window was on last, if that display is still attached at
 * the same resolution and the bounds are visible there; else the most recent one whose display is attached and
 * visible; else none (the window opens at its default size, centred on the primary display).
 */
export function restorePlacement(memory: PlacementMemory, displays: readonly DisplayInfo[]): Placement | undefined {
  const attached = new Map(displays.map((display) => [displayKey(display), display]));
  const keys = Object.keys(memory.byDisplay).reverse();
  const ordered = memory.last ? [memory.last, ...keys.filter((key) => key !== memory.last)] : keys;
  for (const key of ordered) {
    const display = attached.get(key);
    const placement = memory.byDisplay[key];
    if (display && placement && isVisibleOn(placement.bounds, display.workArea)) return placement;
  }
  return undefined;
}

/** The memory after the window was placed on `display` (that display becomes the most recent). */
export function rememberPlacement(memory: PlacementMemory, display: Pick<DisplayInfo, 'id' | 'bounds'>, placement: Placement): PlacementMemory {
  const key = displayKey(display);
  const entries = Object.entries(memory.byDisplay).filter(([known]) => known !== key);
  entries.push([key, placement]);
  return { byDisplay: Object.fromEntries(entries.slice(-MAX_REMEMBERED)), last: key };
}
