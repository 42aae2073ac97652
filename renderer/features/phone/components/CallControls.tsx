import { useTranslation } from 'react-i18next';
import { cancelTransfer, completeTransfer, startConference, swapCalls } from '../phone-service';
import type { CallSnapshot } from '../sip/types';

/**
 * The two-line controls: finish or abandon an attended transfer, merge the two connected calls into a
 * conference, swap which one the agent talks to.
 */
export function CallControls({ calls }: { calls: CallSnapshot[] }) {
  const { t } = useTranslation();
  const connected = calls.filter((c) => c.phase === 'active');
  const inConference = connected.some((c) => c.conferenceId);
  const consultCall = calls.find((c) => c.consultOf);
  const twoLines = connected.length === 2 && !inConference;
  if (!consultCall && !twoLines) return null;
  const transferring = calls.some((c) => c.transfer?.state === 'transferring');
  return (
    <div className="actions call-controls">
      {consultCall && (
        <>
          <button
            type="button"
            disabled={consultCall.phase !== 'active' || transferring}
            onClick={() => completeTransfer(consultCall.id)}
          >
            {t('callControl.completeTransfer')}
          </button>
          <button type="button" onClick={() => cancelTransfer(consultCall.id)}>
            {t('callControl.cancelTransfer')}
          </button>
        </>
      )}
      {twoLines && (
        <>
          {/* startConference runs in this click: the mix's AudioContext may only start from a gesture. */}
          <button type="button" disabled={transferring} onClick={() => startConference()}>
            {t('callControl.conference')}
          </button>
          <button type="button" disabled={transferring} onClick={() => swapCalls()}>
            {t('callControl.swap')}
          </button>
        </>
      )}
    </div>
  );
}
