/**
 * The index's vocabulary as it is stored and searched: every term joined into one string, each term's
 * start offset, and an open-addressing hash table of term ids (linear probing, at most ~60 % full).
 * A term's id is its position. Loading it is one string and two typed arrays (a 10,000-article
 * vocabulary holds over a million terms: read back as an array of strings, and mapped term → id, it
 * cost seconds at start-up), and a lookup is a hash and a probe or two.
 */
export interface PackedTerms {
  text: string;
  /** Offsets of each term in `text`, plus the end: length = terms + 1. */
  start: Uint32Array;
  /** Hash table: id + 1 of the term whose hash lands here (or after, probing), 0 = empty. Length a power of two. */
  slots: Uint32Array;
}

/** FNV-1a over UTF-16 code units. */
export function hash(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Packs terms (distinct, in id order). */
export function packTerms(terms: readonly string[]): PackedTerms {
  const start = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) start[i + 1] = (start[i] as number) + (terms[i] as string).length;
  const text = terms.join('');
  let size = 8;
  while (size * 0.6 < terms.length) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  for (let id = 0; id < terms.length; id++) {
    let slot = hash(text, start[id], start[id + 1]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }
  return { text, start, slots };
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
    const { slots } = this.packed;
    const mask = slots.length - 1;
    for (let slot = hash(term) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === 0) return undefined;
      if (this.equals(entry - 1, term)) return entry - 1;
    }
  }

  /** Whether term `id` is `term`, compared in place (no substring made). */
  private equals(id: number, term: string): boolean {
    const { text, start } = this.packed;
    const from = start[id] as number;
    if ((start[id + 1] as number) - from !== term.length) return false;
    for (let i = 0; i < term.length; i++) if (text.charCodeAt(from + i) !== term.charCodeAt(i)) return false;
    return true;
  }
}
