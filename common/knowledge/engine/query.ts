/**
 * Query analysis: terms → weighted term ids, with typo correction for unknown English words and
 * expansion through the package's synonym groups.
 */
import { porterStem } from './stem';
import { analyze, isHanChar, isPair, type Token } from './tokenize';
import type { TypoIndex } from './fuzzy';
import type { SearchModel } from './model';

/** A query term the index knows, with its weight in the query. */
export interface QueryTerm {
  id: number;
  weight: number;
}

/** Analysed query: weighted ids plus the tokens (for highlighting). */
export interface ParsedQuery {
  terms: QueryTerm[];
  tokens: Token[];
}

function add(out: Map<number, number>, id: number, weight: number): void {
  out.set(id, Math.max(out.get(id) ?? 0, weight));
}

/** Parses a query against a model; `typos` is created on first need by the caller. */
export function parseQuery(model: SearchModel, query: string, typos: () => TypoIndex): ParsedQuery {
  const { config } = model.data;
  let tokens = analyze(query, { latinBigrams: config.latinBigrams });
  if (tokens.length === 0) tokens = analyze(query, { keepStopWords: true });
  const weights = new Map<number, number>();
  for (const { term } of tokens) {
    const base = isHanChar(term) ? config.hanCharWeight : isPair(term) ? config.bigramWeight : 1;
    const id = model.termIds.get(term);
    if (id !== undefined) {
      add(weights, id, base);
      continue;
    }
    if (isPair(term)) continue;
    // Stems of misspelt words are unreliable ("recieved" → "reciev"), so correct the stem and,
    // failing that, the stem of nothing more than a trailing-s plural.
    for (const candidate of new Set([term, porterStem(term)])) {
      for (const near of typos().lookup(candidate)) add(weights, near, base * config.fuzzyWeight);
    }
  }
  expandSynonyms(model, weights);
  return { terms: [...weights].map(([id, weight]) => ({ id, weight })), tokens };
}

function expandSynonyms(model: SearchModel, weights: Map<number, number>): void {
  const { synonyms, config } = model.data;
  const present = new Set(weights.keys());
  for (const group of synonyms) {
    const hit = group.find((member) => member.every((id) => present.has(id)));
    if (!hit) continue;
    for (const member of group) {
      if (member === hit) continue;
      for (const id of member) add(weights, id, config.synonymWeight);
    }
  }
}
