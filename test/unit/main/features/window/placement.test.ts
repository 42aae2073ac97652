import { describe, expect, it } from 'vitest';
import { displayKey, EMPTY_MEMORY, isVisibleOn, MAX_REMEMBERED, rememberPlacement, restorePlacement, type DisplayInfo, type Placement } from '@main/features/window/placement';

/** A display with a 40 px taskbar at the bottom. */
const display = (id: number, x: number, y: number, width: number, height: number): DisplayInfo => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
});
const laptop = display(1, 0, 0, 1920, 1080);
const monitor = display(2, 1920, 0, 2560, 1440);
const at = (x: number, y: number, width = 1280, height = 800, maximized = false): Placement => ({ bounds: { x, y, width, height }, maximized });

describe('window placement per display', () => {
  it('restores the window where it was on the display it was on last', () => {
    let memory = rememberPlacement(EMPTY_MEMORY, laptop, at(100, 80));
    memory = rememberPlacement(memory, monitor, at(2200, 200, 1600, 1000, true));
    expect(restorePlacement(memory, [laptop, monitor])).toEqual(at(2200, 200, 1600, 1000, true));
  });

  it('a removed monitor: the placement on the remaining display, never one off-screen', () => {
    let memory = rememberPlacement(EMPTY_MEMORY, laptop, at(100, 80));
    memory = rememberPlacement(memory, monitor, at(2200, 200));
    // Undocked: only the laptop is left; its own remembered place comes back.
    expect(restorePlacement(memory, [laptop])).toEqual(at(100, 80));
    // Nothing remembered for the laptop: the default place (centred on the primary display), not x = 2200.
    expect(restorePlacement(rememberPlacement(EMPTY_MEMORY, monitor, at(2200, 200)), [laptop])).toBeUndefined();
  });

  it('a resolution change: the old resolution\'s placement is not used; each resolution keeps its own', () => {
    const memory = rememberPlacement(EMPTY_MEMORY, laptop, at(1000, 500, 900, 560));
    const smaller = display(1, 0, 0, 1280, 720);
    expect(displayKey(smaller)).not.toBe(displayKey(laptop));
    expect(restorePlacement(memory, [smaller])).toBeUndefined();
    const both = rememberPlacement(memory, smaller, at(40, 30, 1000, 600));
    expect(restorePlacement(both, [smaller])).toEqual(at(40, 30, 1000, 600));
    // Back at the old resolution: the window goes back where it was there.
    expect(restorePlacement(both, [laptop])).toEqual(at(1000, 500, 900, 560));
  });

  it('a placement no longer visible on its display (work area shrank, taskbar moved) is not restored', () => {
    const memory = rememberPlacement(EMPTY_MEMORY, laptop, at(100, 1000));
    expect(restorePlacement(memory, [laptop])).toBeUndefined();
  });

  it('visible means: at least half inside the work area, title bar reachable', () => {
    const work = laptop.workArea;
    expect(isVisibleOn({ x: 0, y: 0, width: 1280, height: 800 }, work)).toBe(true);
    expect(isVisibleOn({ x: 1300, y: 0, width: 1280, height: 800 }, work)).toBe(false);
    expect(isVisibleOn({ x: 1000, y: 0, width: 1280, height: 800 }, work)).toBe(true);
    expect(isVisibleOn({ x: 0, y: -10, width: 1280, height: 800 }, work)).toBe(false);
    expect(isVisibleOn({ x: 0, y: 1030, width: 1280, height: 800 }, work)).toBe(false);
    expect(isVisibleOn({ x: 3000, y: 0, width: 1280, height: 800 }, work)).toBe(false);
  });

  it('remembers the most recent display set-ups only', () => {
    let memory = EMPTY_MEMORY;
    for (let id = 1; id <= MAX_REMEMBERED + 3; id++) memory = rememberPlacement(memory, display(id, 0, 0, 1920, 1080), at(id, id));
    expect(Object.keys(memory.byDisplay)).toHaveLength(MAX_REMEMBERED);
    expect(restorePlacement(memory, [display(1, 0, 0, 1920, 1080)])).toBeUndefined();
    expect(restorePlacement(memory, [display(MAX_REMEMBERED + 3, 0, 0, 1920, 1080)])).toEqual(at(MAX_REMEMBERED + 3, MAX_REMEMBERED + 3));
  });
});
