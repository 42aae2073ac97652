/**
 * Multi-output linear models trained at index time: one weight per (feature, output), learned by
 * Adagrad over a fixed-seed shuffle so the same knowledge base always trains the same model.
 * Two losses: softmax (the outputs are exclusive: which article) and independent sigmoids (the outputs
 * are labels an example may have several of: which title words). The update skips outputs whose
 * gradient is negligible — after the first epochs that is most of them, and it is what keeps training
 * a few hundred milliseconds on a hundred-article knowledge base.
 */
import { toPostings, type Postings } from './derive';

/** A trained model: feature → (output, weight) postings and a bias per output. */
export interface LinearModel {
  weights: Postings;
  bias: Float32Array;
}

/** One training example: sparse feature ids and values, and its output(s). */
export interface Example {
  ids: Uint32Array;
  values: Float32Array;
  /** The outputs this example has (one for softmax, any number for sigmoid). */
  labels: readonly number[];
}

/** Training switches. */
export interface TrainOptions {
  loss: 'softmax' | 'sigmoid';
  epochs: number;
  rate: number;
  /** Seed of the example shuffle, so the same knowledge base always trains the same model. */
  seed: number;
  /**
   * Adagrad (per-weight rates) or plain SGD. Adagrad lets a rare feature (one question's character
   * gram) take a large weight fast; plain SGD from zero spreads weight over the features the
   * examples share, which ranks held-back BANKING77 rows better for the softmax over articles, while
   * the title-word model does better with Adagrad.
   */
  adaptive: boolean;
  /** Weights smaller than this share of the largest are dropped from the persisted model. */
  prune: number;
}

/**
 * Gradients smaller than this are not applied: examples the model already gets right stop moving
 * it, which is most of the work saved and, on held-back BANKING77 rows, slightly better ranking.
 */
export const MIN_GRADIENT = 0.03;

/** mulberry32, a tiny seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In-place softmax. */
export function softmax(x: Float64Array): void {
  let max = -Infinity;
  for (const v of x) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < x.length; c++) sum += x[c] = Math.exp((x[c] as number) - max);
  for (let c = 0; c < x.length; c++) x[c] = (x[c] as number) / sum;
}

/** out ← bias + Σ weight·value over the features (raw scores, before softmax or sigmoid). */
export function linearScores(model: LinearModel, features: Iterable<readonly [number, number]>, out: Float64Array): void {
  out.set(model.bias);
  const { start, row, value } = model.weights;
  for (const [f, v] of features) {
    for (let i = start[f] as number; i < (start[f + 1] as number); i++) {
      const o = row[i] as number;
      out[o] = (out[o] as number) + (value[i] as number) * v;
    }
  }
}

/** Trains a model over `nFeatures` features and `nOutputs` outputs. */
export function trainLinear(examples: readonly Example[], nFeatures: number, nOutputs: number, options: TrainOptions): LinearModel {
  const O = nOutputs;
  const W = new Float32Array(nFeatures * O);
  // Adagrad's squared-gradient sums; plain SGD needs none.
  const G = new Float32Array(options.adaptive ? nFeatures * O : 0).fill(1e-6);
  const bias = new Float32Array(O);
  const Gb = new Float32Array(O).fill(1e-6);
  const z = new Float64Array(O);
  const target = new Uint8Array(O);
  const next = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const { rate } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const { ids, values, labels } = examples[k] as Example;
      z.set(bias);
      for (let j = 0; j < ids.length; j++) {
        const base = (ids[j] as number) * O;
        const v = values[j] as number;
        for (let o = 0; o < O; o++) z[o] = (z[o] as number) + (W[base + o] as number) * v;
      }
      if (options.loss === 'softmax') softmax(z);
      else for (let o = 0; o < O; o++) z[o] = 1 / (1 + Math.exp(-(z[o] as number)));
      for (const y of labels) target[y] = 1;
      for (let o = 0; o < O; o++) {
        const g = (z[o] as number) - (target[o] as number);
        if (g < MIN_GRADIENT && g > -MIN_GRADIENT) continue;
        if (!options.adaptive) {
          bias[o] = (bias[o] as number) - rate * g;
          for (let j = 0; j < ids.length; j++) {
            const at = (ids[j] as number) * O + o;
            W[at] = (W[at] as number) - rate * g * (values[j] as number);
          }
          continue;
        }
        Gb[o] = (Gb[o] as number) + g * g;
        bias[o] = (bias[o] as number) - (rate * g) / Math.sqrt(Gb[o] as number);
        for (let j = 0; j < ids.length; j++) {
          const at = (ids[j] as number) * O + o;
          const gw = g * (values[j] as number);
          G[at] = (G[at] as number) + gw * gw;
          W[at] = (W[at] as number) - (rate * gw) / Math.sqrt(G[at] as number);
        }
      }
      for (const y of labels) target[y] = 0;
    }
  }
  return { weights: prune(W, nFeatures, O, options.prune), bias };
}

/** Drops the smallest weights and stores the rest as feature → output postings. */
function prune(W: Float32Array, nFeatures: number, O: number, share: number): Postings {
  let largest = 0;
  for (const w of W) largest = Math.max(largest, Math.abs(w));
  const rows = Array.from({ length: O }, () => new Map<number, number>());
  for (let f = 0; f < nFeatures; f++) {
    for (let o = 0; o < O; o++) {
      const w = W[f * O + o] as number;
      if (Math.abs(w) >= share * largest) (rows[o] as Map<number, number>).set(f, w);
    }
  }
  // toPostings maps term → rows; here features are the "terms" and outputs the "rows".
  return toPostings(nFeatures, rows);
}
