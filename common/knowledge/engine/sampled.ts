/**
 * The scalable training path of the learned models: each example is trained against a candidate set
 * of outputs (its own article's outputs and those of its nearest articles), not against every output,
 * and the weights live in hashed per-output blocks instead of a dense feature × output matrix.
 * - Work per example is features × candidates, so a 10,000-article knowledge base costs about what
 *   a 30-article one does per example; memory is outputs × block size, fixed up front.
 * - Each output's block holds 2^bits weights addressed by a hash of the feature; two features that
 *   share a slot share a weight (feature hashing). The block of one output stays in cache while an
 *   example's features are read from it.
 * After training, the weights that could have been touched (features seen with an output as a
 * candidate) are read back, pruned and persisted as the same feature → output postings the dense
 * path produces, so querying does not change.
 */
import type { Postings } from './derive';
import { softmax, type LinearModel, type TrainOptions } from './linear';
import { MIN_GRADIENT, seededRandom } from './linear';

/** One training example of a group (an article): sparse features and its outputs. */
export interface GroupedExample {
  ids: Uint32Array;
  values: Float32Array;
  labels: readonly number[];
  /** The group whose candidate outputs this example is trained against. */
  group: number;
}

export interface SampledOptions extends TrainOptions {
  /** log2 of the weights per output. */
  bits: number;
}

/** A feature's slot within an output's block: a fixed integer hash. */
function slotOf(feature: number, mask: number): number {
  let h = Math.imul(feature ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/**
 * Trains a linear model where examples of group g only see outputs `candidates[g]`.
 * @param candidates per group, the outputs its examples are scored and updated against (must include
 *   every label of the group's examples)
 * @param reads per group, the outputs besides its labels whose weights on its examples' features
 *   are kept (default none: an output keeps the weights of its own examples' features)
 */
export function trainSampled(
  examples: readonly GroupedExample[],
  nFeatures: number,
  nOutputs: number,
  candidates: readonly Uint32Array[],
  options: SampledOptions,
  reads?: readonly (readonly number[])[],
): LinearModel {
  const size = 1 << options.bits;
  const mask = size - 1;
  const slot = new Uint32Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) slot[f] = slotOf(f, mask);
  const W = new Float32Array(nOutputs * size);
  const G = new Float32Array(options.adaptive ? nOutputs * size : 0).fill(1e-6);
  const bias = new Float32Array(nOutputs);
  const Gb = new Float32Array(nOutputs).fill(1e-6);
  let widest = 0;
  for (const c of candidates) widest = Math.max(widest, c.length);
  const z = new Float64Array(widest);
  const target = new Uint8Array(nOutputs);
  const next = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const { rate } = options;
  // Each example's features as slots of a block, computed once.
  const slots = examples.map((e) => e.ids.map((f) => slot[f] as number));
  // An example that moved nothing (every gradient under MIN_GRADIENT) is not seen again for 1, 2,
  // 4 … epochs, re-checked after: late epochs only visit the examples still being learned.
  const quiet = new Uint8Array(examples.length);
  const skipUntil = new Uint16Array(examples.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      if ((skipUntil[k] as number) > epoch) continue;
      const { values, labels, group } = examples[k] as GroupedExample;
      const ids = slots[k] as Uint32Array;
      const cand = candidates[group] as Uint32Array;
      const K = cand.length;
      for (let c = 0; c < K; c++) {
        const base = (cand[c] as number) * size;
        let s = bias[cand[c] as number] as number;
        for (let j = 0; j < ids.length; j++) s += (W[base + (ids[j] as number)] as number) * (values[j] as number);
        z[c] = s;
      }
      let moved = false;
      const scores = z.subarray(0, K);
      if (options.loss === 'softmax') softmax(scores);
      else for (let c = 0; c < K; c++) scores[c] = 1 / (1 + Math.exp(-(scores[c] as number)));
      for (const y of labels) target[y] = 1;
      for (let c = 0; c < K; c++) {
        const o = cand[c] as number;
        const g = (scores[c] as number) - (target[o] as number);
        if (g < MIN_GRADIENT && g > -MIN_GRADIENT) continue;
        moved = true;
        const base = o * size;
        if (!options.adaptive) {
          bias[o] = (bias[o] as number) - rate * g;
          for (let j = 0; j < ids.length; j++) {
            const at = base + (ids[j] as number);
            W[at] = (W[at] as number) - rate * g * (values[j] as number);
          }
          continue;
        }
        Gb[o] = (Gb[o] as number) + g * g;
        bias[o] = (bias[o] as number) - (rate * g) / Math.sqrt(Gb[o] as number);
        for (let j = 0; j < ids.length; j++) {
          const at = base + (ids[j] as number);
          const gw = g * (values[j] as number);
          G[at] = (G[at] as number) + gw * gw;
          W[at] = (W[at] as number) - (rate * gw) / Math.sqrt(G[at] as number);
        }
      }
      for (const y of labels) target[y] = 0;
      if (moved) quiet[k] = 0;
      else {
        skipUntil[k] = epoch + 1 + (1 << Math.min(quiet[k] as number, 8)) - 1;
        quiet[k] = (quiet[k] as number) + 1;
      }
    }
  }
  return { weights: readBack(W, size, slot, examples, nFeatures, nOutputs, candidates, options.prune, reads), bias };
}

