import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consult, transfer } from '../phone-service';

export type TransferMode = 'blind' | 'consult';

/**
 * The number to hand the call to. Blind: submit sends REFER at once. Consult: submit holds the
 * customer and calls the colleague. The submit button carries the toolbar button's name
 * ("Transfer" / "Consult"), which is hidden while the form is open.
 */
export function TransferForm({ callId, mode, onClose }: { callId: string; mode: TransferMode; onClose(): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = mode === 'blind' ? transfer(callId, target) : await consult(callId, target);
    if (result.ok) onClose();
    else setError(`callControl.error.${result.error}`);
  };

  return (
    <form
      className="transfer-form"
      aria-label={t(mode === 'blind' ? 'callControl.transferForm' : 'callControl.consultForm')}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        {t('callControl.target')}{' '}
        <input
          type="tel"
          name="transfer-target"
          autoComplete="off"
          inputMode="tel"
          // The form opens on the agent's click: typing can start at once.
          autoFocus
          value={target}
          aria-invalid={error !== null}
          aria-describedby={error ? 'transfer-error' : undefined}
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
      <button type="submit">{t(mode === 'blind' ? 'callControl.transfer' : 'callControl.consult')}</button>
      <button type="button" onClick={onClose}>
        {t('callControl.cancel')}
      </button>
      {error && (
        <p id="transfer-error" role="alert" className="error">
          {t(error as 'callControl.error.empty')}
        </p>
      )}
    </form>
  );
}
