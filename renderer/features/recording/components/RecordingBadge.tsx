import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { recordingStateOf, selectLiveRecording } from '../recording-slice';

/**
 * Whether the call is being recorded, for the top bar: no live region (RecordingControls in the call area has
 * the status), so a screen reader hears each change once.
 */
export function RecordingBadge({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const live = useAppStore(selectLiveRecording(callId));
  const state = recordingStateOf(live);
  return <span className={`recording-badge recording-badge--${state}`}>{t(`recording.live.${state}`)}</span>;
}
