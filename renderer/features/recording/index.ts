/** The recording feature's public surface: what the app and higher features may import. */
export { RecordingControls } from './components/RecordingControls';
export { RecordingsPanel } from './components/RecordingsPanel';
export { pauseRecording, resumeRecording, startRecording, toggleRecordingPause } from './recording-service';
export { createRecordingSlice } from './recording-slice';
export type { PausedBy } from './types';
