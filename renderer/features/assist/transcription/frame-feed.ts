/**
 * The tap's frames as a leg's stream takes them, in the speech worker: each frame is timed on the page's clock
 * (the context's clock tied to the page's at the first frame, and again after a suspension), sent to the stream
 * in ms since the answer, and its level noted, so a final can say when the speech it covers ended.
 */
import type { TapMessage } from './tap-messages';

/** A frame louder than this (RMS, 0…1; about −40 dBFS) counts as speech for the latency figure. */
export const VOICED_RMS = 0.01;

/** The page's clock as the worker sees it. */
export interface FrameClock {
  /** performance.now() on the page when the call was answered: stream times count from it. */
  answeredAt: number;
  /** The page's performance.timeOrigin: the worker's own clock starts elsewhere. */
  pageTimeOrigin: number;
}

export interface FrameSink {
  send(pcm: ArrayBuffer, capturedAtMs: number): void;
}

/** Takes one tap's frames for one leg; `lastVoicedAt` is the end of the latest voiced frame (page clock, ms). */
export class FrameFeed {
  lastVoicedAt: number | undefined;
  private anchor: { contextAt: number; pageAt: number } | null = null;
  private readonly offsetMs: number;

  /** @param now this thread's performance.now() (tests pass their own) */
  constructor(
    private readonly clock: FrameClock,
    private readonly sink: FrameSink,
    private readonly now: () => number = () => performance.now(),
    threadTimeOrigin: number = performance.timeOrigin,
  ) {
    this.offsetMs = threadTimeOrigin - clock.pageTimeOrigin;
  }

  /** Starts taking frames from `port` (the worklet's feed); returns a function that stops. */
  listen(port: MessagePort): () => void {
    port.onmessage = (event: MessageEvent<TapMessage>) => this.frame(event.data);
    return () => {
      port.onmessage = null;
      port.close();
    };
  }

  frame({ pcm, rms, endTime, reanchor }: TapMessage): void {
    if (reanchor || !this.anchor) this.anchor = { contextAt: endTime, pageAt: this.now() + this.offsetMs };
    const durationMs = pcm.byteLength / 32;
    const startedAt = this.anchor.pageAt + (endTime - this.anchor.contextAt) * 1000 - durationMs;
    this.sink.send(pcm, startedAt - this.clock.answeredAt);
    if (rms > VOICED_RMS) this.lastVoicedAt = startedAt + durationMs;
  }
}
