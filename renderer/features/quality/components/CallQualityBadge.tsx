import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { selectCallQuality } from '../quality-slice';

/**
 * The call's quality in a word and its MOS, for the top bar: no live region (CallQualityStatus in the call
 * area announces changes), so a screen reader hears each change once.
 */
export function CallQualityBadge({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const sample = useAppStore(selectCallQuality(callId))?.latest;
  if (!sample) return null;
  return (
    <span className={`quality-badge quality-badge--${sample.level}`}>
      {t(`quality.level.${sample.level}`)} {t('quality.mos', { value: sample.mos.toFixed(1) })}
    </span>
  );
}
