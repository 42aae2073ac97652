/**
 * The ring: a WebAudio cadence (no audio file to ship or to be blocked).
 * Electron allows autoplay (main sets the switch); in a browser the context may stay suspended until
 * the agent has clicked once, so the context is created early and resumed on the first gesture.
 * A waiting call (call waiting) rings softly: a quiet, short double beep instead of the full ring, so
 * the customer on the line is not drowned out. It plays on the ringer device the agent chose (setSinkId).
 */
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import { applyContextSinkId } from '../../platform/audio-sinks';

const log = createLogger('phone');

export type RingMode = 'normal' | 'waiting';

/** One ring pattern: tones played together, bursts (start, length in s) repeated every period. */
export interface RingPattern {
  frequencies: number[];
  gain: number;
  bursts: { at: number; length: number }[];
  periodSeconds: number;
}

export const RING_PATTERNS: Record<RingMode, RingPattern> = {
  // North-American style two-tone ring: 1 s on, 2 s off.
  normal: { frequencies: [440, 480], gain: 0.15, bursts: [{ at: 0, length: 1 }], periodSeconds: 3 },
  // Call-waiting tone: two 0.15 s beeps of one tone every 4 s, about a fifth of the ring's level.
  waiting: {
    frequencies: [440],
    gain: 0.03,
    bursts: [
      { at: 0, length: 0.15 },
      { at: 0.3, length: 0.15 },
    ],
    periodSeconds: 4,
  },
};

export class Ringer {
  private context: AudioContext | null = null;
  private nodes: { osc: OscillatorNode[]; gain: GainNode } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private playing: RingMode | null = null;

  /**
   * @param sinkId the ringer device to play on ('' = system default), read at every ring
   * @param createContext for tests
   */
  constructor(
    private readonly sinkId: () => string = () => '',
    private readonly createContext: () => AudioContext = () => new AudioContext(),
  ) {}

  /** What is ringing now (null when silent). */
  get mode(): RingMode | null {
    return this.playing;
  }

  /** Resumes audio on the first gesture so later rings are audible in the browser host. */
  armOnFirstGesture(target: EventTarget = window): void {
    const arm = () => {
      drop(this.ensureContext().resume(), log, 'resuming the ringer audio');
      target.removeEventListener('pointerdown', arm);
      target.removeEventListener('keydown', arm);
    };
    target.addEventListener('pointerdown', arm);
    target.addEventListener('keydown', arm);
  }

  /**
   * Creates the ringer's audio context ahead of the first call. The first AudioContext of a page brings up the
   * audio output, which blocks the main thread: 1.0–1.5 s in the test bed under load (`npm run bench -- --only
   * ui`), paid by the first ring otherwise. Without a gesture the browser host's context starts suspended;
   * the first gesture or the ring resumes it.
   */
  warm(): void {
    this.ensureContext();
  }

  /** Starts ringing in `mode`; switches pattern when already ringing in the other one. */
  start(mode: RingMode = 'normal'): void {
    if (this.playing === mode) return;
    this.stop();
    const pattern = RING_PATTERNS[mode];
    const ctx = this.ensureContext();
    drop(ctx.resume(), log, 'resuming the ringer audio');
    void applyContextSinkId(ctx, this.sinkId(), (error) => log.warn('ringer device not available, ringing on the default', error));
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    const osc = pattern.frequencies.map((hz) => {
      const o = ctx.createOscillator();
      o.frequency.value = hz;
      o.connect(gain);
      o.start();
      return o;
    });
    this.nodes = { osc, gain };
    const cycle = () => {
      const t = ctx.currentTime;
      for (const burst of pattern.bursts) {
        gain.gain.setValueAtTime(pattern.gain, t + burst.at);
        gain.gain.setValueAtTime(0, t + burst.at + burst.length);
      }
    };
    cycle();
    this.timer = setInterval(cycle, pattern.periodSeconds * 1000);
    this.playing = mode;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = null;
    if (this.nodes) {
      for (const o of this.nodes.osc) o.stop();
      this.nodes.gain.disconnect();
      this.nodes = null;
    }
  }

  private ensureContext(): AudioContext {
    this.context ??= this.createContext();
    return this.context;
  }
}
