/** Messages between the page and the recording tap worker (one worker serves every call). */
import type { ProvisionalTail } from '../../types';
import type { MuxStats } from './call-mux';

/** What a transform is attached to: options of `new RTCRtpScriptTransform(worker, options)`. */
export interface TapOptions {
  callId: string;
  leg: 'customer' | 'agent';
}

/** Frames one call's legs passed through the tap since it was set. */
export type LegCounts = Record<TapOptions['leg'], number>;

/** How often the worker reports its frame counts (the page's watchdog checks on each report). */
export const FRAMES_EVERY_MS = 100;

export type TapRequest =
  /** `delayMs`: the PCI delay line (policy recording.pciDelayMs). */
  | { type: 'start'; callId: string; delayMs: number }
  /** `atMs`: offset from the recording start, as the page's manifest keeps it. */
  | { type: 'pause'; callId: string; paused: boolean; atMs: number }
  | { type: 'stop'; callId: string }
  /** The call is over: stop counting its frames. */
  | { type: 'release'; callId: string };

export type TapResponse =
  | { type: 'ready' }
  /**
   * The heartbeat (every FRAMES_EVERY_MS): frames each tapped call's legs have passed on so far. The
   * page's watchdog (tap-watchdog.ts) compares them with the call's RTP counters.
   */
  | { type: 'frames'; counts: Record<string, LegCounts> }
  /**
   * The next bytes of the call's Ogg Opus file; `endMs` is the audio offset after them. With a PCI delay
   * line, `tail` is what a crash right now would keep of the audio still in the line (CallMux.tail).
   */
  | { type: 'slice'; callId: string; bytes: ArrayBuffer; endMs: number; tail?: ProvisionalTail }
  /** A new provisional end when no slice left the delay line since the last one. */
  | { type: 'tail'; callId: string; tail: ProvisionalTail }
  | { type: 'stopped'; callId: string; stats: MuxStats };
