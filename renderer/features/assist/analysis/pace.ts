/**
 * Agent pace, dead air and talk-over.
 *
 * - Pace: English words per minute and Chinese characters per minute of the agent's final utterances
 *   in a sliding window (policy assist.pace.windowMs, 60 s), over the time the agent was actually
 *   speaking (sum of utterance durations), not over wall time: listening is not slow speech. An utterance
 *   counts as Chinese when it has at least as many Han characters as English words. No figure until the
 *   agent has spoken minSpeechMs (8 s) in the window: one quick "OK sure" is not a pace.
 * - Slow-down cue above 160 wpm / 220 cpm, or 130 wpm / 180 cpm when the customer is elderly. Why these:
 *   conversational English runs at about 150 wpm and 160 is where listeners start asking for repeats;
 *   Mandarin conversation runs at about 200–250 characters a minute and service scripts aim under 220;
 *   older listeners follow better about 20 % slower. All four are policy keys.
 * - Dead air: no speech from either leg for silenceMs (10 s), reported when it starts (tick) and ends.
 * - Talk-over: a customer and an agent utterance overlapping ≥ talkOverMs (1 s), once per pair, as soon as
 *   the partials show it; `by` is the leg that started second (the one who talked over).
 */
import type { PacePolicy } from '@common/contract/policy-assist';
import { checkEvent, type Leg, type TranscriptEvent } from './types';
import { UtteranceCounter } from './utterances';

/** Something the agent or a supervisor may want to see. */
export type PaceEvent =
  | { kind: 'talk-over'; startMs: number; endMs: number; overlapMs: number; by: Leg }
  /** endMs is null while the silence goes on (reported by tick), set when speech resumes. */
  | { kind: 'silence'; startMs: number; endMs: number | null }
  | { kind: 'slow-down'; wpm: number | null; cpm: number | null };

/** The agent's pace now. */
export interface PaceSnapshot {
  wpm: number | null;
  cpm: number | null;
  /** The limits in force (elderly or not). */
  limitWpm: number;
  limitCpm: number;
  slowDown: boolean;
  talkOvers: number;
  longSilences: number;
}

interface Spoken {
  startMs: number;
  endMs: number;
  words: number;
  chars: number;
}

interface Interval {
  index: number;
  startMs: number;
  endMs: number;
}

const LATIN_WORD = /[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)?/gu;
const HAN_CHAR = /\p{Script=Han}/gu;
const RECENT = 4;

/** Counts English words and Han characters. */
export function countSpeech(text: string): { words: number; chars: number } {
  return { words: text.match(LATIN_WORD)?.length ?? 0, chars: text.match(HAN_CHAR)?.length ?? 0 };
}

/** One meter per call. */
export class PaceMeter {
  private readonly options: PacePolicy;
  private elderly: boolean;
  private readonly spoken: Spoken[] = [];
  private readonly counter = new UtteranceCounter();
  private readonly recent: Record<Leg, Interval[]> = { customer: [], agent: [] };
  private readonly reportedPairs = new Set<string>();
  private lastSpeechEnd: number;
  private silenceOpen = false;
  private slowDown = false;
  private talkOvers = 0;
  private longSilences = 0;

  /**
   * @param options policy assist.pace
   * @param elderly the customer profile says elderly (may change with setElderly once the profile loads)
   * @param callStartMs when the call was answered, on the events' clock: dead air counts from there
   */
  constructor(options: PacePolicy, elderly = false, callStartMs = 0) {
    this.options = options;
    this.elderly = elderly;
    this.lastSpeechEnd = callStartMs;
  }

  /** Updates the elderly flag (the profile can arrive after the call started). */
  setElderly(elderly: boolean): void {
    this.elderly = elderly;
  }

