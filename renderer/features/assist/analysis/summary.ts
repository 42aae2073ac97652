/**
 * Post-call extractive summary: the call's intent, key facts, actions the agent promised, the checklist
 * outcome and a suggested wrap-up code, built from the finished transcript and what the pane saw during
 * the call. Extractive on purpose: every line is something that was said (digits masked), so the agent
 * can check it against the transcript and nothing is invented.
 *
 * - Intent: the article the customer's requests point to. Each suggestion list votes for its articles by
 *   relevance (the search score over the list's best score), scaled by what the searched utterance does
 *   (utterance-role.ts): a request counts fully, a plain statement (a name, a date) a little, a greeting
 *   or filler ("Hello, yes.", 好的谢谢) not at all; the IVR's X-Intent counts half (a menu choice, not the
 *   customer's words); a customer final that raises an alert (a complaint, the regulator) a quarter, as the
 *   alert and the wrap-up code carry it already. A sentence said again votes once. Weights: INTENT_WEIGHTS, tuned by
 *   tools/assist-intent-tune.ts.
 * - Key facts leave greetings out: the agent's greeting and closing lines are skipped, a greeting or filler
 *   before a fact ("Hello, yes, I lost my card") is cut.
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
import { KeywordRules } from './keyword-rules';
import { PhraseMatcher, isNegated } from './phrase-match';
import { factTags, factWeight, isPromise, sentences, type FactTag } from './summary-extract';
import { foldText } from './text';
import type { Leg, TranscriptEvent } from './types';
import { isGreeting, utteranceRole, withoutGreeting, type UtteranceRole } from './utterance-role';

/** The suggestion list the pane showed at one moment. */
export interface SuggestionSnapshot {
  atMs: number;
  /** customer: searched from a customer final; ivr: from the IVR's X-Intent header. */
  source: 'customer' | 'ivr';
  /** What was searched (the customer's final, or the X-Intent). */
  query: string;
  /** Best first, with the search score (comparable within one search). */
  articles: readonly { id: string; title: string; score: number }[];
}

/** How the intent vote weighs a suggestion list (see the file comment). */
export interface IntentWeights {
  /** A customer final by its role. */
  role: Record<UtteranceRole, number>;
  /** The IVR's X-Intent. */
  ivr: number;
  /**
   * A customer final that raises an alert (complaint, regulator, lawyer …), whatever its role: the alert and
   * the wrap-up code already carry the escalation, so it should not outvote the request it is about.
   */
  escalation: number;
  /** Relevance is (score / best score) ** sharpness: above 1, runners-up count less. */
  sharpness: number;
}

export const INTENT_WEIGHTS: IntentWeights = { role: { request: 1, statement: 0.25, filler: 0 }, ivr: 0.5, escalation: 0.25, sharpness: 1 };

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

/** The article the call was about, by a relevance-weighted vote of its suggestion lists. */
export function pickIntent(
  snapshots: readonly SuggestionSnapshot[],
  weights: IntentWeights = INTENT_WEIGHTS,
  escalates: (query: string) => boolean = () => false,
): CallSummary['intent'] {
  const votes = new Map<string, { title: string; weight: number }>();
  const heard = new Set<string>();
  let total = 0;
  for (const snap of snapshots) {
    // The same sentence said again is the same evidence (as key facts keep it once).
    const key = `${snap.source}:${foldText(snap.query).text.replace(/[\s\p{P}]+/gu, '')}`;
    if (heard.has(key)) continue;
    heard.add(key);
    const factor = snap.source === 'ivr' ? weights.ivr : escalates(snap.query) ? weights.escalation : weights.role[utteranceRole(snap.query)];
    const best = snap.articles[0]?.score ?? 0;
    if (factor <= 0 || best <= 0) continue;
    for (const article of snap.articles) {
      const add = factor * Math.max(0, article.score / best) ** weights.sharpness;
      const entry = votes.get(article.id) ?? { title: article.title, weight: 0 };
      entry.weight += add;
      votes.set(article.id, entry);
      total += add;
    }
  }
  let best: CallSummary['intent'] = null;
  let bestWeight = 0;
  // Map order is first-seen order, so a tie goes to the article suggested first.
  for (const [articleId, { title, weight }] of votes) {
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
export function summarizeCall(input: SummaryInput, policy: AssistPolicy, weights: IntentWeights = INTENT_WEIGHTS): CallSummary {
  const finals = input.transcript.filter((e) => e.final && e.text.trim() !== '').sort((a, b) => a.startMs - b.startMs);
  const rules = new KeywordRules(policy.keywords.rules);
  const mask = { minDigits: policy.pci.minDigits, triggers: new PhraseMatcher(policy.pci.triggerPhrases), maskText: policy.pci.maskText };
  const candidates: (SummaryFact & { weight: number; order: number })[] = [];
  const actions: SummaryLine[] = [];
  const seen = new Set<string>();
  for (const event of finals) {
    for (const said of sentences(event.text)) {
      const sentence = event.leg === 'agent' && isGreeting(said) ? '' : withoutGreeting(said);
      if (sentence === '') continue;
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
    intent: pickIntent(input.suggestions, weights, (query) => rules.match('customer', query).some((m) => m.kind === 'alert')),
    facts,
    actions: actions.slice(0, policy.summary.maxActions),
    checklist,
    wrapUp: pickWrapUp(input, finals, policy),
  };
}
