/**
 * Keyword rules (policy assist.keywords.rules): sensitive words from the customer raise an alert,
 * forbidden phrases from the agent a quiet warning.
 *
 * Matching (phrase-match.ts): folded (case, width, Traditional → Simplified), English on word boundaries
 * with simple plural/-ed/-ing, Chinese as substrings. A rule with `negation` skips an occurrence governed by
 * a negation ("not a complaint", 不是投诉) and takes the next one, so "I don't want to complain, but I will
 * call the regulator" still fires on "regulator". Negation is a cheap look-back, not parsing: "I can't
 * believe I have to complain" is read as negated; the README lists this limit.
 */
import type { KeywordRule } from '@common/contract/policy-assist';
import { PhraseMatcher, isNegated } from './phrase-match';
import { foldText, originalSpan } from './text';
import { checkEvent, type AnalysisLabel, type Leg, type TranscriptEvent } from './types';
import { UtteranceCounter } from './utterances';

/** One rule that matched an utterance. */
export interface KeywordMatch {
  ruleId: string;
  kind: KeywordRule['kind'];
  label: AnalysisLabel;
  /** The leg that spoke it. */
  leg: Leg;
  /** The policy phrase that matched. */
  phrase: string;
  /** Where it is in the utterance as shown (offsets into the original text), for highlighting. */
  start: number;
  end: number;
  /** The words as spoken (the original substring). */
  text: string;
}

interface CompiledRule {
  rule: KeywordRule;
  matcher: PhraseMatcher;
}

/** Rules prepared for matching; build once per policy, reuse for every utterance. */
export class KeywordRules {
  private readonly compiled: CompiledRule[];

  constructor(rules: readonly KeywordRule[]) {
    this.compiled = rules.map((rule) => ({ rule, matcher: new PhraseMatcher(rule.phrases) }));
  }

  /** Every phrase of every rule listening to `leg` (for the recogniser's keyword and hint lists). */
  phrasesFor(leg: Leg): string[] {
    return this.compiled.filter((c) => c.rule.leg === leg || c.rule.leg === 'both').flatMap((c) => c.rule.phrases);
  }

  /** The first non-negated match of each rule listening to `leg`, in rule order. */
  match(leg: Leg, text: string): KeywordMatch[] {
    const out: KeywordMatch[] = [];
    if (text === '') return out;
    const folded = foldText(text);
    for (const { rule, matcher } of this.compiled) {
      if (rule.leg !== 'both' && rule.leg !== leg) continue;
      for (const hit of matcher.occurrences(folded.text)) {
        if (rule.negation && isNegated(folded.text, hit.start)) continue;
        const span = originalSpan(folded, text, hit.start, hit.end);
        out.push({
          ruleId: rule.id,
          kind: rule.kind,
          label: rule.label,
          leg,
          phrase: matcher.phrases[hit.phrase] as string,
          start: span.start,
          end: span.end,
          text: text.slice(span.start, span.end),
        });
        break;
      }
    }
    return out;
  }
}

/** What one transcript event produced. */
export interface KeywordUpdate {
  /** Every rule matching the event's text now (highlight these in the transcript row). */
  matches: KeywordMatch[];
  /**
   * Rules matching for the first time in this utterance: raise the alert or warning for these only. From a
   * partial they are provisional until the utterance's final confirms or withdraws them.
   */
  fired: KeywordMatch[];
  /** Final only: rules fired provisionally from a partial that the final still says. */
  confirmed: KeywordMatch[];
  /** Final only: rules fired provisionally from a partial that the final no longer says (as first heard). */
  withdrawn: KeywordMatch[];
}

/**
 * Feeds partials and finals through the rules and reports each rule once per utterance, however many
 * partials repeat it (a partial revised to drop a phrase and add it back does not fire twice). A rule
 * fired from a partial stands only if the final says it too: the final confirms it (once) or withdraws it
 * ("regulator" in a partial, "i have" in the final).
 */
export class KeywordWatcher {
  private readonly rules: KeywordRules;
  private readonly utterances = new UtteranceCounter();
  private readonly firedIn = new Map<string, Set<string>>();
  /** By leg: rules fired from a partial of the open utterance, awaiting its final. */
  private readonly provisional = new Map<string, Map<string, KeywordMatch>>();

  constructor(rules: KeywordRules | readonly KeywordRule[]) {
    this.rules = rules instanceof KeywordRules ? rules : new KeywordRules(rules);
  }

  /** Matches one event; call it for every partial and final. */
  feed(event: TranscriptEvent): KeywordUpdate {
    checkEvent(event);
    const leg = event.leg;
    let fired = this.firedIn.get(leg);
    let pending = this.provisional.get(leg);
    if (!fired || !pending || this.utterances.isNew(event)) {
      fired = new Set();
      pending = new Map();
      this.firedIn.set(leg, fired);
      this.provisional.set(leg, pending);
    }
    const matches = this.rules.match(leg, event.text);
    const fresh = matches.filter((m) => !fired.has(m.ruleId));
    for (const m of fresh) fired.add(m.ruleId);
    const confirmed: KeywordMatch[] = [];
    const withdrawn: KeywordMatch[] = [];
    if (event.final) {
      for (const [ruleId, first] of pending) {
        const now = matches.find((m) => m.ruleId === ruleId);
        if (now) confirmed.push(now);
        else withdrawn.push(first);
      }
      pending.clear();
    } else {
      for (const m of fresh) pending.set(m.ruleId, m);
    }
    this.utterances.record(event);
    return { matches, fired: fresh, confirmed, withdrawn };
  }
}
