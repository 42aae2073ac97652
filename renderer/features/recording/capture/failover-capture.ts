/**
 * A call recorded from its encoded frames that can go on through WebAudio. When its tap fails (the
 * watchdog in capture/encoded took the call's audio off it), `failover` abandons the encoded recorder
 * — its worker may never answer again, and a slice it still sends would break the file — and a WebAudio
 * recorder records the rest of the call. Its slices and offsets are placed on the recording's timeline
 * (offsets from the recording start, as pauses are kept), and the restart is reported once with the gap:
 * from the end of the last encoded audio to where the WebAudio recorder starts.
 */
import type { Capture, CaptureCallbacks } from './call-recordings';

export type CaptureFactory = (callbacks: CaptureCallbacks) => Capture;

export class FailoverCapture implements Capture {
  private readonly primary: Capture;
  private fallback: { capture: Capture; baseMs: number } | null = null;
  /** The end of the primary recorder's audio handed on so far. */
  private lastAudioMs = 0;
  private paused = false;
  private state: 'new' | 'started' | 'failed-before-start' | 'stopped' = 'new';

  constructor(
    createPrimary: CaptureFactory,
    private readonly createFallback: CaptureFactory,
    private readonly callbacks: CaptureCallbacks,
  ) {
    this.primary = createPrimary({
      onSlice: (data, atMs, tail) => {
        if (this.fallback) return;
        this.lastAudioMs = atMs;
        callbacks.onSlice(data, atMs, tail);
      },
      onTail: (tail) => {
        if (!this.fallback) callbacks.onTail?.(tail);
      },
      onError: (error) => {
        if (!this.fallback) callbacks.onError(error);
      },
    });
  }

  /** The recording's container: the primary's (a restart names its own in the manifest). */
  get mimeType(): string {
    return this.primary.mimeType;
  }

  get offsetMs(): number {
    return this.fallback ? this.fallback.baseMs + this.fallback.capture.offsetMs : this.primary.offsetMs;
  }

  /** Whether the WebAudio recorder took over. */
  get failedOver(): boolean {
    return this.fallback !== null || this.state === 'failed-before-start';
  }

  start(): void {
    if (this.state === 'failed-before-start') {
      this.state = 'started';
      this.switchOver(0);
      return;
    }
    this.state = 'started';
    this.primary.start();
  }

  setPaused(paused: boolean, atMs: number): number {
    this.paused = paused;
    if (!this.fallback) return this.primary.setPaused(paused, atMs);
    const { capture, baseMs } = this.fallback;
    return baseMs + capture.setPaused(paused, atMs - baseMs);
  }

  stop(): Promise<void> {
    this.state = 'stopped';
    return (this.fallback?.capture ?? this.primary).stop();
  }

  /** The tap failed: record the rest of the call through WebAudio (once; not after stop). */
  failover(): void {
    if (this.fallback || this.state === 'stopped' || this.state === 'failed-before-start') return;
    if (this.state === 'new') {
      // The recording is not open yet: its start begins with the WebAudio recorder.
      this.state = 'failed-before-start';
      return;
    }
    const baseMs = this.primary.offsetMs;
    // Lets the worker drop the call if it still can; whatever it answers is ignored from now on. The
    // encoded recorder's stop never rejects (it gives up after a timeout).
    void this.primary.stop();
    this.switchOver(baseMs);
  }

  private switchOver(baseMs: number): void {
    const capture = this.createFallback({
      onSlice: (data, atMs) => this.callbacks.onSlice(data, baseMs + atMs),
      onError: (error) => this.callbacks.onError(error),
    });
    this.fallback = { capture, baseMs };
    this.callbacks.onRestart?.({ atMs: baseMs, lastAudioMs: Math.min(this.lastAudioMs, baseMs), mimeType: capture.mimeType });
    capture.start();
    if (this.paused) capture.setPaused(true, 0);
  }
}
