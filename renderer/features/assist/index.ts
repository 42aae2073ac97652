/** The assist feature's public surface: what the app and higher features may import. */
export { assistVocabulary, onAssistEvent, startAssist } from './assist-service';
export { AssistPane } from './components/AssistPane';
export { CallSummaryPanel } from './components/CallSummaryPanel';
export { startTranscription } from './transcription/transcription-service';
