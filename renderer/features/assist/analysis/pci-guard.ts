/**
 * PCI guard: pauses the call recording while the customer reads out card data and masks it in the text.
 *
 * Pause as early as possible, and from where it began: on the first partial that holds
 * - a trigger phrase ("card number", "security code", 卡号, 安全码, 密码 …), even before any digit, or
 * - a run of `minDigits` digits (3 by default, so a security code read without a trigger phrase counts;
 *   spoken or written, Chinese or English, see digits.ts).
 * The pause is back-dated: it starts `PAUSE_LEAD_MS` before the start of the stretch of speech (utterances
 * less than SPEECH_RUN_GAP_MS apart) that ends with the utterance that triggered it
 * (the decision's `fromMs`, on the call clock), because the recogniser needs a second or more to report
 * the words, and the recording holds its newest audio in a delay line (policy `recording.pciDelayMs`,
 * 2.5 s) so that audio is still unwritten. While paused, every digit or trigger phrase the watched leg says keeps it paused.
 * Resume when
 * - a final without any digit or trigger phrase arrives (the customer has moved on), or
 * - `resumeAfterMs` have passed since the last digit or trigger: checked on every event of either leg and on
 *   tick(), which the pane calls on a timer because a customer who falls silent sends no events.
 * Decisions are edges: `pause` is true once when pausing starts, `resume` once when it ends.
 *
 * Masking replaces a whole card-like run, every digit, with one fixed text ("[••••]"): PCI DSS lets a
 * display keep the last four digits, but a transcript is stored and searched, and "ending 1234" is seldom
 * needed in it. A run's length is not shown either. While paused, even single digits are masked.
 */
import type { PciPolicy } from '@common/contract/policy-assist';
import { isCardLike, maskDigits, scanDigits } from './digits';
import { PhraseMatcher } from './phrase-match';
import { checkEvent, type TranscriptEvent } from './types';

/** What the recording should do now. */
export interface PciDecision {
  pause: boolean;
  resume: boolean;
  /** With `pause`: where the pause starts on the call clock (back-dated, see PAUSE_LEAD_MS). */
  fromMs?: number;
}

/**
 * How far before the triggering utterance's start a pause begins. The recogniser places an utterance's
 * start where it first heard speech, which can be a word's onset trimmed; the transcription taps the
 * decoded audio after the jitter buffer, while the recorder takes the packets before it (tens of ms
 * earlier on the same clock). 250 ms covers both with room.
 */
export const PAUSE_LEAD_MS = 250;
/**
 * Utterances of the watched leg this close together are one stretch of speech: a pause reaches back to the
 * stretch's start. The recogniser may cut "my card number is … four five" in two and miss the trigger
 * phrase in the first part, so the part with the first digits alone would start after them.
 */
export const SPEECH_RUN_GAP_MS = 1000;
/** Finals remembered for that: a few seconds of speech. */
const RECENT_FINALS = 8;

const NONE: PciDecision = { pause: false, resume: false };
const RESUME: PciDecision = { pause: false, resume: true };

/** The guard's settings: policy assist.pci. */
export type PciGuardOptions = Pick<PciPolicy, 'minDigits' | 'resumeAfterMs' | 'triggerPhrases' | 'watchAgent' | 'maskText'>;

/** One guard per call. */
export class PciGuard {
  private readonly options: PciGuardOptions;
  private readonly triggers: PhraseMatcher;
  private pausedSince: number | null = null;
  private lastDigitMs = 0;
  /** The watched legs' latest finals, oldest first. */
  private readonly recent: { startMs: number; endMs: number }[] = [];

  constructor(options: PciGuardOptions) {
    if (!(options.minDigits >= 1) || !(options.resumeAfterMs >= 0)) {
      throw new RangeError(`PCI guard: minDigits must be ≥ 1 and resumeAfterMs ≥ 0 (got ${options.minDigits}, ${options.resumeAfterMs})`);
    }
    this.options = options;
    this.triggers = new PhraseMatcher(options.triggerPhrases);
  }

  /** True while the recording should stay paused. */
  get paused(): boolean {
    return this.pausedSince !== null;
  }

  /** Where the pause began on the call clock (back-dated), or null when not paused. */
  get pausedSinceMs(): number | null {
    return this.pausedSince;
  }

  /** Feeds every partial and final of both legs. */
  feed(event: TranscriptEvent): PciDecision {
    checkEvent(event);
    const watched = event.leg === 'customer' || this.options.watchAgent;
    if (!watched) return this.tick(event.endMs);
    const { runs, triggered: trigger } = scanDigits(event.text, this.triggers);
    const runStart = this.speechRunStart(event);
    if (event.final) this.remember(event);
    if (this.pausedSince === null) {
      if (!trigger && !runs.some((r) => isCardLike(r, this.options.minDigits))) return NONE;
      this.pausedSince = Math.max(0, runStart - PAUSE_LEAD_MS);
      this.lastDigitMs = event.endMs;
      return { pause: true, resume: false, fromMs: this.pausedSince };
    }
    if (runs.length > 0 || trigger) {
      this.lastDigitMs = Math.max(this.lastDigitMs, event.endMs);
      return NONE;
    }
    if (event.final) return this.resume();
    return this.tick(event.endMs);
  }

  /** Call with the call clock (same time base as the events) on a timer, e.g. every 500 ms. */
  tick(nowMs: number): PciDecision {
    if (this.pausedSince === null || nowMs - this.lastDigitMs < this.options.resumeAfterMs) return NONE;
    return this.resume();
  }

  /** Masks card-like digit runs; while paused, every digit run. */
  mask(text: string): string {
    return maskDigits(text, {
      minDigits: this.paused ? 1 : this.options.minDigits,
      triggers: this.triggers,
      maskText: this.options.maskText,
    });
  }

  /** Where the stretch of speech that `event` ends began: back over finals less than SPEECH_RUN_GAP_MS apart. */
  private speechRunStart(event: TranscriptEvent): number {
    let start = event.startMs;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const final = this.recent[i];
      if (!final || final.startMs >= start) continue;
      if (start - final.endMs > SPEECH_RUN_GAP_MS) break;
      start = final.startMs;
    }
    return start;
  }

  private remember(event: TranscriptEvent): void {
    this.recent.push({ startMs: event.startMs, endMs: event.endMs });
    if (this.recent.length > RECENT_FINALS) this.recent.shift();
  }

  private resume(): PciDecision {
    this.pausedSince = null;
    return RESUME;
  }
}
