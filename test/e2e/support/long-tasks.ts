/**
 * Main-thread long tasks (over 50 ms, PerformanceObserver 'longtask') in the app's page from now on: what the
 * flood spec and the bench's flood and ui groups read.
 */
import type { Page } from '@playwright/test';

type LongTaskWindow = Window & { __lingxiLongTasks?: number[] };

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
