import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import type { CallHistoryEntry } from '../../../db/schema';
import { formatDuration, formatWhen } from '../../../ui/format';
import { useAgentLabels } from './use-agent-labels';

/**
 * The agent's recent calls, newest first. `renderExtra` adds to a row what other features know of the call
 * (the app passes the call-quality summary).
 */
export function CallHistory({ renderExtra }: { renderExtra?: (entry: CallHistoryEntry) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const history = useAppStore((s) => s.history);
  const { codeLabel } = useAgentLabels();
  const wrapUpText = ({ code, endedBy }: NonNullable<CallHistoryEntry['wrapUp']>) => {
    if (code !== null) return codeLabel(code);
    return endedBy === 'timeout' ? t('history.wrapUpTimedOut') : t('history.wrapUpNone');
  };
  const time = { format: (ms: number) => formatWhen(ms, i18n.language) };
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
              {entry.wrapUp && (
                <>
                  {' '}
                  <span className="history__wrapup" title={entry.wrapUp.notes || undefined}>
                    {wrapUpText(entry.wrapUp)}
                  </span>
                </>
              )}
              {renderExtra?.(entry)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
