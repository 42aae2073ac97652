import { useTranslation } from 'react-i18next';
import type { CallSnapshot } from '../sip/types';
import { answer, hangup } from '../phone-service';

/** The ringing call: who is calling, Answer and Decline. */
export function IncomingCall({ call }: { call: CallSnapshot }) {
  const { t } = useTranslation();
  const caller = call.remoteName ? `${call.remoteName} ${call.remoteNumber}` : call.remoteNumber || t('incoming.unknownCaller');
  return (
    <section className="incoming" aria-label={t('incoming.label')}>
      <h2>{t('incoming.from', { caller })}</h2>
      <p className="incoming__number">{call.remoteNumber}</p>
      {call.remoteName && <p className="incoming__name">{call.remoteName}</p>}
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
