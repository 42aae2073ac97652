import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../platform/assert-never';
import { hangup } from '../phone-service';
import type { CallSnapshot } from '../sip/types';

/** What the list says about a call: Ringing, On hold, Connected, In conference, Dialling… */
function useCallState(): (call: CallSnapshot) => string {
  const { t } = useTranslation();
  return (call) => {
    switch (call.phase) {
      case 'active':
        if (call.heldLocally) return t('call.onHold');
        return call.conferenceId ? t('callControl.inConference') : t('call.phase.active');
      case 'ringing':
      case 'dialing':
      case 'early':
      case 'connecting':
      case 'ended':
        return t(`call.phase.${call.phase}`);
      default:
        return assertNever(call.phase);
    }
  };
}

/**
 * Every line the agent has (a waiting call, a held customer and a consultation, conference parties):
 * one item per call with number, name and state; in a conference each party can be dropped.
 */
export function CallList({ calls }: { calls: CallSnapshot[] }) {
  const { t } = useTranslation();
  const stateOf = useCallState();
  return (
    <ul className="call-list" aria-label={t('callControl.list')}>
      {calls.map((call) => (
        <li key={call.id} className="call-list__item">
          <span className="call-list__number">{call.remoteNumber}</span>
          {call.remoteName && <span className="call-list__name"> {call.remoteName}</span>}
          <span className="call-list__state"> · {stateOf(call)}</span>
          {call.conferenceId && (
            <button type="button" onClick={() => hangup(call.id)}>
              {t('callControl.drop', { number: call.remoteNumber })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
