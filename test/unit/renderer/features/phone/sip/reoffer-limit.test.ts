import { describe, expect, it } from 'vitest';
import { ReofferLimit } from '@renderer/features/phone/sip/reoffer-limit';

describe('ReofferLimit', () => {
  it('allows `count` offers in any window, refuses the rest, and counts what it refused', () => {
    let now = 0;
    const limit = new ReofferLimit(3, 1000, () => now);
    const at = (ms: number) => {
      now = ms;
      return limit.allow();
    };
    expect([at(0), at(100), at(200), at(300)]).toEqual([true, true, true, false]);
    now = 999;
    expect(limit.allow()).toBe(false);
    now = 1000; // the first offer left the window: one slot
    expect([limit.allow(), limit.allow()]).toEqual([true, false]);
    expect(limit.refused).toBe(3);
  });

  it('a steady hostile rate gets through at the limit, not at its own rate', () => {
    let now = 0;
    const limit = new ReofferLimit(10, 10_000, () => now);
    let allowed = 0;
    for (; now < 60_000; now += 10) if (limit.allow()) allowed += 1; // 100 a second for a minute
    expect(allowed).toBe(60);
    expect(limit.refused).toBe(6000 - 60);
  });
});
