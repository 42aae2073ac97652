import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import type { CallSnapshot } from '../sip/types';
import { hangup, hangupConference, sendDtmf, setHold, setMute } from '../phone-service';
import { CallControls } from './CallControls';
import { CallList } from './CallList';
import { CallTimer } from './CallTimer';
import { isDtmfKey, Keypad } from './Keypad';
import { RefusedCalls } from './RefusedCalls';
import { RemoteAudio } from './RemoteAudio';
import { TransferForm, type TransferMode } from './TransferForm';
import { TransferStatus } from './TransferStatus';

export interface CurrentCallProps {
  call: CallSnapshot;
  /** The output device the remote parties play on ('' = system default). */
  speakerSinkId: string;
  /** Slot under the timer while the call is active (the app puts the recording controls there). */
  activeExtras?: ReactNode;
}

/** The call being worked: who, state, timer and the in-call controls; with two lines, the Calls list. */
export function CurrentCall({ call, speakerSinkId, activeExtras }: CurrentCallProps) {
  const { t } = useTranslation();
  const calls = useAppStore((s) => s.calls);
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [form, setForm] = useState<TransferMode | null>(null);
  const active = call.phase === 'active';
  const inConference = Boolean(call.conferenceId);
  const lines = calls.filter((c) => c.phase !== 'ended');
  // Transfer and Consult hand over the one call the agent has; with a second line, CallControls apply.
  const canTransfer = active && !inConference && lines.filter((c) => c.phase !== 'ringing').length === 1 &&
    (!call.transfer || call.transfer.state === 'failed');

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
        {inConference && ` · ${t('callControl.inConference')}`}
        {call.heldLocally && ` · ${t('call.onHold')}`}
        {call.heldRemotely && ` · ${t('call.heldByRemote')}`}
        {call.muted && ` · ${t('call.muted')}`}
      </p>
      {/* The timer and the recording status side by side but apart: "00:14  ● Recording", never "00:14● Off". */}
      <div className="current-call__meta">
        <CallTimer since={call.answeredAt} />
        {active && activeExtras}
      </div>
      <RefusedCalls />
      {/* One player per line: in a conference the agent hears both parties. */}
      {lines
        .filter((c) => c.phase !== 'ringing')
        .map((c) => (
          <div key={c.id} className="remote-audio" data-call-number={c.remoteNumber}>
            <RemoteAudio callId={c.id} sinkId={speakerSinkId} />
          </div>
        ))}
      <div className="actions">
        <button type="button" className="hangup" onClick={() => (inConference ? hangupConference() : hangup(call.id))}>
          {t('call.hangup')}
        </button>
        {active && (
          <>
            {!inConference && (
              <button type="button" onClick={() => setHold(call.id, !call.heldLocally)}>
                {call.heldLocally ? t('call.resume') : t('call.hold')}
              </button>
            )}
            <button type="button" onClick={() => setMute(call.id, !call.muted)}>
              {call.muted ? t('call.unmute') : t('call.mute')}
            </button>
            <button type="button" aria-expanded={keypadOpen} onClick={() => setKeypadOpen((open) => !open)}>
              {t('call.keypad')}
            </button>
            {canTransfer && form === null && (
              <>
                {/* data-shortcut: the Transfer keyboard shortcut clicks this button. */}
                <button type="button" data-shortcut="transfer" onClick={() => setForm('blind')}>
                  {t('callControl.transfer')}
                </button>
                <button type="button" onClick={() => setForm('consult')}>
                  {t('callControl.consult')}
                </button>
              </>
            )}
          </>
        )}
      </div>
      <CallControls calls={lines} />
      {canTransfer && form && <TransferForm callId={call.id} mode={form} onClose={() => setForm(null)} />}
      <TransferStatus calls={lines} />
      {active && keypadOpen && <Keypad callId={call.id} />}
      {lines.length > 1 && <CallList calls={lines} />}
    </section>
  );
}
