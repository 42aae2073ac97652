/** The recording feature's public surface: what the app and higher features may import. */
export { CallRecording } from './components/CallRecording';
export { RecordingBadge } from './components/RecordingBadge';
export { RecordingControls } from './components/RecordingControls';
export { RecordingsPanel } from './components/RecordingsPanel';
export { pauseRecording, resumeRecording, startRecording, toggleRecordingPause, type InterruptedCall, type RecordingPorts } from './recording-service';
export { createRecordingSlice } from './recording-slice';
export type { PausedBy } from './types';
