import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusalTally, refusalReason, type RefusedCalls } from '@renderer/features/phone/sip/refusals';

describe('refusalReason', () => {
  const ready = () => true;
  const notReady = () => false;
  it('lets a first call ring when the agent is Ready, refuses it when not', () => {
    expect(refusalReason(0, true, ready)).toBeUndefined();
    expect(refusalReason(0, true, notReady)).toBe('not-ready');
  });
  it('lets a waiting call ring only with call waiting on', () => {
    expect(refusalReason(1, true, ready)).toBeUndefined();
    expect(refusalReason(1, false, ready)).toBe('no-call-waiting');
  });
  it('refuses a third line whatever the agent state, without asking it', () => {
    const asked = vi.fn(() => true);
    expect(refusalReason(2, true, asked)).toBe('lines-full');
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('RefusalTally', () => {
  afterEach(() => vi.useRealTimers());

  function setup() {
    vi.useFakeTimers({ now: 1_000 });
    const reports: (RefusedCalls | null)[] = [];
    const tally = new RefusalTally((t) => reports.push(t), 1000);
    return { tally, reports };
  }

  it('reports the first refusal at once and a flood of 500 as a handful of reports, the last with every refusal', () => {
    const { tally, reports } = setup();
    for (let i = 0; i < 500; i++) {
      tally.add(i % 10 === 0 ? 'lines-full' : 'no-call-waiting');
      vi.advanceTimersByTime(20); // 50 a second for 10 s
    }
    vi.advanceTimersByTime(1000);
    expect(reports[0]?.count).toBe(1);
    expect(reports.length).toBeLessThanOrEqual(12);
    const last = reports.at(-1);
    expect(last).toMatchObject({ count: 500, byReason: { 'lines-full': 50, 'no-call-waiting': 450, 'not-ready': 0 }, since: 1_000 });
    expect(last?.last).toBe(1_000 + 499 * 20);
  });

  it('reset closes the tally (reported as null), returns it and starts counting from one again', () => {
    const { tally, reports } = setup();
    tally.add('not-ready');
    tally.add('not-ready');
    expect(tally.reset()?.count).toBe(2);
    expect(reports.at(-1)).toBeNull();
    vi.advanceTimersByTime(5000);
    expect(reports.at(-1)).toBeNull(); // the pending trailing report was dropped with the tally
    tally.add('lines-full');
    expect(reports.at(-1)).toMatchObject({ count: 1 });
  });

  it('reset without refusals reports nothing', () => {
    const { tally, reports } = setup();
    expect(tally.reset()).toBeNull();
    expect(reports).toEqual([]);
  });

  it('dispose drops the pending report', () => {
    const { tally, reports } = setup();
    tally.add('lines-full');
    tally.add('lines-full');
    tally.dispose();
    vi.advanceTimersByTime(5000);
    expect(reports.map((r) => r?.count)).toEqual([1]);
  });
});
