import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { RecordingRow } from './RecordingRow';
import { RecordingHealth } from './RecordingHealth';
import { RecordingStoreToken } from './RecordingStoreToken';
import './recording.css';

/** The recordings in the local cache, newest first, with their state and playback. */
export function RecordingsPanel() {
  const { t } = useTranslation();
  const recordings = useAppStore((s) => s.recordings);
  const playback = useAppStore((s) => s.policy.status === 'ready' && s.policy.policy.recording.playback);
  return (
    <section className="recordings" aria-label={t('recording.label')}>
      <h2>{t('recording.label')}</h2>
      <RecordingHealth />
      <RecordingStoreToken />
      {recordings.length === 0 ? (
        <p>{t('recording.empty')}</p>
      ) : (
        <ul>
          {recordings.map((recording) => (
            <RecordingRow key={recording.id} recording={recording} playback={playback} />
          ))}
        </ul>
      )}
    </section>
  );
}
