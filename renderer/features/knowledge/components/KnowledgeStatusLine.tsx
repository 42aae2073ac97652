import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../../ui/format';
import { useKnowledge } from '../knowledge-state';

/** Article count, last synced time, the offline indicator and any import or sync problem. */
export function KnowledgeStatusLine() {
  const { t, i18n } = useTranslation();
  const s = useKnowledge();
  const offline = !s.online || (s.syncConfigured && s.syncError !== undefined);
  const time = { format: (ms: number) => formatWhen(ms, i18n.language) };
  return (
    <div className="kb-status">
      {s.phase === 'loading' && <span>{t('knowledge.loading')}</span>}
      {s.phase === 'failed' && <span role="alert">{t('knowledge.unavailable', { error: s.error })}</span>}
      {s.phase === 'ready' && <span>{t('knowledge.articles', { count: s.articles })}</span>}
      <span className="kb-status__sync">
        {!s.syncConfigured ? t('knowledge.noSync') : s.lastSyncedAt !== undefined ? t('knowledge.lastSynced', { time: time.format(s.lastSyncedAt) }) : t('knowledge.neverSynced')}
      </span>
      {offline && (
        <span className="kb-status__offline" role="status">
          {t('knowledge.offline')}
        </span>
      )}
      {s.syncError !== undefined && <span className="kb-status__error">{t('knowledge.syncFailed', { error: s.syncError })}</span>}
      {s.rejected && (
        <div role="alert" className="kb-status__error">
          {t('knowledge.rejected', { source: s.rejected.source, count: s.rejected.errors.length })}
          <ul>
            {s.rejected.errors.slice(0, 20).map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {s.skipped.length > 0 && (
        <details className="kb-status__error">
          <summary>{t('knowledge.skipped', { count: s.skipped.length })}</summary>
          <ul>
            {s.skipped.slice(0, 50).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
