import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayInfo, Rect } from '@main/features/window/placement';
import { startPlacement, trackPlacement, type PlacementScreen, type TrackedWindow } from '@main/features/window/remember-placement';
import { nodeWindowStateFiles, openWindowStateStore } from '@main/features/window/window-state-store';

const display = (id: number, x: number, width: number, height: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 0, width, height: height - 40 },
});

/** A screen whose monitors the test plugs and unplugs. */
function fakeScreen(displays: DisplayInfo[]): PlacementScreen & { displays: DisplayInfo[] } {
  const screen = {
    displays,
    getAllDisplays: () => screen.displays,
    getDisplayMatching: (rect: Rect) => screen.displays.find((d) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width) ?? (screen.displays[0] as DisplayInfo),
  };
  return screen;
}

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 100, y: 100, width: 1280, height: 800 };
  maximized = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => false;
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lingxi-window-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(folder, { recursive: true, force: true });
});

function open(problems: string[] = []) {
  return openWindowStateStore(join(folder, 'window-state.json'), nodeWindowStateFiles, (message) => void problems.push(message));
}

describe('remembering the window across starts', () => {
  it('saves after a drag comes to rest and at close, and the next start opens it there', () => {
    vi.useFakeTimers();
    const screen = fakeScreen([display(1, 0, 1920, 1080), display(2, 1920, 2560, 1440)]);
    const window = new FakeWindow();
    const store = open();
    trackPlacement(window as unknown as TrackedWindow, screen, store);
    window.bounds = { x: 2100, y: 120, width: 1500, height: 900 };
    window.emit('move');
    window.emit('move');
    expect(store.get().placements.last).toBeUndefined();
    vi.advanceTimersByTime(500);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    const file = JSON.parse(readFileSync(join(folder, 'window-state.json'), 'utf8')) as { placements: { last: string } };
    expect(file.placements.last).toBe('2@1920,0,2560x1440');
    expect(startPlacement(open(), screen)).toEqual({ bounds: { x: 2100, y: 120, width: 1500, height: 900 }, maximized: true });
  });

  it('the monitor it was on is gone at the next start: the default place, not off-screen', () => {
    const screen = fakeScreen([display(1, 0, 1920, 1080), display(2, 1920, 2560, 1440)]);
    const window = new FakeWindow();
    window.bounds = { x: 2100, y: 120, width: 1500, height: 900 };
    trackPlacement(window as unknown as TrackedWindow, screen, open());
    window.emit('close');
    screen.displays = [display(1, 0, 1920, 1080)];
    expect(startPlacement(open(), screen)).toBeUndefined();
  });

  it('the display\'s resolution changed: the default place; the old resolution\'s place returns with it', () => {
    const screen = fakeScreen([display(1, 0, 1920, 1080)]);
    const window = new FakeWindow();
    window.bounds = { x: 600, y: 200, width: 1280, height: 800 };
    trackPlacement(window as unknown as TrackedWindow, screen, open());
    window.emit('hide');
    screen.displays = [display(1, 0, 1280, 720)];
    expect(startPlacement(open(), screen)).toBeUndefined();
    screen.displays = [display(1, 0, 1920, 1080)];
    expect(startPlacement(open(), screen)?.bounds).toEqual({ x: 600, y: 200, width: 1280, height: 800 });
  });

  it('an unreadable or foreign state file is reported and ignored: the window opens at its default place', () => {
    writeFileSync(join(folder, 'window-state.json'), '{"placements": 3}');
    const problems: string[] = [];
    const store = open(problems);
    expect(startPlacement(store, fakeScreen([display(1, 0, 1920, 1080)]))).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/window-state\.json is not window state/)]);
    writeFileSync(join(folder, 'window-state.json'), 'not json');
    const again: string[] = [];
    open(again);
    expect(again).toEqual([expect.stringMatching(/could not be read/)]);
    // No file at all (first start) is no problem.
    rmSync(join(folder, 'window-state.json'));
    const none: string[] = [];
    open(none);
    expect(none).toEqual([]);
  });
});
