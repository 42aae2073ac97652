import { useTranslation } from 'react-i18next';
import type { RecordingManifest } from '../types';
import { useRecordingPlayer } from './use-recording-player';

/**
 * A recording's state (a status: recording, saved, uploading, uploaded, recovered, damaged, "will retry")
 * and, when the policy allows and the local audio is still there, Play recording with its player.
 * `stateLabel` names the status for where it stands (the Recordings list says "Upload state").
 */
export function RecordingPlayback({ recording, playback, stateLabel }: { recording: RecordingManifest; playback: boolean; stateLabel: string }) {
  const { t } = useTranslation();
  const player = useRecordingPlayer(recording.id);
  return (
    <span className="recordings__playback">
      <span role="status" aria-label={stateLabel} className="recordings__state" data-state={recording.state}>
        {t(`recording.state.${recording.state}`)}
        {recording.upload?.lastError && recording.state !== 'uploaded' ? ` · ${t('recording.retrying')}` : ''}
      </span>{' '}
      {playback && !recording.audioDeleted && (
        <button type="button" onClick={player.play}>
          {t('recording.play')}
        </button>
      )}
      {player.error && <span className="recordings__error" role="alert">{player.error}</span>}
      {player.url && <audio className="recordings__player" src={player.url} controls autoPlay aria-label={t('recording.player')} />}
    </span>
  );
}
