/**
 * Captures one call as stereo Opus: the customer (received track) on the left channel, the agent
 * (the track the call sends) on the right, through a WebAudio ChannelMerger into MediaRecorder with
 * 1-second slices. Pausing silences both inputs (gain 0) rather than pausing MediaRecorder, so the
 * audio timeline stays aligned with the call and the manifest's paused offsets point into the file.
 * Each input passes a DelayNode first (the PCI delay line, policy recording.pciDelayMs): a pause
 * back-dated by up to that much is scheduled on the gain before the delayed audio reaches it.
 * MediaRecorder starts when the delayed audio begins to arrive and stops once the line drained; the file's
 * time is the graph's time from start() less `shiftMs` (how late MediaRecorder started, measured), so
 * offsets (offsetMs, pauses, slice ends) are file times and the file holds the call to its end. A file that
 * opened with silence instead would misplace the audio after a recorder restart (FailoverCapture).
 *
 * Pitfalls this follows (test bed README): a remote WebRTC track feeds WebAudio only while it plays in
 * an element — the call's RemoteAudio element plays it for as long as the call is up, so no second
 * element is needed; tracks change on hot-plug and conference start/end, so every slice re-reads them
 * and rewires a changed input.
 */
import type { CallAudio } from '../../phone';

export const SLICE_MS = 1000;
/** How often the start waits for the delay line's first audio, once it is due. */
const POLL_MS = 10;
/** A context not running this long after the line was due is not waited for longer. */
const START_WAIT_MS = 5000;
export const PREFERRED_MIME = 'audio/webm;codecs=opus';

/** One audio input of the merger: its track, and the nodes and element that carry it. */
interface Input {
  track: MediaStreamTrack;
  source: MediaStreamAudioSourceNode;
}

export interface StereoRecorderOptions {
  context: AudioContext;
  /** Re-read at start and on every slice. */
  tracks(): CallAudio | null;
  /** One encoded slice; `atMs` is the slice's end, from the recording start. */
  onSlice(data: Blob, atMs: number): void;
  /** MediaRecorder failed mid-call (the capture is over; committed slices are safe). */
  onError(error: Error): void;
  bitrate: number;
  sliceMs?: number;
  /** The PCI delay line, ms (policy recording.pciDelayMs, ≤ 10,000). */
  delayMs?: number;
  /** The context is this recorder's alone: close it once stopped, so the audio thread sleeps and the tracks go. */
  closeContext?: boolean;
}

export class StereoRecorder {
  private readonly merger: ChannelMergerNode;
  private readonly gains: [GainNode, GainNode];
  private readonly delays: [DelayNode, DelayNode];
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly recorder: MediaRecorder;
  private readonly inputs: [Input | null, Input | null] = [null, null];
  private startedAt = 0;
  /** The call time (ms from start()) of the file's time 0: how late MediaRecorder started after the line's first audio. */
  private shiftMs = 0;
  /** Resolves when MediaRecorder started (the delay line's first audio reached it). */
  private recording: Promise<void> | null = null;
  private stopped: Promise<void> | null = null;

  constructor(private readonly options: StereoRecorderOptions) {
    const { context } = options;
    this.merger = context.createChannelMerger(2);
    this.gains = [context.createGain(), context.createGain()];
    this.gains.forEach((gain, channel) => gain.connect(this.merger, 0, channel));
    const delaySeconds = (options.delayMs ?? 0) / 1000;
    const maxSeconds = Math.max(1, delaySeconds);
    this.delays = [context.createDelay(maxSeconds), context.createDelay(maxSeconds)];
    this.delays.forEach((delay, channel) => {
      delay.delayTime.value = delaySeconds;
      delay.connect(this.gains[channel] as GainNode);
    });
    this.destination = context.createMediaStreamDestination();
    this.destination.channelCount = 2;
    this.merger.connect(this.destination);
    const mimeType = MediaRecorder.isTypeSupported(PREFERRED_MIME) ? PREFERRED_MIME : '';
    this.recorder = new MediaRecorder(this.destination.stream, {
      ...(mimeType ? { mimeType } : {}),
      audioBitsPerSecond: options.bitrate,
    });
    this.recorder.addEventListener('dataavailable', (event) => {
      this.rewire();
      if (event.data.size > 0) options.onSlice(event.data, Math.max(0, this.offsetMs - this.delayMs));
    });
    this.recorder.addEventListener('error', (event) => {
      const error = (event as Event & { error?: unknown }).error;
      options.onError(error instanceof Error ? error : new Error('MediaRecorder error'));
    });
  }

  /** The container and codec actually used (MediaRecorder's choice when Opus-in-WebM is unavailable). */
  get mimeType(): string {
    return this.recorder.mimeType;
  }

