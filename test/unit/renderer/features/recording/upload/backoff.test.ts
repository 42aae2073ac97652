import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from '@renderer/features/recording/upload/backoff';

const policy = { baseMs: 2000, maxMs: 600_000 };

describe('upload backoff (exponential, full jitter)', () => {
  it('doubles the ceiling per failed attempt up to the maximum', () => {
    expect([0, 1, 2, 3, 8, 9, 50].map((n) => backoffCeiling(n, policy))).toEqual([2000, 4000, 8000, 16_000, 512_000, 600_000, 600_000]);
  });

  it('draws the delay uniformly between 0 and the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(8000);
    expect(backoffDelay(3, policy, () => 0.999_999)).toBe(15_999);
    const delays = Array.from({ length: 2000 }, () => backoffDelay(2, policy));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(8000);
    // Full jitter, not equal jitter: about half the retries come in the lower half of the window.
    const lowerHalf = delays.filter((d) => d < 4000).length / delays.length;
    expect(lowerHalf).toBeGreaterThan(0.4);
    expect(lowerHalf).toBeLessThan(0.6);
  });

  it('stays finite for absurd attempt counts and tolerates a bad random source', () => {
    expect(backoffDelay(10_000, policy, () => 0.5)).toBe(300_000);
    expect(backoffDelay(-3, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(1, policy, () => 7)).toBe(4000);
  });

  it('refuses settings that would spin or never retry, naming the setting', () => {
    expect(() => backoffDelay(0, { baseMs: 0, maxMs: 10 })).toThrow(/backoff base must be a positive/);
    expect(() => backoffDelay(0, { baseMs: 100, maxMs: 50 })).toThrow(/backoff max \(50 ms\) must be a number ≥ the base/);
    expect(() => backoffDelay(0, { baseMs: Number.NaN, maxMs: 50 })).toThrow(/backoff base/);
  });
});
