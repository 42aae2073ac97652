import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import type { CallSnapshot } from '../../phone';
import { recordingStateOf, selectLiveRecording } from '../recording-slice';
import { pauseRecording, resumeRecording, startCallRecording } from '../recording-service';

/**
 * The live call's recording: a status (Recording / Paused / Off) and Pause or Resume recording; in
 * on-demand mode, Start recording. data-shortcut: the Pause/Resume recording shortcut clicks the button.
 */
export function RecordingControls({ call }: { call: CallSnapshot }) {
  const { t } = useTranslation();
  const live = useAppStore(selectLiveRecording(call.id));
  const mode = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.recording.mode : 'off'));
  const state = recordingStateOf(live);
  return (
    <span className={`recording-controls recording-controls--${state}`}>
      <span role="status" aria-label={t('recording.status')} className="recording-controls__status">
        {t(`recording.live.${state}`)}
      </span>
      {live && !live.paused && (
        <button type="button" data-shortcut="recording" onClick={() => pauseRecording(call.id, 'agent')}>
          {t('recording.pause')}
        </button>
      )}
      {live?.paused && (
        <button type="button" data-shortcut="recording" onClick={() => resumeRecording(call.id, 'agent')}>
          {t('recording.resume')}
        </button>
      )}
      {!live && mode === 'on-demand' && (
        <button type="button" onClick={() => startCallRecording(call)}>
          {t('recording.start')}
        </button>
      )}
    </span>
  );
}
