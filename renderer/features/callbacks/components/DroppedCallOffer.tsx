import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { callbacksService } from '../callbacks-service';

/** A dropped call: "Call back now", and when a callback is scheduled by itself if the agent does not. */
export function DroppedCallOffer() {
  const { t } = useTranslation();
  const offer = useAppStore((s) => s.droppedCall);
  const minutes = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.callbacks.droppedCallMinutes : 0));
  const busy = useAppStore((s) => s.calls.some((c) => c.phase !== 'ended'));
  if (!offer) return null;
  return (
    <div role="alert" className="callbacks__dropped">
      <p>{t('callbacks.dropped', { number: offer.number })}</p>
      {minutes > 0 && <p className="muted">{t('callbacks.droppedAuto', { minutes })}</p>}
      <button type="button" disabled={busy} onClick={() => void callbacksService()?.callBackDropped()}>
        {t('callbacks.callBackNow')}
      </button>
    </div>
  );
}
