/**
 * Query analysis: terms → weighted term ids, with typo correction for unknown English words and
 * expansion through the package's synonym groups.
 */
import { porterStem } from './stem';
import { analyze, isHanChar, isPair, type Token } from './tokenize';
import type { TypoIndex } from './fuzzy';
import type { SearchModel } from './model';
import type { TermDictionary } from './dictionary';

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
    const base = baseWeight(term, config);
    const id = model.terms.id(term);
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

/** A term's weight in a query before expansion: single Han characters and English word pairs count less. */
function baseWeight(term: string, config: SearchModel['data']['config']): number {
  return isHanChar(term) ? config.hanCharWeight : isPair(term) ? config.bigramWeight : 1;
}

/**
 * The terms a synonym member must find in the query to count as said. A Chinese phrase is known by its
 * character pairs (a single character, 卡 of 冻结卡, is in half the questions; a dictionary word the
 * segmenter found in the phrase alone may be cut differently inside a sentence); an English phrase by its
 * words and word pairs, so "lost card" is said by "I lost my card" but not by "lost money on my card".
 */
function requiredTerms(member: readonly number[], terms: TermDictionary): number[] {
  const required = member.filter((id) => {
    const term = terms.at(id);
    return !isHanChar(term) && !(HAN_WORD.test(term) && term.length > 2);
  });
  return required.length > 0 ? required : [...member];
}

const HAN_WORD = /^\p{Script=Han}+$/u;

/**
 * Adds the other members of every synonym group the query says one member of, at synonymWeight; an English
 * word pair at that share of its typed weight (bigramWeight), as typed pairs count. A member that contains
 * the one said (分期付款 for 分期, 信用额度 for 额度) is skipped: it adds only words the query did not say,
 * and 信用 would lift every 信用卡 article. Single characters keep synonymWeight: at their typed weight
 * (hanCharWeight) 汇款 for 转账 lost its 款 and the dev set's 转账的钱能退吗 went to the refund article.
 */
function expandSynonyms(model: SearchModel, weights: Map<number, number>): void {
  const { synonyms, config } = model.data;
  const { terms } = model;
  const present = new Set(weights.keys());
  for (const group of synonyms) {
    const hit = group.find((member) => requiredTerms(member, terms).every((id) => present.has(id)));
    if (!hit) continue;
    const said = requiredTerms(hit, terms);
    for (const member of group) {
      if (member === hit || said.every((id) => member.includes(id))) continue;
      for (const id of member) add(weights, id, config.synonymWeight * (isPair(terms.at(id)) ? config.bigramWeight : 1));
    }
  }
}
