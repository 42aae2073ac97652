/**
 * Remembers where the agent put the window, per display (placement.ts), and hands the start-up placement to
 * createMainWindow. Electron's screen and the window are injected, so a test can unplug a monitor.
 */
import type { BrowserWindow } from 'electron';
import { rememberPlacement, restorePlacement, type DisplayInfo, type Placement } from './placement';
import type { WindowStateStore } from './window-state-store';

export interface PlacementScreen {
  getAllDisplays: () => DisplayInfo[];
  getDisplayMatching: (rect: Placement['bounds']) => DisplayInfo;
}

/** The placement to open the window with, or undefined for the default (centred on the primary display). */
export function startPlacement(store: WindowStateStore, screen: PlacementScreen): Placement | undefined {
  return restorePlacement(store.get().placements, screen.getAllDisplays());
}

/** What tracking reads of the window. */
export type TrackedWindow = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isDestroyed' | 'on'>;

/** How long the window must rest before a move or resize is written (dragging fires many events). */
export const SAVE_DELAY_MS = 500;

/**
 * Writes the window's placement after it moved or was resized (debounced), and at once when it closes or hides,
 * under the display it is on (so quitting, which closes the window, never loses the last move).
 */
export function trackPlacement(window: TrackedWindow, screen: PlacementScreen, store: WindowStateStore, delayMs = SAVE_DELAY_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const display = screen.getDisplayMatching(bounds);
    store.update((state) => ({ ...state, placements: rememberPlacement(state.placements, display, { bounds, maximized: window.isMaximized() }) }));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  window.on('move', later);
  window.on('resize', later);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
  window.on('hide', save);
}
