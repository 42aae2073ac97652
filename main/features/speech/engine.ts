/**
 * What every speech engine offers the service: open a recognition stream for one leg, feed it 16 kHz PCM,
 * get partial and final results with times. Engines: pocketsphinx (pocketsphinx/engine.ts) and sherpa-onnx
 * (sherpa/engine.ts).
 */
import type { SpeechErrorCode } from '@common/contract/speech-protocol';

/** One recognised word with its place in the stream. */
export interface WordTiming {
  word: string;
  startMs: number;
  endMs: number;
}

/** A result of the utterance in progress (partial) or of a finished utterance (final). */
export interface RecognitionEvent {
  kind: 'partial' | 'final';
  text: string;
  /** Milliseconds since the stream's first sample. */
  startMs: number;
  endMs: number;
  /** Word times (for a partial: of the hypothesis so far). */
  words: WordTiming[];
}

/** Per-stream options from the client's start message. */
export interface StreamOptions {
  language: string;
  /** Which side of the call the audio is (engines may keep per-leg state across calls). */
  leg?: 'customer' | 'agent';
  hints: readonly string[];
  keywords: readonly string[];
}

/** One leg's recognition. Calls must not overlap: await each before the next. */
export interface RecognitionStream {
  /** Feeds samples (16 kHz mono); resolves with the results they completed. */
  accept(samples: Int16Array): Promise<RecognitionEvent[]>;
  /** Ends the stream: the utterance in progress becomes a final. */
  finish(): Promise<RecognitionEvent[]>;
  /** Releases native resources. Idempotent. */
  close(): void;
}

/** A loaded engine. */
export interface SpeechEngine {
  /** Shown in `ready` and logs, e.g. "pocketsphinx". */
  readonly name: string;
  open(options: StreamOptions): Promise<RecognitionStream>;
  /** Releases what the engine keeps between streams. */
  dispose(): void;
}

/** An engine failure with the protocol error code the client will see. */
export class SpeechEngineError extends Error {
  override readonly name = 'SpeechEngineError';
  constructor(
    readonly code: SpeechErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
