/**
 * The TranscriptionProvider interface (issue 7): open one stream per call leg with a language and phrase
 * hints, feed it 16 kHz PCM frames, get partial, final and keyword results with times, and a status.
 * Providers: LocalSpeechProvider (the local speech service) and BankAsrProvider (the bank's ASR server); both
 * speak Lingxi speech protocol v1 (common/contract/speech-protocol.ts) through SpeechStream.
 */
import type { SpeechLeg } from '@common/contract/speech-protocol';
import type { FrameClock } from './frame-feed';

export type Leg = SpeechLeg;

/** What a stream is asked to recognise. */
export interface StreamOptions {
  leg: Leg;
  /** BCP 47 tag (en-US, zh-CN …). */
  language: string;
  /** Phrases the recogniser should expect. */
  hints: readonly string[];
  /** Phrases to report as keyword results. */
  keywords: readonly string[];
}

/**
 * A recognised result. Times are on the caller's clock: the `capturedAtMs` it gave the frames the result
 * covers (the session uses milliseconds since the call was answered).
 */
export interface StreamResult {
  kind: 'partial' | 'final' | 'keyword';
  leg: Leg;
  /** The utterance text, or for a keyword the keyword. */
  text: string;
  startMs: number;
  endMs: number;
  /** End of the leg's latest voiced frame before the result, on the page's clock (performance.now() ms), when known. */
  speechEndAt?: number;
}

/**
 * connecting: opening the connection or the stream (also while reconnecting);
 * ready: the engine is listening;
 * unavailable: it will not work without someone acting (no model, service off, language not supported): `reason` says why;
 * error: a transient failure (connection lost, server overloaded); the stream retries with backoff.
 */
export type StreamState = 'connecting' | 'ready' | 'unavailable' | 'error';

export interface StreamStatus {
  state: StreamState;
  /** Why (unavailable, error), in English for logs and IT; the pane shows its own words plus this. */
  reason?: string;
  /** The engine recognising (from the server's ready message). */
  engine?: string;
  /** Audio dropped under back-pressure or while disconnected since the stream opened, ms. */
  droppedMs: number;
}

export interface StreamListener {
  result(result: StreamResult): void;
  status(status: StreamStatus): void;
}

/** One leg's stream for one call. */
export interface TranscriptionStream {
  /**
   * Sends a frame (16-bit LE mono PCM at 16 kHz, 20–100 ms) captured at `capturedAtMs` on the caller's clock.
   * Never blocks: frames are queued while connecting and dropped (oldest first) when the network is slow.
   */
  send(pcm: ArrayBuffer, capturedAtMs: number): void;
  /** Ends the stream after the audio sent: resolves once the last final arrived (or after a timeout). */
  stop(): Promise<void>;
  /** Drops the stream at once. */
  close(): void;
}

export interface TranscriptionProvider {
  readonly name: 'local' | 'bank-asr';
  open(options: StreamOptions, listener: StreamListener): TranscriptionStream;
}

/**
 * A leg's stream as the page holds it: the speech worker runs the provider's stream, and the tap's frames reach
 * it over a MessagePort from the worklet, never through the page's main thread.
 */
export interface LegStream {
  /** Takes the frames a tap posts on `port` from now on (a new tap replaces the previous one); the port is transferred. */
  attach(port: MessagePort, clock: FrameClock): void;
  /** Ends the stream after the audio sent: resolves once the last final arrived (or after a timeout). */
  stop(): Promise<void>;
  /** Drops the stream at once. */
  close(): void;
}

/** Opens legs' streams for the page (speech-worker.ts: the two providers, run in the speech worker). */
export interface LegStreams {
  readonly name: TranscriptionProvider['name'];
  open(options: StreamOptions, listener: StreamListener): LegStream;
}
