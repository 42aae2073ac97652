import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackOutcome, StoredCallback } from '../../../db/schema';
import { useAppStore } from '../../../platform/store';
import { formatTime, formatWhen } from '../../../ui/format';
import { callbacksService } from '../callbacks-service';
import { CALLBACK_OUTCOMES, bucketOf, listOrder } from '../domain/callback-rules';
import { DroppedCallOffer } from './DroppedCallOffer';
import { useReasonLabel } from './use-reason-label';
import './callbacks.css';

/**
 * The Callbacks region: a dropped call's "Call back now", then the list "Due callbacks" (overdue, due now,
 * later), each row with Call back and its Outcome.
 */
export function CallbacksPanel() {
  const { t } = useTranslation();
  const callbacks = useAppStore((s) => s.callbacks);
  const now = useAppStore((s) => s.callbacksNow);
  const ordered = listOrder(callbacks, now);
  return (
    <section className="callbacks" aria-label={t('callbacks.region')} id="callbacks" tabIndex={-1}>
      <h2>{t('callbacks.region')}</h2>
      <DroppedCallOffer />
      {ordered.length === 0 ? (
        <p>{t('callbacks.empty')}</p>
      ) : (
        <ul aria-label={t('callbacks.list')}>
          {ordered.map((callback) => (
            <CallbackRow key={callback.id} callback={callback} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CallbackRow({ callback, now }: { callback: StoredCallback; now: number }) {
  const { t, i18n } = useTranslation();
  const reasonLabel = useReasonLabel();
  const busy = useAppStore((s) => s.calls.some((c) => c.phase !== 'ended'));
  const [problem, setProblem] = useState<string>();
  const bucket = bucketOf(callback, now);
  const callBack = async () => {
    setProblem(undefined);
    const result = await callbacksService()?.callBack(callback.id);
    if (result && !result.ok) setProblem(t('callbacks.dialFailed', { error: result.error }));
  };
  const outcome = (value: string) => {
    if (value) void callbacksService()?.recordOutcome(callback.id, value as CallbackOutcome);
  };
  return (
    <li className={`callbacks__row callbacks__row--${bucket}`}>
      <span className={`badge callbacks__bucket callbacks__bucket--${bucket}`}>{t(`callbacks.bucket.${bucket}`)}</span>{' '}
      <strong>{callback.customerName ? `${callback.customerName} ${callback.number}` : callback.number}</strong>{' '}
      <span>{reasonLabel(callback.reason)}</span>{' '}
      <span className="muted">{t('callbacks.window', { from: formatWhen(callback.windowStart, i18n.language, now), to: formatTime(callback.windowEnd, i18n.language) })}</span>
      {callback.note && <p className="callbacks__note">{callback.note}</p>}
      {callback.summary && (
        <details className="callbacks__details">
          <summary>{t('callbacks.summary')}</summary>
          <p className="callbacks__summary">{callback.summary}</p>
        </details>
      )}
      {callback.elderly && <p className="callbacks__cue">{t('callbacks.elderly')}</p>}
      {callback.attempts > 0 && <p className="muted">{t('callbacks.attempts', { count: callback.attempts })}</p>}
      {callback.automatic && <p className="muted">{t('callbacks.automatic')}</p>}
      <div className="callbacks__actions">
        <button type="button" onClick={() => void callBack()} disabled={busy}>
          {t('callbacks.callBack')}
        </button>
        <label>
          {t('callbacks.outcome')}{' '}
          <select value="" onChange={(e) => outcome(e.target.value)}>
            <option value="">{t('callbacks.chooseOutcome')}</option>
            {CALLBACK_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`callbacks.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </li>
  );
}
