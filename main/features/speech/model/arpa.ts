/**
 * A small back-off trigram language model in ARPA text format, built from a sentence corpus.
 *
 * Smoothing is absolute discounting with Katz-style back-off: a seen n-gram keeps its count minus a
 * discount D (Ney's estimate n1 / (n1 + 2·n2) per order); the mass taken off goes to unseen words through
 * the back-off weight of the history. That is enough for a domain of a few thousand sentences, where the
 * job is to make the bank's phrases likely without forbidding free combinations of the same words.
 * pocketsphinx 0.8 (sphinxbase 5prealpha) reads the result directly (`-lm file.lm`).
 */

const SEP = ' ';
/** Sentence boundary tokens (pocketsphinx maps them to silence). */
export const BOS = '<s>';
export const EOS = '</s>';

/** Sizes of the model, per order. */
export interface ArpaStats {
  unigrams: number;
  bigrams: number;
  trigrams: number;
}

type Counts = Map<string, number>;

function bump(map: Counts, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function discount(counts: Counts): number {
  let n1 = 0;
  let n2 = 0;
  for (const c of counts.values()) {
    if (c === 1) n1++;
    else if (c === 2) n2++;
  }
  const d = n1 + 2 * n2 > 0 && n2 > 0 ? n1 / (n1 + 2 * n2) : 0.5;
  return Math.min(0.9, Math.max(0.1, d));
}

/** Per history: the sum of its n-gram counts and the number of distinct words that follow it. */
function histories(counts: Counts): Map<string, { total: number; types: number }> {
  const result = new Map<string, { total: number; types: number }>();
  for (const [key, c] of counts) {
    const history = key.slice(0, key.lastIndexOf(SEP));
    const entry = result.get(history) ?? { total: 0, types: 0 };
    entry.total += c;
    entry.types += 1;
    result.set(history, entry);
  }
  return result;
}

const log10 = (p: number): string => (p <= 0 ? '-99' : Math.log10(p).toFixed(6));
const lastWord = (key: string): string => key.slice(key.lastIndexOf(SEP) + 1);
const dropFirst = (key: string): string => key.slice(key.indexOf(SEP) + 1);

/**
 * Builds the model.
 * @param sentences corpus sentences as word arrays (toWords output), without boundary tokens
 * @param vocabulary the words the decoder's dictionary has; n-grams that would span any other word are
 *   not counted, so an unknown word splits a sentence instead of gluing its neighbours together
 * @returns the ARPA text and its sizes
 */
export function buildArpa(sentences: readonly (readonly string[])[], vocabulary: ReadonlySet<string>): { arpa: string; stats: ArpaStats } {
  const c1: Counts = new Map();
  const c2: Counts = new Map();
  const c3: Counts = new Map();
  for (const sentence of sentences) {
    const tokens = [BOS, ...sentence, EOS];
    const known = tokens.map((t) => t === BOS || t === EOS || vocabulary.has(t));
    tokens.forEach((t, i) => {
      if (!known[i]) return;
      if (t !== BOS) bump(c1, t);
      if (i >= 1 && known[i - 1]) bump(c2, `${tokens[i - 1]}${SEP}${t}`);
      if (i >= 2 && known[i - 1] && known[i - 2]) bump(c3, `${tokens[i - 2]}${SEP}${tokens[i - 1]}${SEP}${t}`);
    });
  }
  if (c1.size === 0) throw new Error('the corpus has no word the dictionary knows');

  // Unigrams: relative frequency. Every word of the vocabulary was seen (the vocabulary is the corpus's own
  // words), so there is no unseen mass to reserve at this order.
  let total1 = 0;
  for (const c of c1.values()) total1 += c;
  const p1 = new Map<string, number>();
  for (const [w, c] of c1) p1.set(w, c / total1);

  const d2 = discount(c2);
  const h2 = histories(c2);
  const p2 = new Map<string, number>();
  for (const [key, c] of c2) p2.set(key, (c - d2) / (h2.get(key.slice(0, key.lastIndexOf(SEP)))?.total ?? 1));

  const d3 = discount(c3);
  const h3 = histories(c3);
  const p3 = new Map<string, number>();
  for (const [key, c] of c3) p3.set(key, (c - d3) / (h3.get(key.slice(0, key.lastIndexOf(SEP)))?.total ?? 1));

  // Back-off weight of history h: the mass left after its seen followers, over the lower-order mass of the
  // words not seen after h.
  const backoff = (seen: Map<string, number>, lower: (key: string) => number): Map<string, number> => {
    const left = new Map<string, number>();
    const lowerSeen = new Map<string, number>();
    for (const [key, p] of seen) {
      const history = key.slice(0, key.lastIndexOf(SEP));
      left.set(history, (left.get(history) ?? 1) - p);
      lowerSeen.set(history, (lowerSeen.get(history) ?? 1) - lower(key));
    }
    const weights = new Map<string, number>();
    for (const [history, num] of left) {
      const den = lowerSeen.get(history) ?? 1;
      weights.set(history, den > 1e-9 && num > 0 ? num / den : 1e-9);
    }
    return weights;
  };
  const bo1 = backoff(p2, (key) => p1.get(lastWord(key)) ?? 0);
  // Every trigram u v w has its bigram v w (both come from the same known window).
  const bo2 = backoff(p3, (key) => p2.get(dropFirst(key)) ?? 0);

  const lines: string[] = ['\\data\\', `ngram 1=${c1.size + 1}`, `ngram 2=${c2.size}`, `ngram 3=${c3.size}`, '', '\\1-grams:'];
  lines.push(`-99\t${BOS}\t${log10(bo1.get(BOS) ?? 1)}`);
  for (const w of [...c1.keys()].sort()) lines.push(`${log10(p1.get(w) ?? 0)}\t${w}\t${log10(bo1.get(w) ?? 1)}`);
  lines.push('', '\\2-grams:');
  for (const key of [...c2.keys()].sort()) lines.push(`${log10(p2.get(key) ?? 0)}\t${key}\t${log10(bo2.get(key) ?? 1)}`);
  lines.push('', '\\3-grams:');
  for (const key of [...c3.keys()].sort()) lines.push(`${log10(p3.get(key) ?? 0)}\t${key}`);
  lines.push('', '\\end\\', '');
  return { arpa: lines.join('\n'), stats: { unigrams: c1.size + 1, bigrams: c2.size, trigrams: c3.size } };
}
