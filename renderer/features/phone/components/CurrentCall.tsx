import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSnapshot } from '../sip/types';
import { hangup, sendDtmf, setHold, setMute } from '../phone-service';
import { CallTimer } from './CallTimer';
import { isDtmfKey, Keypad } from './Keypad';
import { RemoteAudio } from './RemoteAudio';

/** The call being worked: who, state, timer and the in-call controls. */
export function CurrentCall({ call }: { call: CallSnapshot }) {
  const { t } = useTranslation();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const active = call.phase === 'active';

  // Digits typed while the keypad is open go out as DTMF (IVR menus, extensions).
  useEffect(() => {
    if (!keypadOpen || !active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || !isDtmfKey(event.key)) return;
      sendDtmf(call.id, event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keypadOpen, active, call.id]);

  return (
    <section className="current-call" aria-label={t('call.label')}>
      <h2>
        {call.remoteName ? `${call.remoteName} ` : ''}
        <span className="current-call__number">{call.remoteNumber}</span>
      </h2>
      <p className="current-call__phase">
        {t(`call.phase.${call.phase}`)}
        {call.heldLocally && ` · ${t('call.onHold')}`}
        {call.heldRemotely && ` · ${t('call.heldByRemote')}`}
        {call.muted && ` · ${t('call.muted')}`}
      </p>
      <CallTimer since={call.answeredAt} />
      <RemoteAudio callId={call.id} />
      <div className="actions">
        <button type="button" className="hangup" onClick={() => hangup(call.id)}>
          {t('call.hangup')}
        </button>
        {active && (
          <>
            <button type="button" onClick={() => setHold(call.id, !call.heldLocally)}>
              {call.heldLocally ? t('call.resume') : t('call.hold')}
            </button>
            <button type="button" onClick={() => setMute(call.id, !call.muted)}>
              {call.muted ? t('call.unmute') : t('call.mute')}
            </button>
            <button type="button" aria-expanded={keypadOpen} onClick={() => setKeypadOpen((open) => !open)}>
              {t('call.keypad')}
            </button>
          </>
        )}
      </div>
      {active && keypadOpen && <Keypad callId={call.id} />}
    </section>
  );
}
