import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { RecordingPlayback } from './RecordingPlayback';
import './recording.css';

/**
 * A call's recording where the call is shown (the call history's row, through the app's slot): its state
 * and Play recording. Nothing when the call was not recorded or its recording left the cache.
 */
export function CallRecording({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const recording = useAppStore((s) => s.recordings.find((r) => r.callId === callId));
  const playback = useAppStore((s) => s.policy.status === 'ready' && s.policy.policy.recording.playback);
  if (!recording) return null;
  return (
    <span className="call-recording" data-recording-id={recording.id}>
      <RecordingPlayback recording={recording} playback={playback} stateLabel={t('recording.callState')} />
    </span>
  );
}
