/**
 * The index's vocabulary as it is stored and searched: every term sorted (UTF-16 code-unit order, the
 * order of `<` on strings), joined into one string, with each term's start offset. A term's id is its
 * rank. Loading it is one string and one typed array (IndexedDB reads a 10,000-article vocabulary of a
 * million terms this way in a fraction of the time an array of strings takes), and looking a term up is
 * a binary search: no term → id map is built at start-up.
 */
export interface PackedTerms {
  text: string;
  /** Offsets of each term in `text`, plus the end: length = terms + 1. */
  start: Uint32Array;
}

/**
 * Sorts terms and packs them.
 * @returns the packed terms and, for each position in `terms`, its id (rank) in the packed order
 */
export function packTerms(terms: readonly string[]): { packed: PackedTerms; idOf: Uint32Array } {
  const sorted = [...terms].sort();
  const rank = new Map<string, number>();
  sorted.forEach((term, i) => rank.set(term, i));
  const idOf = Uint32Array.from(terms, (term) => rank.get(term) as number);
  const start = new Uint32Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) start[i + 1] = (start[i] as number) + (sorted[i] as string).length;
  return { packed: { text: sorted.join(''), start }, idOf };
}

/** Read access to packed terms. */
export class TermDictionary {
  constructor(private readonly packed: PackedTerms) {}

  get size(): number {
    return this.packed.start.length - 1;
  }

  /** The term with id `id`. */
  at(id: number): string {
    const { text, start } = this.packed;
    return text.slice(start[id], start[id + 1]);
  }

  /** The id of `term`, or undefined when the index does not know it. */
  id(term: string): number | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const found = this.at(mid);
      if (found === term) return mid;
      if (found < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
