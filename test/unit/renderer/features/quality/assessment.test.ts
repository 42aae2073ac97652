import { describe, expect, it } from 'vitest';
import { qualityPolicySchema } from '@common/contract/policy';
import { addToSummary, assess, oneWayDelayMs, warningsFor } from '@renderer/features/quality/assessment';
import type { NetworkFigures } from '@renderer/features/quality/stats-reader';

const thresholds = qualityPolicySchema.parse({});
const clean: NetworkFigures = { rttMs: 2, jitterMs: 1, lossPercent: 0, jitterBufferMs: 30, packetsReceived: 100 };

describe('call-quality assessment', () => {
  it('uses Twilio’s thresholds by default', () => {
    expect(thresholds).toMatchObject({
      sampleSeconds: 2,
      warnMosBelow: 3.5,
      warnLossPercentAbove: 3,
      warnJitterMsAbove: 30,
      warnRttMsAbove: 400,
    });
  });

  it('estimates one-way delay as half the RTT + jitter buffer + Opus delay', () => {
    expect(oneWayDelayMs({ ...clean, rttMs: 100, jitterBufferMs: 40 })).toBeCloseTo(50 + 40 + 26.5, 5);
    // No buffer measured: twice the jitter stands in for it.
    expect(oneWayDelayMs({ ...clean, rttMs: null, jitterMs: 20, jitterBufferMs: null })).toBeCloseTo(40 + 26.5, 5);
  });

  it('calls a clean call Good, with no warning', () => {
    const sample = assess(clean, thresholds, 1);
    expect(sample.level).toBe('good');
    expect(sample.warnings).toEqual([]);
    expect(sample.mos).toBeGreaterThan(4.3);
  });

  it('names each metric over its threshold (strictly over)', () => {
    const at = { mos: 4, lossPercent: 3, jitterMs: 30, rttMs: 400 };
    expect(warningsFor(at, thresholds)).toEqual([]);
    expect(warningsFor({ mos: 3.4, lossPercent: 3.1, jitterMs: 31, rttMs: 401 }, thresholds)).toEqual([
      'mos',
      'loss',
      'jitter',
      'rtt',
    ]);
    expect(warningsFor({ ...at, rttMs: null }, thresholds)).toEqual([]);
  });

  it('is Fair when only loss, jitter or RTT is bad, Poor when MOS is', () => {
    const lossy = assess({ ...clean, lossPercent: 5 }, thresholds, 1);
    expect(lossy).toMatchObject({ level: 'fair', warnings: ['loss'] });
    const jittery = assess({ ...clean, jitterMs: 45, jitterBufferMs: 60 }, thresholds, 1);
    expect(jittery).toMatchObject({ level: 'fair', warnings: ['jitter'] });
    const bad = assess({ ...clean, lossPercent: 12 }, thresholds, 1);
    expect(bad).toMatchObject({ level: 'poor', warnings: ['mos', 'loss'] });
  });

  it('follows the policy’s thresholds', () => {
    const strict = qualityPolicySchema.parse({ warnLossPercentAbove: 0.5 });
    expect(assess({ ...clean, lossPercent: 1 }, strict, 1).warnings).toEqual(['loss']);
  });

  it('summarises a call: average and lowest MOS, worst loss, jitter and RTT, and whether it warned', () => {
    const good = assess(clean, thresholds, 1);
    const bad = assess({ ...clean, lossPercent: 12, jitterMs: 35, rttMs: 150 }, thresholds, 2);
    let summary = addToSummary(null, good);
    expect(summary).toMatchObject({ samples: 1, warned: false, lossMaxPercent: 0 });
    summary = addToSummary(summary, bad);
    summary = addToSummary(summary, good);
    expect(summary.samples).toBe(3);
    expect(summary.mosAverage).toBeCloseTo((2 * good.mos + bad.mos) / 3, 2);
    expect(summary.mosMin).toBeCloseTo(bad.mos, 2);
    expect(summary).toMatchObject({ lossMaxPercent: 12, jitterMaxMs: 35, rttMaxMs: 150, warned: true });
  });
});
