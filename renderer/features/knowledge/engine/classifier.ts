/**
 * A softmax (multinomial logistic regression) classifier trained at index time on each article's
 * title and similar questions — the knowledge base is the training data. Features: the engine's
 * terms (stemmed words, word pairs, Han characters, bigrams and words) plus character 3–5-grams of
 * Latin words, which carry misspellings and morphology the stemmer misses. Trained with Adagrad,
 * deterministic (fixed-seed shuffle), and only when the model stays small: the weights are dense
 * over articles, so a knowledge base of thousands of articles ranks without it.
 */
import { fold } from './fold';
import { terms as analyzeTerms } from './tokenize';
import type { Postings } from './derive';
import { toPostings } from './derive';

/** The persisted classifier: feature → (article, weight) postings and a bias per article. */
export interface ClassifierData {
  features: string[];
  weights: Postings;
  bias: Float32Array;
}

/** Training limits: above them the build would take seconds, so the classifier is skipped. */
const MAX_WEIGHTS = 6_000_000;
const MAX_WORK = 400_000_000;
const EPOCHS = 10;
const RATE = 0.2;
/** Weights smaller than this share of the largest are dropped from the persisted model. */
const PRUNE = 0.01;
const CHAR_GRAM_WEIGHT = 0.5;

/** A text's features, L2-normalised: feature → value. */
export function classifierFeatures(text: string, latinBigrams: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of analyzeTerms(text, { latinBigrams })) out.set(t, 1);
  for (const m of fold(text).matchAll(/[a-z0-9]+/g)) {
    const word = `#${m[0]}#`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= word.length; i++) out.set(`~${word.slice(i, i + n)}`, CHAR_GRAM_WEIGHT);
    }
  }
  let len = 0;
  for (const v of out.values()) len += v * v;
  len = Math.sqrt(len) || 1;
  for (const [k, v] of out) out.set(k, v / len);
  return out;
}

/** mulberry32, so the same knowledge base always trains the same model. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains on (text, article) examples.
 * @returns the model, or undefined when there are fewer than two articles or it would be too big
 */
export function trainClassifier(examples: readonly [string, number][], nClasses: number, latinBigrams: boolean): ClassifierData | undefined {
  if (nClasses < 2 || examples.length === 0) return undefined;
  // Every example adds tens of features: a quick bound skips the feature pass on a large KB.
  if (examples.length * nClasses * EPOCHS * 20 > MAX_WORK) return undefined;
  const vocab = new Map<string, number>();
  let work = 0;
  const rows = examples.map(([text, y]) => {
    const f = classifierFeatures(text, latinBigrams);
    const ids = new Uint32Array(f.size);
    const values = new Float32Array(f.size);
    let i = 0;
    for (const [k, v] of f) {
      let id = vocab.get(k);
      if (id === undefined) vocab.set(k, (id = vocab.size));
      ids[i] = id;
      values[i++] = v;
    }
    work += f.size * nClasses * EPOCHS;
    return { ids, values, y };
  });
  const C = nClasses;
  if (vocab.size * C > MAX_WEIGHTS || work > MAX_WORK) return undefined;
  const W = new Float32Array(vocab.size * C);
  const G = new Float32Array(vocab.size * C).fill(1e-6);
  const bias = new Float32Array(C);
  const Gb = new Float32Array(C).fill(1e-6);
  const p = new Float64Array(C);
  const next = random(77);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const { ids, values, y } = rows[k] as (typeof rows)[number];
      p.set(bias);
      for (let j = 0; j < ids.length; j++) {
        const base = (ids[j] as number) * C;
        const v = values[j] as number;
        for (let c = 0; c < C; c++) p[c] = (p[c] as number) + (W[base + c] as number) * v;
      }
      softmax(p);
      for (let c = 0; c < C; c++) {
        const g = (p[c] as number) - (c === y ? 1 : 0);
        Gb[c] = (Gb[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (RATE * g) / Math.sqrt(Gb[c] as number);
        for (let j = 0; j < ids.length; j++) {
          const at = (ids[j] as number) * C + c;
          const gw = g * (values[j] as number);
          G[at] = (G[at] as number) + gw * gw;
          W[at] = (W[at] as number) - (RATE * gw) / Math.sqrt(G[at] as number);
        }
      }
    }
  }
  let largest = 0;
  for (const w of W) largest = Math.max(largest, Math.abs(w));
  const byFeature = Array.from({ length: vocab.size }, (_, f) => {
    const row = new Map<number, number>();
    for (let c = 0; c < C; c++) {
      const w = W[f * C + c] as number;
      if (Math.abs(w) >= PRUNE * largest) row.set(c, w);
    }
    return row;
  });
  // Postings are feature → rows; here the "rows" are articles and the "terms" features, so transpose.
  const perClass = Array.from({ length: C }, () => new Map<number, number>());
  byFeature.forEach((row, f) => row.forEach((w, c) => (perClass[c] as Map<number, number>).set(f, w)));
  return { features: [...vocab.keys()], weights: toPostings(vocab.size, perClass), bias };
}

/** In-place softmax. */
export function softmax(x: Float64Array): void {
  let max = -Infinity;
  for (const v of x) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < x.length; c++) sum += x[c] = Math.exp((x[c] as number) - max);
  for (let c = 0; c < x.length; c++) x[c] = (x[c] as number) / sum;
}

/** Class probabilities for a query; `ids` maps feature strings to ids (built once per engine). */
export function classify(model: ClassifierData, ids: ReadonlyMap<string, number>, query: string, latinBigrams: boolean, out: Float64Array): void {
  out.set(model.bias);
  const { start, row, value } = model.weights;
  for (const [feature, v] of classifierFeatures(query, latinBigrams)) {
    const f = ids.get(feature);
    if (f === undefined) continue;
    for (let i = start[f] as number; i < (start[f + 1] as number); i++) {
      const c = row[i] as number;
      out[c] = (out[c] as number) + (value[i] as number) * v;
    }
  }
  softmax(out);
}