  /** Feeds every partial and final of both legs. */
  feed(event: TranscriptEvent): PaceEvent[] {
    checkEvent(event);
    const out: PaceEvent[] = [];
    if (event.text.trim() !== '') {
      if (event.startMs - this.lastSpeechEnd >= this.options.silenceMs || this.silenceOpen) {
        if (!this.silenceOpen) this.longSilences++;
        out.push({ kind: 'silence', startMs: this.lastSpeechEnd, endMs: event.startMs });
        this.silenceOpen = false;
      }
      this.lastSpeechEnd = Math.max(this.lastSpeechEnd, event.endMs);
      this.trackOverlap(event, out);
    }
    this.counter.record(event);
    if (event.leg === 'agent' && event.final) this.addAgentFinal(event, out);
    return out;
  }

  /** Call on a timer with the call clock; reports dead air as it starts. */
  tick(nowMs: number): PaceEvent[] {
    if (this.silenceOpen || nowMs - this.lastSpeechEnd < this.options.silenceMs) return [];
    this.silenceOpen = true;
    this.longSilences++;
    return [{ kind: 'silence', startMs: this.lastSpeechEnd, endMs: null }];
  }

  /** Pace over the window ending at the agent's latest final. */
  snapshot(): PaceSnapshot {
    const { wpm, cpm } = this.rates();
    const limitWpm = this.elderly ? this.options.elderlyMaxWpm : this.options.maxWpm;
    const limitCpm = this.elderly ? this.options.elderlyMaxCpm : this.options.maxCpm;
    const slowDown = (wpm ?? 0) > limitWpm || (cpm ?? 0) > limitCpm;
    return { wpm, cpm, limitWpm, limitCpm, slowDown, talkOvers: this.talkOvers, longSilences: this.longSilences };
  }

  private addAgentFinal(event: TranscriptEvent, out: PaceEvent[]): void {
    const { words, chars } = countSpeech(event.text);
    if (words + chars === 0 || event.endMs <= event.startMs) return;
    this.spoken.push({ startMs: event.startMs, endMs: event.endMs, words, chars });
    const from = event.endMs - this.options.windowMs;
    while (this.spoken.length > 0 && (this.spoken[0] as Spoken).endMs <= from) this.spoken.shift();
    const snap = this.snapshot();
    if (snap.slowDown && !this.slowDown) out.push({ kind: 'slow-down', wpm: snap.wpm, cpm: snap.cpm });
    this.slowDown = snap.slowDown;
  }

  private rates(): { wpm: number | null; cpm: number | null } {
    let words = 0, enMs = 0, chars = 0, zhMs = 0;
    for (const s of this.spoken) {
      if (s.chars >= s.words) {
        chars += s.chars;
        zhMs += s.endMs - s.startMs;
      } else {
        words += s.words;
        enMs += s.endMs - s.startMs;
      }
    }
    const min = this.options.minSpeechMs;
    return {
      wpm: enMs >= min ? Math.round((words * 60_000) / enMs) : null,
      cpm: zhMs >= min ? Math.round((chars * 60_000) / zhMs) : null,
    };
  }

  private trackOverlap(event: TranscriptEvent, out: PaceEvent[]): void {
    const leg = event.leg;
    const index = this.counter.indexOf(event);
    const mine = this.recent[leg];
    const last = mine[mine.length - 1];
    if (last && last.index === index) {
      last.startMs = event.startMs;
      last.endMs = event.endMs;
    } else {
      mine.push({ index, startMs: event.startMs, endMs: event.endMs });
      if (mine.length > RECENT) mine.shift();
    }
    const other: Leg = leg === 'customer' ? 'agent' : 'customer';
    for (const theirs of this.recent[other]) {
      const start = Math.max(event.startMs, theirs.startMs);
      const end = Math.min(event.endMs, theirs.endMs);
      if (end - start < this.options.talkOverMs) continue;
      const pair = leg === 'customer' ? `${index}:${theirs.index}` : `${theirs.index}:${index}`;
      if (this.reportedPairs.has(pair)) continue;
      this.reportedPairs.add(pair);
      this.talkOvers++;
      const by = event.startMs >= theirs.startMs ? leg : other;
      out.push({ kind: 'talk-over', startMs: start, endMs: end, overlapMs: end - start, by });
    }
  }
}
