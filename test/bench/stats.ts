/** Summary statistics for the bench's JSON figures. */

export interface Figure {
  median: number;
  p95: number;
  n: number;
  what: string;
}

/** Nearest-rank percentile of an ascending-sorted list. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function summarize(samples: number[], what: string): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? (sorted[Math.floor(mid)] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median: round(median), p95: round(percentile(sorted, 95)), n: sorted.length, what };
}

/** summarize() to three decimals, for ratios (CPU overhead, real-time factor) that sit near 0 or 1. */
export function summarizePrecise(samples: number[], what: string): Figure {
  const scaled = summarize(samples.map((v) => v * 1000), what);
  return { ...scaled, median: Math.round(scaled.median) / 1000, p95: Math.round(scaled.p95) / 1000 };
}

/** One measured value (a size, a single timed run) with what it measured. */
export interface Value {
  value: number;
  what: string;
}

/** A Value rounded to one decimal. */
export function value(measured: number, what: string): Value {
  return { value: round(measured), what };
}