  /** Where the audio heard now lands in the file: ms since start(). */
  get offsetMs(): number {
    return Math.round(this.graphMs() - this.shiftMs);
  }

  /** ms of audio the graph has processed since start(), on the AudioContext's clock (it may start late). */
  private graphMs(): number {
    return (this.options.context.currentTime - this.startedAt) * 1000;
  }

  private get delayMs(): number {
    return this.options.delayMs ?? 0;
  }

  start(): void {
    this.rewire();
    this.startedAt = this.options.context.currentTime;
    this.shiftMs = 0;
    const begin = () => {
      try {
        this.shiftMs = Math.max(0, this.graphMs() - this.delayMs);
        this.recorder.start(this.options.sliceMs ?? SLICE_MS);
      } catch (error) {
        this.options.onError(error instanceof Error ? error : new Error(String(error)));
      }
    };
    if (this.delayMs === 0) {
      this.recording = Promise.resolve(begin());
      return;
    }
    // Start when the line's first audio comes out: on the graph's clock, which a context still waking up
    // (resume) holds back; on the wall clock, give up waiting for a context that never runs.
    const giveUpAt = performance.now() + this.delayMs + START_WAIT_MS;
    this.recording = new Promise<void>((resolve) => {
      const poll = () => (this.graphMs() >= this.delayMs || performance.now() >= giveUpAt ? resolve(begin()) : setTimeout(poll, POLL_MS));
      setTimeout(poll, this.delayMs);
    });
  }

  /**
   * While paused nothing is captured: both inputs are cut to silence from `atMs` (a call time; a pause may
   * reach back into the delay line, not before). A change scheduled later is cancelled, so a back-dated
   * pause overrides a resume that had not taken effect yet. Returns the time it takes effect.
   */
  setPaused(paused: boolean, atMs: number): number {
    // The call time whose audio leaves the delay line for the gain now.
    const writing = this.offsetMs - this.delayMs;
    const at = Math.min(this.offsetMs, Math.max(atMs, writing));
    const when = this.options.context.currentTime + (at - writing) / 1000;
    for (const gain of this.gains) {
      gain.gain.cancelScheduledValues(when);
      gain.gain.setValueAtTime(paused ? 0 : 1, when);
    }
    return at;
  }

  /** Stops capture once the delay line drained; resolves after the last slice was handed to onSlice. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      const done = () => {
        // Tear the whole graph down: a destination node left connected keeps the audio thread busy.
        for (let channel = 0; channel < 2; channel++) this.disconnect(channel as 0 | 1);
        for (const node of [...this.delays, ...this.gains]) node.disconnect();
        this.merger.disconnect();
        for (const track of this.destination.stream.getTracks()) track.stop();
        if (this.options.closeContext) void this.options.context.close().catch(() => undefined);
        resolve();
      };
      const recording = this.recording;
      if (!recording) return done();
      // 'stop' fires after the final 'dataavailable'.
      this.recorder.addEventListener('stop', done, { once: true });
      // The call's last `delayMs` are still in the delay line: let it drain, then stop (MediaRecorder started
      // `delayMs` after start(), so it has by then, however short the call). The graph stays connected while
      // it drains; what enters it from now on is cut at the gain when it comes out of the line.
      const now = this.options.context.currentTime;
      for (const gain of this.gains) {
        gain.gain.cancelScheduledValues(now + this.delayMs / 1000);
        gain.gain.setValueAtTime(0, now + this.delayMs / 1000);
      }
      const stopRecorder = () => void recording.then(() => (this.recorder.state === 'inactive' ? done() : this.recorder.stop()));
      if (this.delayMs > 0) setTimeout(stopRecorder, this.delayMs);
      else stopRecorder();
    });
    return this.stopped;
  }

  /** Connects the current tracks, replacing any input whose track changed or ended. */
  private rewire(): void {
    const audio = this.options.tracks();
    this.connect(0, audio?.remote ?? null);
    this.connect(1, audio?.local ?? null);
  }

  private connect(channel: 0 | 1, track: MediaStreamTrack | null): void {
    const current = this.inputs[channel];
    if (current?.track === track && track?.readyState === 'live') return;
    this.disconnect(channel);
    if (!track || track.readyState !== 'live') return;
    const source = this.options.context.createMediaStreamSource(new MediaStream([track]));
    source.connect(this.delays[channel]);
    this.inputs[channel] = { track, source };
  }

  private disconnect(channel: 0 | 1): void {
    const input = this.inputs[channel];
    if (!input) return;
    input.source.disconnect();
    this.inputs[channel] = null;
  }
}
