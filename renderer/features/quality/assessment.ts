/**
 * From network figures to what the agent sees: a MOS estimate per sample, which thresholds it crosses
 * (policy quality.*), a Good / Fair / Poor level, and the per-call summary kept in the call history.
 */
import type { Policy } from '@common/contract/policy';
import type { CallQualitySummary } from '../../db/schema';
import { estimateMos, OPUS_CODEC_DELAY_MS } from './e-model';
import type { NetworkFigures } from './stats-reader';

export type QualityThresholds = Policy['quality'];

/** The metrics a warning can name. */
export type QualityMetric = 'mos' | 'loss' | 'jitter' | 'rtt';

/**
 * good: nothing crosses a threshold; fair: MOS is fine but loss, jitter or RTT crosses one;
 * poor: MOS is below the threshold.
 */
export type QualityLevel = 'good' | 'fair' | 'poor';

/** One measurement of a call, every sampleSeconds. */
export interface QualitySample {
  /** Epoch ms. */
  at: number;
  rttMs: number | null;
  jitterMs: number;
  lossPercent: number;
  /** Estimated mouth-to-ear delay fed to the E-model. */
  oneWayDelayMs: number;
  rFactor: number;
  mos: number;
  level: QualityLevel;
  /** Metrics over their thresholds, worst first (MOS, loss, jitter, RTT). */
  warnings: QualityMetric[];
}

/**
 * Mouth-to-ear delay: half the round trip (the network), the time audio waits in our jitter buffer
 * (twice the jitter when nothing was played out to measure it, the usual rule of thumb for an adaptive
 * buffer), and Opus's algorithmic delay.
 */
export function oneWayDelayMs(figures: NetworkFigures): number {
  const buffer = figures.jitterBufferMs ?? 2 * figures.jitterMs;
  return (figures.rttMs ?? 0) / 2 + buffer + OPUS_CODEC_DELAY_MS;
}

/** Which thresholds the figures cross. Thresholds are strict: exactly 3 % loss does not warn. */
export function warningsFor(
  figures: Pick<QualitySample, 'mos' | 'lossPercent' | 'jitterMs' | 'rttMs'>,
  thresholds: QualityThresholds,
): QualityMetric[] {
  const warnings: QualityMetric[] = [];
  if (figures.mos < thresholds.warnMosBelow) warnings.push('mos');
  if (figures.lossPercent > thresholds.warnLossPercentAbove) warnings.push('loss');
  if (figures.jitterMs > thresholds.warnJitterMsAbove) warnings.push('jitter');
  if (figures.rttMs !== null && figures.rttMs > thresholds.warnRttMsAbove) warnings.push('rtt');
  return warnings;
}

/** Builds the sample for one interval's figures. */
export function assess(figures: NetworkFigures, thresholds: QualityThresholds, at: number): QualitySample {
  const delay = oneWayDelayMs(figures);
  const { r, mos } = estimateMos({ oneWayDelayMs: delay, lossPercent: figures.lossPercent });
  const base = { rttMs: figures.rttMs, jitterMs: figures.jitterMs, lossPercent: figures.lossPercent, mos };
  const warnings = warningsFor(base, thresholds);
  const level: QualityLevel = warnings.includes('mos') ? 'poor' : warnings.length > 0 ? 'fair' : 'good';
  return { at, ...base, oneWayDelayMs: delay, rFactor: r, level, warnings };
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Folds one more sample into a call's running summary (null: the call's first sample). */
export function addToSummary(summary: CallQualitySummary | null, sample: QualitySample): CallQualitySummary {
  const samples = (summary?.samples ?? 0) + 1;
  const previousAverage = summary?.mosAverage ?? 0;
  return {
    samples,
    mosAverage: round(previousAverage + (sample.mos - previousAverage) / samples, 3),
    mosMin: round(Math.min(summary?.mosMin ?? Infinity, sample.mos), 2),
    lossMaxPercent: round(Math.max(summary?.lossMaxPercent ?? 0, sample.lossPercent), 1),
    jitterMaxMs: round(Math.max(summary?.jitterMaxMs ?? 0, sample.jitterMs), 1),
    rttMaxMs: round(Math.max(summary?.rttMaxMs ?? 0, sample.rttMs ?? 0), 1),
    warned: (summary?.warned ?? false) || sample.warnings.length > 0,
  };
}
