/**
 * Customer sentiment: a lexicon score per utterance (sentiment-lexicon.ts) and its trend.
 *
 * Score of an utterance: each lexicon word's weight, flipped and softened (× −0.6) under a negation ("not
 * happy", 不满意 is already a word, 不太满意 is negated 满意), scaled by an intensifier just before it
 * ("really angry" × 1.3, 有点失望 × 0.7); the sum s is squashed into −1 … 1 as s / √(s² + 8), so one strong
 * word is about ±0.7 and more words approach ±1 without passing it.
 * Trend: an exponential moving average of customer finals (weight `smoothing`). Frustration is flagged
 * when the average has fallen to `frustratedBelow` and fell again with this utterance (rising
 * frustration), and cleared once it recovers above `recoveredAbove`; the gap stops the flag flickering.
 */
import type { SentimentPolicy } from '@common/contract/policy-assist';
import { PhraseMatcher, isNegated } from './phrase-match';
import { SENTIMENT_INTENSIFIERS, SENTIMENT_WORDS } from './sentiment-lexicon';
import { foldText, HAN, originalSpan } from './text';
import { checkEvent, type TranscriptEvent } from './types';

/** A lexicon word found in an utterance, and what it contributed. */
export interface SentimentHit {
  word: string;
  start: number;
  end: number;
  weight: number;
}

/** The score of one text. */
export interface SentimentScore {
  /** −1 (very negative) … 1 (very positive); 0 when no lexicon word was found. */
  score: number;
  hits: SentimentHit[];
}

/** The trend after a customer final. */
export interface SentimentReading extends SentimentScore {
  /** The moving average, −1 … 1. */
  trend: number;
  /** The customer is frustrated (sticky until recovery). */
  frustrated: boolean;
  /** This utterance turned the flag on: raise the cue now. */
  frustrationStarted: boolean;
}

const NEGATED = -0.6;
const SQUASH = 8;
const words = Object.keys(SENTIMENT_WORDS);
let matcher: PhraseMatcher | undefined;
let intensifiers: { han: [string, number][]; latin: Map<string, number> } | undefined;

function lexicon(): { matcher: PhraseMatcher; han: [string, number][]; latin: Map<string, number> } {
  matcher ??= new PhraseMatcher(words);
  if (!intensifiers) {
    const entries = Object.entries(SENTIMENT_INTENSIFIERS);
    intensifiers = {
      han: entries.filter(([w]) => HAN.test(w)).sort((a, b) => b[0].length - a[0].length),
      latin: new Map(entries.filter(([w]) => !HAN.test(w))),
    };
  }
  return { matcher, ...intensifiers };
}

/** The intensifier factor from the text right before a hit. */
function boost(folded: string, start: number, han: [string, number][], latin: Map<string, number>): number {
  if (HAN.test(folded[start] ?? '')) {
    // Directly before the word, or before one linking 的/得/地/是 (特别的失望, 真是离谱).
    const before = folded.slice(Math.max(0, start - 4), start).replace(/[的得地是]$/, '');
    for (const [w, b] of han) if (before.endsWith(w)) return 1 + b;
    return 1;
  }
  const previous = folded.slice(Math.max(0, start - 30), start).trim().split(/\s+/).slice(-2);
  for (let i = previous.length - 1; i >= 0; i--) {
    const b = latin.get(previous[i] as string);
    if (b !== undefined) return 1 + b;
  }
  return 1;
}

/** Scores one text (any leg, partial or final). */
export function scoreSentiment(text: string): SentimentScore {
  const { matcher: m, han, latin } = lexicon();
  const folded = foldText(text);
  const hits: SentimentHit[] = [];
  let sum = 0;
  for (const o of m.occurrences(folded.text)) {
    const word = m.phrases[o.phrase] as string;
    let weight = (SENTIMENT_WORDS[word] as number) * boost(folded.text, o.start, han, latin);
    if (isNegated(folded.text, o.start)) weight *= NEGATED;
    const span = originalSpan(folded, text, o.start, o.end);
    hits.push({ word, start: span.start, end: span.end, weight });
    sum += weight;
  }
  return { score: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + SQUASH), hits };
}

/** Follows the customer's sentiment over a call. */
export class SentimentTracker {
  private readonly options: SentimentPolicy;
  private trend = 0;
  private frustrated = false;

  /** @param options policy assist.sentiment */
  constructor(options: SentimentPolicy) {
    this.options = options;
  }

  /** Feeds an event; only customer finals move the trend (null for everything else). */
  feed(event: TranscriptEvent): SentimentReading | null {
    checkEvent(event);
    if (event.leg !== 'customer' || !event.final || event.text.trim() === '') return null;
    const scored = scoreSentiment(event.text);
    const previous = this.trend;
    this.trend = this.options.smoothing * scored.score + (1 - this.options.smoothing) * previous;
    let started = false;
    if (!this.frustrated && this.trend <= this.options.frustratedBelow && this.trend < previous) {
      this.frustrated = true;
      started = true;
    } else if (this.frustrated && this.trend > this.options.recoveredAbove) {
      this.frustrated = false;
    }
    return { ...scored, trend: this.trend, frustrated: this.frustrated, frustrationStarted: started };
  }

  /** The moving average now. */
  get current(): number {
    return this.trend;
  }
}
