import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';

/**
 * What the agent and IT need to know about the cache: a recording problem (an alert), a cache nearing
 * or over its limit, whether the browser granted persistent storage, and a weakly protected key.
 */
export function RecordingHealth() {
  const { t } = useTranslation();
  const problem = useAppStore((s) => s.recordingProblem);
  const cache = useAppStore((s) => s.recordingCache);
  const persistent = useAppStore((s) => s.storagePersistent);
  const keyWeak = useAppStore((s) => s.recordingKeyWeak);
  const browser = useAppStore((s) => s.hostKind === 'browser');
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  return (
    <>
      {problem && (
        <p role="alert" className="recordings__problem">
          {t(`recording.problem.${problem.code}`)}
        </p>
      )}
      {cache && cache.level !== 'ok' && (
        <p role="alert" className="recordings__quota">
          {t(`recording.cache.${cache.level}`, { used: mb(cache.usage.bytes), limit: mb(cache.usage.limitBytes), pending: mb(cache.usage.pendingBytes) })}
        </p>
      )}
      <p className="recordings__storage">
        {persistent === null ? t('recording.storage.unknown') : persistent ? t('recording.storage.persistent') : t('recording.storage.bestEffort')}
        {keyWeak && ` · ${t(browser ? 'recording.keyWeakBrowser' : 'recording.keyWeak')}`}
      </p>
    </>
  );
}
