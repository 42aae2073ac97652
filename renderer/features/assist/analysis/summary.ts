/**
 * Post-call extractive summary: the call's intent, key facts, actions the agent promised, the checklist
 * outcome and a suggested wrap-up code, built from the finished transcript and what the pane saw during
 * the call. Extractive on purpose: every line is something that was said (digits masked), so the agent
 * can check it against the transcript and nothing is invented.
 *
 * - Intent: the article suggested most over the call. Each suggestion list adds 1 / (rank + 1) to each of
 *   its articles; lists shown for a customer final count fully, the IVR's X-Intent counts half (it is
 *   a menu choice, not the customer's words).
 * - Key facts: sentences of either leg with amounts, dates, card/account mentions or products; the most
 *   telling (amounts and dates count double) up to summary.maxFacts, shown in call order.
 * - Actions: agent sentences with a promise ("I'll …", "you will receive …", 我会…, 马上为您…), rituals and
 *   holding lines excluded, at most summary.maxActions. A promise is listed as an action only, not again
 *   as a fact.
 * - Wrap-up: the first summary.wrapUpKeywords entry heard (not under a negation) whose code the policy
 *   offers (agent.wrapUp.codes); an entry for "transferred" also matches when the call was transferred;
 *   otherwise summary.defaultWrapUpCode; null when the policy offers neither.
 */
import type { AssistPolicy } from '@common/contract/policy-assist';
import type { ChecklistItemState } from './checklist';
import { maskDigits } from './digits';
import { PhraseMatcher, isNegated } from './phrase-match';
import { factTags, factWeight, isPromise, sentences, type FactTag } from './summary-extract';
import { foldText } from './text';
import type { Leg, TranscriptEvent } from './types';

/** The suggestion list the pane showed at one moment. */
export interface SuggestionSnapshot {
  atMs: number;
  /** customer: searched from a customer final; ivr: from the IVR's X-Intent header. */
  source: 'customer' | 'ivr';
  /** Best first. */
  articles: readonly { id: string; title: string }[];
}

/** A wrap-up code as the policy offers it (agent.wrapUp.codes). */
export interface OfferedCode {
  code: string;
  label: { en?: string | undefined; 'zh-CN'?: string | undefined; 'zh-TW'?: string | undefined };
}

/** Everything the summary is built from. */
export interface SummaryInput {
  /** The call's transcript; partials are ignored. */
  transcript: readonly TranscriptEvent[];
  suggestions: readonly SuggestionSnapshot[];
  /** The checklist of the article in use at the end of the call, if any. */
  checklist?: readonly ChecklistItemState[] | undefined;
  offeredCodes: readonly OfferedCode[];
  /** The call was transferred (from the phone's call state). */
  transferred?: boolean | undefined;
}

/** A sentence picked for the summary. */
export interface SummaryLine {
  leg: Leg;
  atMs: number;
  /** As said, card-like digit runs masked. */
  text: string;
}

export interface SummaryFact extends SummaryLine {
  tags: FactTag[];
}

/** The summary, ready to render and for the agent to edit. */
export interface CallSummary {
  intent: { articleId: string; title: string; share: number } | null;
  facts: SummaryFact[];
  actions: SummaryLine[];
  checklist: { done: string[]; missed: string[] } | null;
  wrapUp: { code: string; label: OfferedCode['label']; heard: string | null } | null;
}

function pickIntent(snapshots: readonly SuggestionSnapshot[]): CallSummary['intent'] {
  const weights = new Map<string, { title: string; weight: number }>();
  let total = 0;
  for (const snap of snapshots) {
    const factor = snap.source === 'customer' ? 1 : 0.5;
    snap.articles.forEach((article, rank) => {
      const add = factor / (rank + 1);
      const entry = weights.get(article.id) ?? { title: article.title, weight: 0 };
      entry.weight += add;
      weights.set(article.id, entry);
      total += add;
    });
  }
  let best: CallSummary['intent'] = null;
  let bestWeight = 0;
  // Map order is first-seen order, so a tie goes to the article suggested first.
  for (const [articleId, { title, weight }] of weights) {
    if (weight <= bestWeight) continue;
    bestWeight = weight;
    best = { articleId, title, share: weight / total };
  }
  return best;
}

function pickWrapUp(input: SummaryInput, finals: readonly TranscriptEvent[], policy: AssistPolicy): CallSummary['wrapUp'] {
  const offered = new Map(input.offeredCodes.map((c) => [c.code, c]));
  for (const entry of policy.summary.wrapUpKeywords) {
    const code = offered.get(entry.code);
    if (!code) continue;
    if (entry.code === 'transferred' && input.transferred) return { code: code.code, label: code.label, heard: null };
    const matcher = new PhraseMatcher(entry.phrases);
    for (const event of finals) {
      if (entry.leg !== 'both' && entry.leg !== event.leg) continue;
      const folded = foldText(event.text).text;
      for (const hit of matcher.occurrences(folded)) {
        if (!isNegated(folded, hit.start)) return { code: code.code, label: code.label, heard: matcher.phrases[hit.phrase] as string };
      }
    }
  }
  const fallback = offered.get(policy.summary.defaultWrapUpCode);
  return fallback ? { code: fallback.code, label: fallback.label, heard: null } : null;
}

/** Builds the summary of a finished call. */
export function summarizeCall(input: SummaryInput, policy: AssistPolicy): CallSummary {
  const finals = input.transcript.filter((e) => e.final && e.text.trim() !== '').sort((a, b) => a.startMs - b.startMs);
  const mask = { minDigits: policy.pci.minDigits, triggers: new PhraseMatcher(policy.pci.triggerPhrases), maskText: policy.pci.maskText };
  const candidates: (SummaryFact & { weight: number; order: number })[] = [];
  const actions: SummaryLine[] = [];
  const seen = new Set<string>();
  for (const event of finals) {
    for (const sentence of sentences(event.text)) {
      const key = foldText(sentence).text.replace(/\s+/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      const line = { leg: event.leg, atMs: event.startMs, text: maskDigits(sentence, mask) };
      if (event.leg === 'agent' && isPromise(sentence)) {
        actions.push(line);
        continue;
      }
      const tags = factTags(sentence);
      const weight = factWeight(tags);
      if (weight > 0) candidates.push({ ...line, tags, weight, order: candidates.length });
    }
  }
  const facts = candidates
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, policy.summary.maxFacts)
    .sort((a, b) => a.order - b.order)
    .map(({ leg, atMs, text, tags }) => ({ leg, atMs, text, tags }));
  const checklist = input.checklist?.length
    ? {
        done: input.checklist.filter((i) => i.tick).map((i) => i.label),
        missed: input.checklist.filter((i) => !i.tick).map((i) => i.label),
      }
    : null;
  return {
    intent: pickIntent(input.suggestions),
    facts,
    actions: actions.slice(0, policy.summary.maxActions),
    checklist,
    wrapUp: pickWrapUp(input, finals, policy),
  };
}
