/**
 * PCI guard: pauses the call recording while the customer reads out card data and masks it in the text.
 *
 * Pause as early as possible: on the first partial holding a run of `minDigits` digits (spoken or written,
 * Chinese or English, see digits.ts), or any digit right after a trigger phrase ("card number", 卡号).
 * While paused, every digit the watched leg says keeps it paused. Resume when
 * - a final without any digit arrives (the customer has moved on), or
 * - `resumeAfterMs` have passed since the last digit: checked on every event of either leg and on tick(),
 *   which the pane calls on a timer because a customer who falls silent sends no events.
 * Decisions are edges: `pause` is true once when pausing starts, `resume` once when it ends.
 *
 * Masking replaces a whole card-like run, every digit, with one fixed text ("[••••]"): PCI DSS lets a
 * display keep the last four digits, but a transcript is stored and searched, and "ending 1234" is seldom
 * needed in it. A run's length is not shown either. While paused, even single digits are masked.
 */
import type { PciPolicy } from '@common/contract/policy-assist';
import { findDigitRuns, isCardLike, maskDigits } from './digits';
import { PhraseMatcher } from './phrase-match';
import { checkEvent, type TranscriptEvent } from './types';

/** What the recording should do now. */
export interface PciDecision {
  pause: boolean;
  resume: boolean;
}

const NONE: PciDecision = { pause: false, resume: false };
const PAUSE: PciDecision = { pause: true, resume: false };
const RESUME: PciDecision = { pause: false, resume: true };

/** The guard's settings: policy assist.pci. */
export type PciGuardOptions = Pick<PciPolicy, 'minDigits' | 'resumeAfterMs' | 'triggerPhrases' | 'watchAgent' | 'maskText'>;

/** One guard per call. */
export class PciGuard {
  private readonly options: PciGuardOptions;
  private readonly triggers: PhraseMatcher;
  private pausedSince: number | null = null;
  private lastDigitMs = 0;

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

  /** Start time of the utterance that paused the recording, or null when not paused. */
  get pausedSinceMs(): number | null {
    return this.pausedSince;
  }

  /** Feeds every partial and final of both legs. */
  feed(event: TranscriptEvent): PciDecision {
    checkEvent(event);
    const watched = event.leg === 'customer' || this.options.watchAgent;
    if (!watched) return this.tick(event.endMs);
    const runs = findDigitRuns(event.text, this.triggers);
    if (this.pausedSince === null) {
      if (!runs.some((r) => isCardLike(r, this.options.minDigits))) return NONE;
      this.pausedSince = event.startMs;
      this.lastDigitMs = event.endMs;
      return PAUSE;
    }
    if (runs.length > 0) {
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

  private resume(): PciDecision {
    this.pausedSince = null;
    return RESUME;
  }
}