/**
 * The (feature, output) weights that training could have set, at least `share` of the largest, as
 * feature → output postings. Output o could only be updated by examples of the groups that have o
 * as a candidate, so only their features are read from o's block.
 */
function readBack(
  W: Float32Array,
  size: number,
  slot: Uint32Array,
  examples: readonly GroupedExample[],
  nFeatures: number,
  nOutputs: number,
  candidates: readonly Uint32Array[],
  share: number,
  reads: readonly (readonly number[])[] | undefined,
): Postings {
  let largest = 0;
  for (const w of W) largest = Math.max(largest, Math.abs(w));
  const threshold = share * largest;
  // Output o's examples: those labelled o and those of the groups that read o.
  const examplesOf: number[][] = Array.from({ length: nOutputs }, () => []);
  const byGroup: number[][] = candidates.map(() => []);
  examples.forEach((e, i) => {
    byGroup[e.group]?.push(i);
    e.labels.forEach((o) => examplesOf[o]?.push(i));
  });
  reads?.forEach((outputs, g) => outputs.forEach((o) => examplesOf[o]?.push(...(byGroup[g] as number[]))));
  const stamp = new Int32Array(nFeatures).fill(-1);
  const visit = (emit: (f: number, o: number, w: number) => void): void => {
    stamp.fill(-1);
    for (let o = 0; o < nOutputs; o++) {
      const base = o * size;
      for (const i of examplesOf[o] as number[]) {
        for (const f of (examples[i] as GroupedExample).ids) {
          if (stamp[f] === o) continue;
          stamp[f] = o;
          const w = W[base + (slot[f] as number)] as number;
          if (w >= threshold || w <= -threshold) emit(f, o, w);
        }
      }
    }
  };
  const start = new Uint32Array(nFeatures + 1);
  visit((f) => (start[f + 1] = (start[f + 1] as number) + 1));
  for (let f = 0; f < nFeatures; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const fill = start.slice(0, nFeatures);
  const row = new Uint32Array(start[nFeatures] as number);
  const value = new Float32Array(row.length);
  visit((f, o, w) => {
    const at = fill[f] as number;
    row[at] = o;
    value[at] = w;
    fill[f] = at + 1;
  });
  return { start, row, value };
}

/**
 * Each group's `k` most similar groups (an article's nearest articles): the outputs its examples
 * are most likely confused with. Similarity is the dot product of the groups' `top` most
 * distinctive features (summed values × log inverse group frequency); features in more than
 * `maxShare` of the groups are left out, they do not tell neighbours apart and make the work quadratic.
 * @returns per group, the neighbour groups, most similar first (all others when k ≥ groups − 1)
 */
export function nearestGroups(
  examples: readonly GroupedExample[],
  nGroups: number,
  k: number,
  { top = 32, maxShare = 0.05 } = {},
): number[][] {
  if (k >= nGroups - 1) return Array.from({ length: nGroups }, (_, g) => Array.from({ length: nGroups }, (_, o) => o).filter((o) => o !== g));
  const sums: Map<number, number>[] = Array.from({ length: nGroups }, () => new Map());
  for (const e of examples) {
    const sum = sums[e.group] as Map<number, number>;
    e.ids.forEach((f, j) => sum.set(f, (sum.get(f) ?? 0) + (e.values[j] as number)));
  }
  const df = new Map<number, number>();
  for (const sum of sums) for (const f of sum.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const cap = Math.max(20, Math.ceil(maxShare * nGroups));
  const vectors = sums.map((sum) => {
    const list = [...sum]
      .filter(([f]) => (df.get(f) as number) <= cap)
      .map(([f, v]) => [f, v * Math.log(nGroups / (df.get(f) as number))] as [number, number])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, top);
    const len = Math.hypot(...list.map(([, v]) => v)) || 1;
    return list.map(([f, v]) => [f, v / len] as [number, number]);
  });
  const postings = new Map<number, [number, number][]>();
  vectors.forEach((list, g) => list.forEach(([f, v]) => (postings.get(f) ?? postings.set(f, []).get(f))?.push([g, v])));
  const score = new Float64Array(nGroups);
  return vectors.map((list, g) => {
    const touched: number[] = [];
    for (const [f, v] of list) {
      for (const [o, w] of postings.get(f) ?? []) {
        if (o === g) continue;
        if (score[o] === 0) touched.push(o);
        score[o] = (score[o] as number) + v * w;
      }
    }
    touched.sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
    for (const o of touched) score[o] = 0;
    return touched.slice(0, k);
  });
}
