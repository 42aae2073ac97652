/** Messages between the page and the recording tap worker (one worker serves every call). */
import type { MuxStats } from './call-mux';

/** What a transform is attached to: options of `new RTCRtpScriptTransform(worker, options)`. */
export interface TapOptions {
  callId: string;
  leg: 'customer' | 'agent';
}

export type TapRequest =
  | { type: 'start'; callId: string }
  /** `atMs`: offset from the recording start, as the page's manifest keeps it. */
  | { type: 'pause'; callId: string; paused: boolean; atMs: number }
  | { type: 'stop'; callId: string };

export type TapResponse =
  | { type: 'ready' }
  /** The next bytes of the call's Ogg Opus file; `endMs` is the audio offset after them. */
  | { type: 'slice'; callId: string; bytes: ArrayBuffer; endMs: number }
  | { type: 'stopped'; callId: string; stats: MuxStats };
