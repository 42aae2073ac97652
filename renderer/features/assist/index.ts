/** The assist feature's public surface: what the app and higher features may import. */
export { onAssistEvent, startAssist } from './assist-service';
export { assistVocabulary } from './analysis';
export { callSummaries } from './assist-state';
export { AssistPane } from './components/AssistPane';
export { CallSummaryPanel } from './components/CallSummaryPanel';
export { startTranscription } from './transcription/transcription-service';
