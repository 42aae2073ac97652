/**
 * Runs `work` when the page is idle (requestIdleCallback), and at the latest after `timeoutMs`: for warming
 * what a first call needs without slowing the start.
 */
export function whenIdle(work: () => void, timeoutMs = 3_000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
}
