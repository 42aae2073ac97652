/**
 * Compliance checklist of the article in use (knowledge package field `checklist`): an item ticks itself
 * when the agent says one of its phrases.
 *
 * Matching is fuzzy and word-order tolerant, on folded text (so zh-TW speech meets zh-TW and zh-CN phrases
 * alike): a phrase scores the share of its content it finds in the utterance, in any order —
 * English: stemmed words without stop words ("let me freeze your card now" has freez and card, all of
 * "freeze the card"); Chinese: characters without particles and pronouns (我帮您把卡冻结了 has 冻 结 卡 of
 * 冻结卡片, 3 of 4). A Chinese phrase of at most two characters must be said as written, because two
 * characters scattered over a sentence are not evidence. An item ticks at score ≥ threshold (policy
 * assist.checklist.threshold, default 0.75).
 * Only the agent's final utterances tick items: a tick is a compliance record and partials get revised.
 * Negation is not considered ("I can't freeze the card" ticks): agents rarely say a step to deny it.
 */
import type { KnowledgeArticle } from '@common/knowledge/package-schema';
import { contentTokens, foldText, type ContentTokens } from './text';
import { checkEvent, type TranscriptEvent } from './types';

/** One checklist item as the knowledge package defines it. */
export type ChecklistItem = NonNullable<KnowledgeArticle['checklist']>[number];

/** The moment an item was done. */
export interface ChecklistTick {
  itemId: string;
  /** The item phrase that matched and how well (0–1). */
  phrase: string;
  score: number;
  /** The agent utterance that ticked it. */
  startMs: number;
  endMs: number;
}

/** An item and whether it is done, in the article's order. */
export interface ChecklistItemState {
  id: string;
  label: string;
  tick: ChecklistTick | null;
}

interface PreparedPhrase {
  phrase: string;
  tokens: ContentTokens;
  /** Folded text that must appear as is (short phrases), or null for the fuzzy score. */
  exact: string | null;
}

function prepare(phrase: string): PreparedPhrase {
  const tokens = contentTokens(phrase);
  const content = tokens.words.size + tokens.chars.size;
  // Two Chinese characters scattered over a sentence are not evidence (挂…失); nor is a phrase of stop
  // words only ("thank you"): both must be said as written.
  const exact = content === 0 || (tokens.words.size === 0 && tokens.han.length <= 2);
  return { phrase, tokens, exact: exact ? foldText(phrase).text.replace(/\s+/g, '') : null };
}

function score(prepared: PreparedPhrase, said: ContentTokens, saidCompact: string): number {
  if (prepared.exact !== null) return prepared.exact !== '' && saidCompact.includes(prepared.exact) ? 1 : 0;
  const { words, chars } = prepared.tokens;
  const total = words.size + chars.size;
  if (total === 0) return 0;
  let found = 0;
  for (const w of words) if (said.words.has(w)) found++;
  for (const c of chars) if (said.chars.has(c)) found++;
  return found / total;
}

/**
 * How well an utterance says a phrase, 0–1 (exported for tests and for tuning thresholds on real calls).
 */
export function phraseScore(phrase: string, utterance: string): number {
  const compact = foldText(utterance).text.replace(/\s+/g, '');
  return score(prepare(phrase), contentTokens(utterance), compact);
}

/** Ticks one article's checklist from the agent's utterances. */
export class ChecklistTracker {
  private readonly items: { item: ChecklistItem; phrases: PreparedPhrase[]; tick: ChecklistTick | null }[];
  private readonly threshold: number;

  /**
   * @param items the article's checklist, in order
   * @param threshold policy assist.checklist.threshold
   */
  constructor(items: readonly ChecklistItem[], threshold: number) {
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`checklist threshold must be in (0, 1], got ${threshold}`);
    this.threshold = threshold;
    this.items = items.map((item) => ({ item, phrases: item.phrases.map(prepare), tick: null }));
  }

  /** Feeds an event; returns the items it ticked (only agent finals tick). */
  feed(event: TranscriptEvent): ChecklistTick[] {
    checkEvent(event);
    if (event.leg !== 'agent' || !event.final || event.text.trim() === '') return [];
    const said = contentTokens(event.text);
    const compact = foldText(event.text).text.replace(/\s+/g, '');
    const ticks: ChecklistTick[] = [];
    for (const entry of this.items) {
      if (entry.tick) continue;
      let best: { phrase: string; score: number } | null = null;
      for (const p of entry.phrases) {
        const s = score(p, said, compact);
        if (s >= this.threshold && (!best || s > best.score)) best = { phrase: p.phrase, score: s };
      }
      if (!best) continue;
      entry.tick = { itemId: entry.item.id, ...best, startMs: event.startMs, endMs: event.endMs };
      ticks.push(entry.tick);
    }
    return ticks;
  }

  /** Every item with its tick (null = not done yet), in the article's order. */
  state(): ChecklistItemState[] {
    return this.items.map(({ item, tick }) => ({ id: item.id, label: item.label, tick }));
  }

  /** True when every item is done. */
  get complete(): boolean {
    return this.items.every((i) => i.tick !== null);
  }
}

