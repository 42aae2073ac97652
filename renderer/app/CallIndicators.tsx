import { useTranslation } from 'react-i18next';
import { selectCurrentCall } from '../features/phone';
import { CallQualityBadge } from '../features/quality';
import { RecordingBadge } from '../features/recording';
import { useAppStore } from '../platform/store';

/** The top bar's view of the call in progress: recorded or not, and its quality; nothing between calls. */
export function CallIndicators() {
  const { t } = useTranslation();
  const current = useAppStore(selectCurrentCall);
  if (current?.phase !== 'active') return null;
  return (
    <span role="group" aria-label={t('app.callIndicators')} className="call-indicators">
      <RecordingBadge callId={current.id} />
      <CallQualityBadge callId={current.id} />
    </span>
  );
}
