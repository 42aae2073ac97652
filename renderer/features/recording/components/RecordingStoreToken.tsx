import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { saveRecordingStoreToken } from '../upload-token';

/**
 * The recording store's token, when uploads need one the agent can give: the store refused the upload
 * (401, 403), or the browser host holds none for this page while the policy names
 * `recording.uploadTokenHeader`. Saving it retries the waiting uploads at once.
 */
export function RecordingStoreToken() {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const recording = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.recording : null));
  const browser = useAppStore((s) => s.hostKind === 'browser');
  const refused = useAppStore((s) => s.recordingStoreRefused);
  const saved = useAppStore((s) => s.recordingStoreTokenSaved);
  const header = recording?.uploadTokenHeader;
  const needed = browser && header !== undefined && !saved;
  if (!recording?.uploadUrl || (refused === null && !needed)) return null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (value === '') return;
    void saveRecordingStoreToken(value);
    setToken('');
  };
  return (
    <div className="recordings__store-token">
      {refused === null ? (
        <p>{t('recording.storeToken.needed')}</p>
      ) : (
        <p role="alert" className="recordings__problem">
          {t(header ? 'recording.storeToken.refused' : 'recording.storeToken.refusedNoHeader', { status: refused })}
        </p>
      )}
      {header && (
        <form onSubmit={save}>
          <label>
            {t('recording.storeToken.label')} <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </label>{' '}
          <button type="submit">{t('recording.storeToken.save')}</button>
          <p className="recordings__storage">{t(browser ? 'recording.storeToken.session' : 'recording.storeToken.kept')}</p>
        </form>
      )}
    </div>
  );
}
