import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { appClock } from '../../../platform/app-clock';
import { callbacksService } from '../callbacks-service';
import { WINDOW_PRESETS, formatLocal, type WindowPreset } from '../domain/windows';
import { useReasonLabel } from './use-reason-label';

/**
 * The Callback dialog: Number (the caller's by default), When (presets or a picker in the bank's time zone),
 * Reason (policy `callbacks.reasons`), Note, Save. Not modal, so a call that rings meanwhile stays answerable.
 */
export function CallbackDialog() {
  const { t } = useTranslation();
  const draft = useAppStore((s) => s.callbackDraft);
  const close = useAppStore((s) => s.openCallbackDialog);
  const policy = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.callbacks : null));
  const reasonLabel = useReasonLabel();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [number, setNumber] = useState('');
  const [preset, setPreset] = useState<WindowPreset>('in-1-hour');
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
      setPreset('in-1-hour');
      setCustom(policy ? formatLocal(appClock.now() + 3_600_000, policy.hours.timeZone) : '');
      setCustomerAsked(false);
      setReason(draft.reason ?? policy?.reasons[0]?.code ?? '');
      setNote('');
      setProblem(undefined);
      element.show();
    }
    if (!draft && element.open) element.close();
  }, [draft, policy]);

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
          <input type="tel" value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('callbacks.when')}
          <select value={preset} onChange={(e) => setPreset(e.target.value as WindowPreset)}>
            {WINDOW_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`callbacks.preset.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <label>
            {t('callbacks.pickTime', { zone: policy?.hours.timeZone ?? '' })}
            <input type="datetime-local" value={custom} onChange={(e) => setCustom(e.target.value)} />
          </label>
        )}
        <label className="callback-dialog__check">
          <input type="checkbox" checked={customerAsked} onChange={(e) => setCustomerAsked(e.target.checked)} />
          {t('callbacks.customerAsked')}
        </label>
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
