/**
 * Main-thread long tasks (over 50 ms, PerformanceObserver 'longtask') in the app's page from now on: what the
 * flood spec and the bench's flood and ui groups read. watchLongFrames says what ran in them: Chromium's
 * long animation frames (LoAF, over 50 ms) with their scripts (who invoked them, from where, for how long).
 */
import type { Page } from '@playwright/test';

type LongTaskWindow = Window & { __lingxiLongTasks?: number[]; __lingxiLongFrames?: LongFrame[] };

/** A long animation frame: start (page clock, ms), duration, blocking part, and its scripts of 5 ms or more. */
export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** Style and layout after the scripts, ms. */
  renderMs: number;
  scripts: { invoker: string; source: string; duration: number; forcedLayoutMs: number }[];
}

/** Starts watching; the returned function gives the durations (ms) seen since, and starts a new list. */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as LongTaskWindow).__lingxiLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as LongTaskWindow).__lingxiLongTasks?.splice(0) ?? []);
}

/** Starts watching long animation frames; the returned function gives those seen since, and starts a new list. */
export async function watchLongFrames(page: Page): Promise<() => Promise<LongFrame[]>> {
  await page.evaluate(() => {
    const frames: LongFrame[] = [];
    (window as LongTaskWindow).__lingxiLongFrames = frames;
    // Chromium's PerformanceLongAnimationFrameTiming, which TypeScript's DOM library does not describe yet.
    type Script = { invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number };
    type Entry = PerformanceEntry & { blockingDuration: number; renderStart: number; scripts: Script[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        frames.push({
          startTime: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderMs: entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts
            .filter((s) => s.duration >= 5)
            .map((s) => ({
              invoker: s.invoker,
              source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.slice(s.sourceURL.lastIndexOf('/') + 1)}:${s.sourceCharPosition}`,
              duration: s.duration,
              forcedLayoutMs: s.forcedStyleAndLayoutDuration,
            })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  });
  return () => page.evaluate(() => (window as LongTaskWindow).__lingxiLongFrames?.splice(0) ?? []);
}
