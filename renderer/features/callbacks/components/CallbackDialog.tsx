import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { appClock } from '../../../platform/app-clock';
import { formatTime, formatWhen } from '../../../ui/format';
import { usePreferenceText } from '../../screenpop';
import { callbacksService, type CallbackRequest } from '../callbacks-service';
import { preferredWindow, profileOfCall } from '../customer-context';
import { WINDOW_PRESETS, formatLocal } from '../domain/windows';
import { useReasonLabel } from './use-reason-label';

type Preset = CallbackRequest['preset'];

/**
 * The Callback dialog: Number (the caller's by default), When (presets or a picker in the bank's time zone;
 * the customer's own preferred time first when the CRM profile carries one), Reason (policy
 * `callbacks.reasons`), Note, Save. Not modal, so a call that rings meanwhile stays answerable.
 */
export function CallbackDialog() {
  const { t, i18n } = useTranslation();
  const draft = useAppStore((s) => s.callbackDraft);
  const close = useAppStore((s) => s.openCallbackDialog);
  const policy = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.callbacks : null));
  const reasonLabel = useReasonLabel();
  const preferenceText = usePreferenceText();
  const profile = useAppStore((s) => profileOfCall(s, s.callbackDraft?.callId));
  const profilePreference = profile?.callPreference;
  // The profile's other numbers are offered beside the caller's (the customer may want a call on another one).
  const profilePhones = profile?.phones;
  const numbersId = useId();
  const preferred = policy ? preferredWindow(profilePreference, appClock.now(), policy.hours) : null;
  const presets: readonly Preset[] = preferred ? ['preference', ...WINDOW_PRESETS] : WINDOW_PRESETS;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [number, setNumber] = useState('');
  const [preset, setPreset] = useState<Preset>('in-1-hour');
  const [custom, setCustom] = useState('');
  const [customerAsked, setCustomerAsked] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (draft && !element.open) {
      setNumber(draft.number);
      setPreset(policy && preferredWindow(profilePreference, appClock.now(), policy.hours) ? 'preference' : 'in-1-hour');
      setCustom(policy ? formatLocal(appClock.now() + 3_600_000, policy.hours.timeZone) : '');
      setCustomerAsked(false);
      setReason(draft.reason ?? policy?.reasons[0]?.code ?? '');
      setNote('');
      setProblem(undefined);
      element.show();
    }
    if (!draft && element.open) element.close();
  }, [draft, policy, profilePreference]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return setProblem(t('callbacks.numberMissing'));
    try {
      await callbacksService()?.schedule({ number, preset, ...(preset === 'custom' ? { custom } : {}), customerAsked, reason, note, ...(draft?.callId ? { callId: draft.callId } : {}) });
      close(null);
    } catch (error) {
      setProblem(t('callbacks.saveFailed', { detail: (error as Error).message }));
    }
  };

  return (
    <dialog
      ref={dialog}
      className="callback-dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close(null);
      }}
    >
      <form onSubmit={(event) => void save(event)}>
        <h2 id={titleId}>{t('callbacks.dialog')}</h2>
        <label>
          {t('callbacks.number')}
          <input type="tel" value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" list={profilePhones?.length ? numbersId : undefined} />
          {profilePhones?.length ? (
            <datalist id={numbersId}>
              {profilePhones.map((phone) => (
                <option key={phone} value={phone} />
              ))}
            </datalist>
          ) : null}
        </label>
        <label>
          {t('callbacks.when')}
          <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
            {presets.map((p) => (
              <option key={p} value={p}>
                {t(`callbacks.preset.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {preferred && (
          <p className="callback-dialog__preference">
            {t('callbacks.customerPrefers', { preference: preferenceText(preferred.preference) ?? preferred.preference })}
            {preset === 'preference' && (
              <>
                {' '}
                <span className="muted">{t('callbacks.nextSlot', { from: formatWhen(preferred.window.startAt, i18n.language, appClock.now()), to: formatTime(preferred.window.endAt, i18n.language) })}</span>
              </>
            )}
          </p>
        )}
        {preset === 'custom' && (
          <label>
            {t('callbacks.pickTime', { zone: policy?.hours.timeZone ?? '' })}
            <input type="datetime-local" value={custom} onChange={(e) => setCustom(e.target.value)} />
          </label>
        )}
        {preset !== 'preference' && (
          <label className="callback-dialog__check">
            <input type="checkbox" checked={customerAsked} onChange={(e) => setCustomerAsked(e.target.checked)} />
            {t('callbacks.customerAsked')}
          </label>
        )}
        <label>
          {t('callbacks.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            {(policy?.reasons ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {reasonLabel(r.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('callbacks.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
        </label>
        {problem && <p role="alert">{problem}</p>}
        <div className="callback-dialog__actions">
          <button type="submit">{t('callbacks.save')}</button>
          <button type="button" onClick={() => close(null)}>
            {t('callbacks.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
