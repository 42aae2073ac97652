import { useTranslation } from 'react-i18next';
import type { TranscriptionHealth } from '../assist-state';

/**
 * Whether the call is being transcribed, as the agent needs to know it: a live region (role status, named
 * "Transcription status") that is always present, so a screen reader announces the change when transcription
 * stops. When it is unavailable it says so in plain words, that the call itself is unaffected (the agent must
 * not hang up over it), and IT's reason verbatim (the model folder, the file, the server), so the agent can
 * pass it on.
 */
export function TranscriptionStatus({ health }: { health: TranscriptionHealth }) {
  const { t } = useTranslation();
  const down = health.state === 'unavailable' || health.state === 'error';
  return (
    <div role="status" aria-label={t('assist.transcriptionStatus')} className={down ? 'assist__unavailable' : 'assist__status'}>
      {down && (
        <>
          <p className="assist__unavailable-title">{t(health.state === 'error' ? 'assist.interrupted' : 'assist.unavailable')}</p>
          {health.reason && <p className="assist__unavailable-reason">{t('assist.reason', { reason: health.reason })}</p>}
        </>
      )}
      {health.state === 'connecting' && <p>{t('assist.connecting')}</p>}
    </div>
  );
}
