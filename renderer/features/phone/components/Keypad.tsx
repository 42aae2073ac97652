import { useTranslation } from 'react-i18next';
import { sendDtmf } from '../phone-service';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** DTMF keypad; each button is named by its digit. */
export function Keypad({ callId }: { callId: string }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('call.keypadDigits')} className="keypad">
      {KEYS.map((key) => (
        <button key={key} type="button" onClick={() => sendDtmf(callId, key)}>
          {key}
        </button>
      ))}
    </div>
  );
}

/** Whether a key typed on the keyboard is a DTMF digit. */
export function isDtmfKey(key: string): boolean {
  return (KEYS as readonly string[]).includes(key);
}
