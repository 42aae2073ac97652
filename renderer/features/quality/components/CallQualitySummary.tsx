import { useTranslation } from 'react-i18next';
import type { CallQualitySummary as Summary } from '../../../db/schema';
import './quality.css';

/** One call's quality summary, for its call-history row. */
export function CallQualitySummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <span className={`history__quality${summary.warned ? ' history__quality--warned' : ''}`}>
      {t('quality.summary', {
        average: summary.mosAverage.toFixed(1),
        min: summary.mosMin.toFixed(1),
        loss: summary.lossMaxPercent.toFixed(1),
        jitter: summary.jitterMaxMs.toFixed(0),
        rtt: summary.rttMaxMs.toFixed(0),
      })}
      {summary.warned && ` · ${t('quality.warned')}`}
    </span>
  );
}
