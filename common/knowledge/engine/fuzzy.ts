/**
 * Typo tolerance for English: a symmetric deletion index (as in SymSpell) over the vocabulary finds
 * every known term within one edit (insertion, deletion, substitution or adjacent swap) of an unknown
 * query term without scanning the vocabulary. Short words are left alone: one edit turns "card" into
 * "cart", and a wrong correction costs more than a missed one.
 */
const MIN_LENGTH = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance ≤ 1 (optimal string alignment). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The vocabulary as the typo index reads it (dictionary.ts's TermDictionary). */
export interface Vocabulary {
  readonly size: number;
  at(id: number): string;
}

/** Finds vocabulary terms one edit away from a query term. */
export class TypoIndex {
  private readonly byDeletion = new Map<string, number[]>();

  constructor(private readonly terms: Vocabulary) {
    for (let id = 0; id < terms.size; id++) {
      const term = terms.at(id);
      if (term.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(term)) continue;
      for (const key of [term, ...deletions(term)]) {
        const list = this.byDeletion.get(key);
        if (list) list.push(id);
        else this.byDeletion.set(key, [id]);
      }
    }
  }

  /** Ids of known terms within one edit of term; empty for short or non-Latin terms. */
  lookup(term: string): number[] {
    if (term.length < MIN_LENGTH || !/^[a-z]+$/.test(term)) return [];
    const found = new Set<number>();
    for (const key of [term, ...deletions(term)]) {
      for (const id of this.byDeletion.get(key) ?? []) {
        if (withinOneEdit(term, this.terms.at(id))) found.add(id);
      }
    }
    return [...found];
  }
}
