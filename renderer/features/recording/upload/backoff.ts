/**
 * Retry delays between upload attempts: exponential backoff with full jitter (a uniformly random delay
 * between 0 and min(max, base·2^attempt)). Full jitter spreads the retries of a whole contact centre
 * coming back from an outage, instead of every desktop hitting the store at the same instants.
 */

export interface BackoffSettings {
  /** Ceiling of the first retry's delay (ms). */
  baseMs: number;
  /** Ceiling of any delay (ms). */
  maxMs: number;
}

/** Exponents beyond this already exceed any sane cap; clamping keeps 2^n finite. */
const MAX_EXPONENT = 52;

/** Throws an actionable error for settings that would make the queue spin or never retry. */
export function checkBackoff({ baseMs, maxMs }: BackoffSettings): void {
  if (!Number.isFinite(baseMs) || baseMs <= 0) throw new RangeError(`upload backoff base must be a positive number of ms, got ${baseMs}`);
  if (!Number.isFinite(maxMs) || maxMs < baseMs) throw new RangeError(`upload backoff max (${maxMs} ms) must be a number ≥ the base (${baseMs} ms)`);
}

/** The ceiling of the delay after `attempt` earlier failures (0 for the first retry): min(max, base·2^attempt). */
export function backoffCeiling(attempt: number, { baseMs, maxMs }: BackoffSettings): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), MAX_EXPONENT);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}

/**
 * The delay (ms) before the next attempt, after `attempt` earlier failures: full jitter over
 * [0, ceiling). `random` returns [0, 1) like Math.random (injected so tests can pin it).
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, random: () => number = Math.random): number {
  checkBackoff(settings);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeiling(attempt, settings));
}
