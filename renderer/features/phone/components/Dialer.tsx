import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { dial } from '../phone-service';

/** Number box and Call button; Enter dials. */
export function Dialer() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const dialError = useAppStore((s) => s.dialError);
  const setDialError = useAppStore((s) => s.setDialError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await dial(number);
    if (result.ok) {
      setDialError(null);
      setNumber('');
    } else {
      setDialError(`dialer.error.${result.error}`);
    }
  };

  return (
    <form className="dialer" aria-label={t('dialer.label')} onSubmit={(event) => void submit(event)}>
      <label>
        <span className="visually-hidden">{t('dialer.number')}</span>
        <input
          type="tel"
          name="number"
          autoComplete="off"
          inputMode="tel"
          placeholder={t('dialer.number')}
          value={number}
          aria-invalid={dialError !== null}
          aria-describedby={dialError ? 'dial-error' : undefined}
          onChange={(e) => setNumber(e.target.value)}
        />
      </label>
      <button type="submit">{t('dialer.call')}</button>
      {dialError && (
        <p id="dial-error" role="alert" className="error">
          {t(dialError as 'dialer.error.empty')}
        </p>
      )}
    </form>
  );
}
