/**
 * Run settings shared by every property in test/unit/fuzz. A failure's message carries fast-check's
 * `{ seed, path }`; replay it with `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>`. LINGXI_FUZZ_RUNS
 * multiplies the runs for a longer local session (`LINGXI_FUZZ_RUNS=50` → 50× the default runs).
 */
import fc from 'fast-check';

const positive = (text: string | undefined): number | undefined => {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

const scale = positive(process.env.LINGXI_FUZZ_RUNS) ?? 1;
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const path = process.env.FC_PATH;

/**
 * fast-check parameters for a property worth `runs` runs by default (tuned so the whole fuzz set adds a few
 * seconds to `npx vitest run` on two cores).
 */
export function fuzzParams<T>(runs: number): fc.Parameters<T> {
  return {
    numRuns: Math.round(runs * scale),
    // A replayed seed runs its path only, so the failure shows at once.
    ...(seed !== undefined && Number.isInteger(seed) ? { seed, ...(path ? { path, endOnFailure: true } : {}) } : {}),
  };
}

/** Runs a property with fuzzParams; a failure throws with the seed, the path and the counter-example. */
export function fuzz<T>(property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, runs: number): void {
  fc.assert(property, fuzzParams<T>(runs));
}

/** As fuzz, for async properties. */
export async function fuzzAsync<T>(property: fc.IAsyncPropertyWithHooks<T> | fc.IAsyncProperty<T>, runs: number): Promise<void> {
  await fc.assert(property, fuzzParams<T>(runs));
}
