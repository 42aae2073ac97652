/**
 * Transcription of one call: a stream per leg for the whole call (customer = the call's received track,
 * agent = the track it sends; the streams run in the speech worker), taps on the current tracks whose frames go
 * straight to the leg's stream, results turned into transcript events on the call's
 * clock (ms since answer). Tracks change on hot-plug and conference start/end, so they are re-read every
 * second and re-tapped; the stream goes on across the change (the gap is mapped out by the stream's clock).
 */
import type { CallAudio } from '../../phone';
import type { AudioTap } from './audio-tap';
import type { Leg, LegStream, LegStreams, StreamResult } from './provider';
import type { TranscriptEvent, TranscriptionStatus, TranscriptKeyword } from './transcript-events';

/** Performance measure per final: end of the leg's speech → final text in the page (read by the bench). */
export const FINAL_MEASURE = 'lingxi:transcript:final';

export interface CallTranscriptionDeps {
  callId: string;
  /** performance.now() when the call was answered: transcript times count from it. */
  answeredAt: number;
  tracks(): CallAudio | null;
  provider: LegStreams;
  language: string;
  hints: readonly string[];
  keywords: readonly string[];
  /**
   * Prepares audio (resumes the AudioContext, loads the worklet). A rejection ends this call's transcription
   * with status "unavailable" and the reason.
   */
  prepare(): Promise<void>;
  /** Taps a track; its frames go to the leg's stream over the tap's port. */
  tap(track: MediaStreamTrack, leg: Leg): AudioTap;
  publish: {
    transcript(event: TranscriptEvent): void;
    keyword(event: TranscriptKeyword): void;
    status(status: TranscriptionStatus): void;
  };
  /** How often tracks are re-read, ms (default 1000). */
  recheckMs?: number;
}

interface LegState {
  stream: LegStream;
  tap: AudioTap | null;
}

const LEGS: readonly Leg[] = ['customer', 'agent'];

export class CallTranscription {
  private readonly legs = new Map<Leg, LegState>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly deps: CallTranscriptionDeps) {}

  /** Opens both legs' streams and starts tapping once audio is ready. */
  async start(): Promise<void> {
    const { deps } = this;
    for (const leg of LEGS) {
      const stream = deps.provider.open(
        { leg, language: deps.language, hints: deps.hints, keywords: deps.keywords },
        {
          result: (result) => this.onResult(leg, result),
          status: (status) => deps.publish.status({ callId: deps.callId, leg, ...status }),
        },
      );
      this.legs.set(leg, { stream, tap: null });
    }
    try {
      await deps.prepare();
    } catch (error) {
      const reason = `call audio cannot be tapped: ${(error as Error).message}`;
      for (const [leg, state] of this.legs) {
        state.stream.close();
        deps.publish.status({ callId: deps.callId, leg, state: 'unavailable', reason, droppedMs: 0 });
      }
      this.legs.clear();
      return;
    }
    if (this.stopped) return;
    this.retap();
    this.timer = setInterval(() => this.retap(), deps.recheckMs ?? 1000);
  }

  /** Ends the call's transcription: the last utterances are finished (finals) before the streams close. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const states = [...this.legs.values()];
    this.legs.clear();
    for (const state of states) state.tap?.stop();
    await Promise.all(states.map((state) => state.stream.stop()));
  }

  /** Taps the current tracks, replacing a tap whose track changed or ended. */
  private retap(): void {
    const audio = this.deps.tracks();
    for (const leg of LEGS) {
      const state = this.legs.get(leg);
      if (!state) continue;
      const track = (leg === 'customer' ? audio?.remote : audio?.local) ?? null;
      if (state.tap?.track === track && track?.readyState === 'live') continue;
      state.tap?.stop();
      state.tap = null;
      if (!track || track.readyState !== 'live') continue;
      state.tap = this.deps.tap(track, leg);
      state.stream.attach(state.tap.port, { answeredAt: this.deps.answeredAt, pageTimeOrigin: performance.timeOrigin });
    }
  }

  private onResult(leg: Leg, result: StreamResult): void {
    const { callId, publish } = this.deps;
    const times = { startMs: Math.round(result.startMs), endMs: Math.round(result.endMs) };
    if (result.kind === 'keyword') return publish.keyword({ callId, leg, keyword: result.text, ...times });
    const receivedAt = performance.now();
    const event: TranscriptEvent = { callId, leg, text: result.text, ...times, final: result.kind === 'final', receivedAt };
    const { speechEndAt } = result;
    if (event.final && speechEndAt !== undefined && speechEndAt <= receivedAt) {
      event.speechEndAt = speechEndAt;
      performance.measure(FINAL_MEASURE, { start: speechEndAt, end: receivedAt, detail: { callId, leg } });
    }
    publish.transcript(event);
  }
}
