/**
 * Transcription plumbing (issue 7): call audio → AudioWorklet tap (16 kHz PCM) → a TranscriptionProvider
 * (local speech service or bank ASR, protocol v1) → transcript events. See README.md.
 */
export { startTranscription, providerFor, type TranscriptionHandle, type TranscriptionOptions } from './transcription-service';
export {
  onTranscript,
  onTranscriptKeyword,
  onTranscriptionStatus,
  transcriptionStatuses,
  type TranscriptEvent,
  type TranscriptKeyword,
  type TranscriptionStatus,
} from './transcript-events';
export { FINAL_MEASURE } from './call-transcription';
export type { Leg, LegStream, LegStreams, StreamState, TranscriptionProvider, TranscriptionStream, StreamOptions, StreamResult, StreamStatus } from './provider';
