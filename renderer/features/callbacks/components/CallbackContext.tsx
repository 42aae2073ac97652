import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { useReasonLabel } from './use-reason-label';

/** On the screen pop of a call placed for a callback: its reason, note, the elderly cue and the first call's summary, before the answer. */
export function CallbackContext({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const attempt = useAppStore((s) => s.callbackAttempts[callId]);
  const reasonLabel = useReasonLabel();
  if (!attempt) return null;
  return (
    <div className="callbacks__context">
      <p>
        <strong>{t('callbacks.context', { reason: reasonLabel(attempt.reason) })}</strong>
      </p>
      {attempt.note && <p>{attempt.note}</p>}
      {attempt.elderly && <p className="callbacks__cue">{t('callbacks.elderly')}</p>}
      {attempt.summary && (
        <section aria-label={t('callbacks.summary')}>
          <h3>{t('callbacks.summary')}</h3>
          <p className="callbacks__summary">{attempt.summary}</p>
        </section>
      )}
    </div>
  );
}

/** The history row's tag: the outcome of the callback attempt this call was. */
export function CallbackHistoryTag({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const attempt = useAppStore((s) => s.callbackAttempts[callId]);
  if (!attempt) return null;
  return <span className="badge">{attempt.outcome ? t('callbacks.historyTag', { outcome: t(`callbacks.outcomes.${attempt.outcome}`) }) : t('callbacks.historyPending')}</span>;
}
