import { useTranslation } from 'react-i18next';
import { useStore } from '../../../app/store';
import { formatDuration } from '../../phone/components/CallTimer';

/** The agent's recent calls, newest first. */
export function CallHistory() {
  const { t, i18n } = useTranslation();
  const history = useStore((s) => s.history);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="history" aria-label={t('history.label')}>
      <h2>{t('history.label')}</h2>
      {history.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ul>
          {history.map((entry) => (
            <li key={entry.id} className={`history__row history__row--${entry.outcome}`}>
              <span className="history__direction">{t(`history.${entry.direction}`)}</span>{' '}
              <span className="history__number">{entry.number}</span>{' '}
              {entry.displayName && <span className="history__name">{entry.displayName} </span>}
              <time dateTime={new Date(entry.startedAt).toISOString()}>{time.format(entry.startedAt)}</time>{' '}
              <span className="history__duration">{formatDuration(entry.durationMs)}</span>{' '}
              <span className="history__outcome">{t(`history.outcome.${entry.outcome}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
