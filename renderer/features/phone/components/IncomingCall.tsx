import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import type { CallSnapshot } from '../sip/types';
import { answer, hangup } from '../phone-service';

/** The ringing call: who is calling, Answer and Decline; a waiting call says so. */
export function IncomingCall({ call }: { call: CallSnapshot }) {
  const { t } = useTranslation();
  // Another line is up: this call rings softly and answering holds the other one.
  const waiting = useAppStore((s) => s.calls.some((c) => c.id !== call.id && c.phase !== 'ended'));
  const caller = call.remoteName ? `${call.remoteName} ${call.remoteNumber}` : call.remoteNumber || t('incoming.unknownCaller');
  return (
    <section className="incoming" aria-label={t('incoming.label')}>
      <h2>{t('incoming.from', { caller })}</h2>
      <p className="incoming__number">{call.remoteNumber}</p>
      {call.remoteName && <p className="incoming__name">{call.remoteName}</p>}
      {waiting && <p className="incoming__waiting">{t('incoming.waiting')}</p>}
      <div className="actions">
        <button type="button" className="answer" onClick={() => answer(call.id)}>
          {t('incoming.answer')}
        </button>
        <button type="button" className="decline" onClick={() => hangup(call.id)}>
          {t('incoming.decline')}
        </button>
      </div>
    </section>
  );
}
