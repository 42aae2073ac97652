import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../platform/assert-never';
import { useAppStore } from '../../../platform/store';
import type { QualityMetric, QualitySample, QualityThresholds } from '../assessment';
import { selectCallQuality } from '../quality-slice';
import './quality.css';

/** The threshold each warning names, from the policy in force. */
function limitOf(metric: QualityMetric, thresholds: QualityThresholds): number {
  switch (metric) {
    case 'mos':
      return thresholds.warnMosBelow;
    case 'loss':
      return thresholds.warnLossPercentAbove;
    case 'jitter':
      return thresholds.warnJitterMsAbove;
    case 'rtt':
      return thresholds.warnRttMsAbove;
    default:
      return assertNever(metric);
  }
}

/**
 * The quality indicator of a live call: Good / Fair / Poor, the MOS estimate, and which metric crossed its
 * threshold. It is a status (polite live region): the level and the warnings are announced when they
 * change; the figures that move every sample sit in aria-live="off" parts so a screen reader is not
 * interrupted every two seconds. data-* attributes carry the raw sample for tests and the bench.
 */
export function CallQualityStatus({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation();
  const quality = useAppStore(selectCallQuality(callId));
  const policy = useAppStore((s) => s.policy);
  if (policy.status !== 'ready') return null;
  const sample: QualitySample | undefined = quality?.latest;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <div
      role="status"
      aria-label={t('quality.label')}
      className={`quality quality--${sample?.level ?? 'measuring'}`}
      data-level={sample?.level}
      data-mos={sample?.mos.toFixed(2)}
      data-loss={sample?.lossPercent.toFixed(1)}
      data-delay={sample?.oneWayDelayMs.toFixed(0)}
      data-sampled-at={sample?.at}
    >
      {sample ? (
        <>
          <span className="quality__level">{t(`quality.level.${sample.level}`)}</span>{' '}
          <span className="quality__mos" aria-live="off">
            {t('quality.mos', { value: sample.mos.toFixed(1) })}
          </span>
          {sample.warnings.length > 0 && (
            <span className="quality__warning">
              {' · '}
              {t('quality.warning', {
                list: list.format(
                  sample.warnings.map((m) => t(`quality.metric.${m}`, { limit: limitOf(m, policy.policy.quality) })),
                ),
              })}
            </span>
          )}
          <small className="quality__details" aria-live="off">
            {' '}
            {sample.rttMs === null
              ? t('quality.detailsNoRtt', { loss: sample.lossPercent.toFixed(1), jitter: sample.jitterMs.toFixed(0) })
              : t('quality.details', {
                  loss: sample.lossPercent.toFixed(1),
                  jitter: sample.jitterMs.toFixed(0),
                  rtt: sample.rttMs.toFixed(0),
                })}
          </small>
        </>
      ) : (
        t('quality.measuring')
      )}
    </div>
  );
}
