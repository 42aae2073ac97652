/**
 * Records one call from the encoded Opus frames its two legs already carry (see encoded-taps.ts):
 * customer left, agent right, in an Ogg Opus file the worker writes a slice at a time. Compared with
 * mixing decoded audio into a second encoder (stereo-recorder.ts) this costs no decoding, no audio
 * graph and no encoding: the recording is the bits that went over the wire.
 */
import type { Capture, CaptureCallbacks } from '../call-recordings';
import { RECORDING_MIME, type MuxStats } from './call-mux';
import type { EncodedTaps } from './encoded-taps';

/**
 * How long stop() waits for the worker's last slice. A worker that died or stalls never answers; the
 * recording then ends with the slices already committed rather than never closing.
 */
export const STOP_TIMEOUT_MS = 3000;
const NOTHING_SEEN: MuxStats = { placed: { customer: 0, agent: 0 }, late: 0, unsupported: 0 };

export class EncodedRecorder implements Capture {
  readonly mimeType = RECORDING_MIME;
  private startedAt = 0;
  private stopped: Promise<MuxStats> | null = null;
  private resolveStopped: ((stats: MuxStats) => void) | null = null;

  constructor(
    private readonly taps: EncodedTaps,
    private readonly callId: string,
    private readonly callbacks: CaptureCallbacks,
    /** IT's log: frames the file could not hold. */
    private readonly warn: (message: string) => void,
    /** The PCI delay line, ms (policy recording.pciDelayMs): how far back a pause can reach. */
    private readonly delayMs = 0,
  ) {}

  get offsetMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  start(): void {
    this.taps.listen(this.callId, (message) => {
      // The bytes go to the store as they are: wrapping them in a Blob only to read them back costs CPU.
      if (message.type === 'slice') this.callbacks.onSlice(message.bytes, message.endMs, message.tail);
      else if (message.type === 'tail') this.callbacks.onTail?.(message.tail);
      else if (message.type === 'stopped') this.resolveStopped?.(message.stats);
    });
    this.startedAt = performance.now();
    this.taps.send({ type: 'start', callId: this.callId, delayMs: this.delayMs });
  }

  /** A pause may reach back into the delay line: the worker has not written that audio yet. */
  setPaused(paused: boolean, atMs: number): number {
    const now = this.offsetMs;
    const at = Math.min(now, Math.max(atMs, now - this.delayMs));
    this.taps.send({ type: 'pause', callId: this.callId, paused, atMs: at });
    return at;
  }

  /**
   * Resolves after the last slice was handed on, with what the worker saw of each leg, or after
   * STOP_TIMEOUT_MS without an answer (then IT's log says the end of the call may be missing).
   */
  stop(): Promise<void> {
    this.stopped ??= new Promise<MuxStats>((resolve) => {
      const timer = setTimeout(() => {
        this.warn(`call ${this.callId}: the recording tap did not answer the stop within ${STOP_TIMEOUT_MS} ms; the recording ends with the audio already saved`);
        resolve(NOTHING_SEEN);
      }, STOP_TIMEOUT_MS);
      this.resolveStopped = (stats) => {
        clearTimeout(timer);
        resolve(stats);
      };
      this.taps.send({ type: 'stop', callId: this.callId });
    });
    return this.stopped.then((stats) => this.report(stats));
  }

  /** Frames the file could not hold are silence there: say so, so IT can see a codec or framing issue. */
  private report(stats: MuxStats): void {
    if (stats.unsupported > 0) {
      this.warn(`call ${this.callId}: ${stats.unsupported} audio frames were not 20 ms Opus and are silence in the recording`);
    }
  }
}
