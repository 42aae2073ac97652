/**
 * What the page and the speech worker (speech.worker.ts) say to each other. The worker owns every leg's
 * protocol v1 stream and WebSocket and takes the tap's frames straight from the worklet; the page gets only
 * results and statuses, and answers the worker's requests for the local service's endpoint (the host lives on
 * the page).
 */
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import type { FrameClock } from './frame-feed';
import type { StreamOptions, StreamResult, StreamStatus } from './provider';

/** Which server a stream talks to. */
export type SpeechServer = { provider: 'local' } | { provider: 'bank-asr'; url: string };

export type ToSpeechWorker =
  | { type: 'open'; id: number; server: SpeechServer; options: StreamOptions }
  /** From now on the leg's frames come on `port` (a tap's; replaces the previous tap's). */
  | { type: 'attach'; id: number; port: MessagePort; clock: FrameClock }
  | { type: 'endpoint'; request: number; endpoint: SpeechEndpoint }
  /** Finish the stream (last finals), then answer `stopped`. */
  | { type: 'stop'; id: number }
  | { type: 'close'; id: number };

export type FromSpeechWorker =
  /** speechEndAt: end of the leg's latest voiced frame on the page's clock, when one was heard. */
  | { type: 'result'; id: number; result: StreamResult; speechEndAt?: number }
  | { type: 'status'; id: number; status: StreamStatus }
  | { type: 'stopped'; id: number }
  | { type: 'endpoint?'; request: number }
  | { type: 'log'; message: string };
