/**
 * Models trained at index time on each article's title and similar questions — the knowledge base is
 * the training data:
 * - a softmax classifier over articles (multinomial logistic regression);
 * - a title-word ("facet") model: one sigmoid per word of the titles, trained on every article's
 *   questions. Titles share words ("Card payment fee charged", "Transfer fee charged"), so "fee" learns
 *   from the questions of every fee article together and carries over to phrasings that no single
 *   article's ten questions cover; an article scores the mean log-probability of its title words.
 * Features: the engine's terms (stemmed words, word pairs, Han characters, bigrams and words) plus
 * character 3–5-grams of Latin words, which carry misspellings and morphology the stemmer misses.
 * Both train densely (every example against every output) while that fits MAX_WORK, a few hundred
 * articles. Above it they train on the sampled path (sampled.ts): each example against its own
 * article, its 16 nearest and 24 random articles (title-word model: the title words of its own, 4
 * nearest and 4 random articles), not against every output. Forced onto BANKING77's 77 articles the
 * sampled path ranks 0.3 point Recall@1 and 0.6 point Recall@3 below the dense one on held-back
 * training rows (`npx tsx tools/kb-tune-scale.ts`). Training is skipped when the sampled work
 * exceeds MAX_SAMPLED_WORK (about 25 s): today about 700–1,000 articles, not yet a bank's 10,000.
 */
import { fold } from './fold';
import { linearScores, seededRandom, softmax, trainLinear, type Example, type LinearModel } from './linear';
import { nearestGroups, trainSampled, type GroupedExample } from './sampled';
import { isHanChar, terms as analyzeTerms } from './tokenize';

/** The facet model: sigmoid weights over title words and each article's title words (CSR). */
export interface FacetData {
  model: LinearModel;
  /** Title words of article a: ids[start[a] .. start[a + 1]). */
  start: Uint32Array;
  ids: Uint32Array;
}

/** The persisted models; `features` maps a feature id to its string (shared by all models). */
export interface ClassifierData {
  features: string[];
  /** The softmax model over articles. */
  softmax: LinearModel;
  facets?: FacetData;
}

/**
 * Softmax: plain SGD (see TrainOptions.adaptive), keeping weights down to 2 % of the largest (6 %
 * cost 0.3 point Recall@1 on held-back rows; the softmax is the smaller model).
 */
const SOFTMAX = { epochs: 10, rate: 1, adaptive: false, prune: 0.02 };
/** Title-word model: Adagrad; pruned harder, it has many more outputs (index size and build time). */
const FACETS = { epochs: 6, rate: 0.3, adaptive: true, prune: 0.06 };
/** The budget below counts every model at the larger number of epochs. */
const EPOCHS = Math.max(SOFTMAX.epochs, FACETS.epochs);
const CHAR_GRAM_WEIGHT = 0.5;
/** Fewer features than any example of real text has (terms, pairs and character grams): for the quick bounds. */
const MIN_FEATURES = 20;
/** Build-work budget (feature × output × epoch products); above it a model is skipped (≈ 1–2 s). */
const MAX_WORK = 400_000_000;
/** Dense training matrices above this many weights are skipped (memory). */
const MAX_WEIGHTS = 8_000_000;

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

/** An article's title words as facets: words and pairs, Han bigrams and words, not single Han characters. */
function facetTerms(title: string, tags: readonly string[]): string[] {
  return [...new Set(analyzeTerms([title, ...tags].join(' ')))].filter((t) => !isHanChar(t));
}

/**
 * How the models are trained: `dense` (every output, every example), `sampled` (sampled.ts), or
 * `auto`: dense while it fits its budget (a few hundred articles; it ranks best), sampled above.
 */
export interface TrainScale {
  mode: 'auto' | 'dense' | 'sampled';
  /** Sampled: the nearest articles each example is trained against, besides its own. */
  neighbours: number;
  /** Sampled: other articles drawn at random (fixed seed) that each example is also trained against. */
  random: number;
  /** Sampled: the title-word model trains against the title words of this many nearest and random articles. */
  facetNeighbours: number;
  /** Sampled: the nearest articles whose examples' features an article's weights are kept for. */
  readNeighbours: number;
  /** Sampled: log2 of the hashed weights per output. */
  bits: number;
  /** Sampled: passes over the examples of the article model and of the title-word model. */
  epochs: number;
  facetEpochs: number;
  /** Sampled: the training work (example features × candidates × epochs) above which no model is trained. */
  maxWork: number;
}

/** Sampled path: weights per hashed block are capped so each training array stays ≤ 128 MB. */
const MAX_BLOCK_WEIGHTS = 1 << 25;
/**
 * Sampled path budget: feature reads per build (example features × candidates × epochs). At
 * 1,000 generated articles × 20 similar questions (tools/kb-scale.ts) that work was about 1.7·10^9
 * and took about 35 s on this repository's shared 2-core machine, so this is roughly 25 s: about 700
 * such articles. Above it, search ranks on the lexical evidences only (README: what is left for 10,000).
 */
const MAX_SAMPLED_WORK = 1.2e9;
/** The default: dense where it fits, sampled above (see README, Knowledge search, for the measurements). */
export const DEFAULT_SCALE: TrainScale = { mode: 'auto', neighbours: 16, random: 24, facetNeighbours: 4, readNeighbours: 4, bits: 12, epochs: SOFTMAX.epochs, facetEpochs: FACETS.epochs, maxWork: MAX_SAMPLED_WORK };
const sampledWork = (s: TrainScale): number => (1 + s.neighbours + s.random) * s.epochs + (1 + 2 * s.facetNeighbours) * 4 * s.facetEpochs;
const blockBits = (outputs: number, bits: number): number => Math.max(6, Math.min(bits, Math.floor(Math.log2(MAX_BLOCK_WEIGHTS / outputs))));

type Row = { ids: Uint32Array; values: Float32Array; article: number };

/**
 * Trains on each article's title, tags and similar questions.
 * @param articles title, tags and questions of each article, in index order
 * @returns the models, or undefined when there are fewer than two articles (or, on the dense path,
 *   they would cost too much)
 */
export function trainClassifier(
  articles: readonly { title: string; questions: readonly string[]; tags?: readonly string[] }[],
  latinBigrams: boolean,
  scale: TrainScale = DEFAULT_SCALE,
): ClassifierData | undefined {
  const C = articles.length;
  const nExamples = articles.reduce((n, a) => n + 1 + a.questions.length, 0);
  // Every example has tens of features: quick bounds rule a path out on a large KB before the feature
  // pass (itself seconds at 10,000 articles).
  const denseMayFit = nExamples * MIN_FEATURES * C * EPOCHS <= MAX_WORK;
  const sampledMayFit = scale.mode !== 'dense' && nExamples * MIN_FEATURES * sampledWork(scale) <= scale.maxWork;
  if (C < 2 || !(denseMayFit || sampledMayFit)) return undefined;
  const vocab = new Map<string, number>();
  let featureCount = 0;
  const rows: Row[] = articles.flatMap((a, article) =>
    [a.title, ...a.questions].map((text) => {
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
      featureCount += f.size;
      return { ids, values, article };
    }),
  );
  const features = [...vocab.keys()];
  const affordable = (outputs: number): boolean => vocab.size * outputs <= MAX_WEIGHTS && featureCount * outputs * EPOCHS <= MAX_WORK;
  const dense = scale.mode === 'dense' || (scale.mode === 'auto' && denseMayFit && affordable(C));
  if (!dense) {
    if (scale.mode === 'dense' || featureCount * sampledWork(scale) > scale.maxWork) return undefined;
    return trainScalable(articles, rows, features, scale);
  }
  const examples: Example[] = rows.map((r) => ({ ids: r.ids, values: r.values, labels: [r.article] }));
  const softmax = trainLinear(examples, vocab.size, C, { loss: 'softmax', ...SOFTMAX, seed: 77 });
  // The facet model gets what is left of the budget after the softmax.
  const labels = facetLabels(articles);
  const facets = labels.count > 0 && affordable(labels.count + C) ? trainFacets(rows, vocab.size, labels) : undefined;
  return { features, softmax, ...(facets ? { facets } : {}) };
}

function trainScalable(
  articles: readonly { title: string; tags?: readonly string[] }[],
  rows: readonly Row[],
  features: string[],
  scale: TrainScale,
): ClassifierData {
  const C = articles.length;
  const examples: GroupedExample[] = rows.map((r) => ({ ids: r.ids, values: r.values, labels: [r.article], group: r.article }));
  const near = withRandom(nearestGroups(examples, C, scale.neighbours), scale.random);
  const softmaxCandidates = near.map((list, a) => Uint32Array.from([a, ...list]));
  const reads = near.map((list) => list.slice(0, scale.readNeighbours));
  const bits = blockBits(C, scale.bits);
  const softmax = trainSampled(examples, features.length, C, softmaxCandidates, { loss: 'softmax', ...SOFTMAX, epochs: scale.epochs, seed: 77, bits }, reads);
  const labels = facetLabels(articles);
  if (labels.count === 0) return { features, softmax };
  const fn = scale.facetNeighbours;
  // The nearest articles first, then the random ones (withRandom appends them).
  const facetCandidates = near.map((list, a) => Uint32Array.from(new Set([a, ...list.slice(0, fn), ...list.slice(scale.neighbours, scale.neighbours + fn)].flatMap((n) => labels.perArticle[n] as number[]))));
  const facetExamples = examples.map((e) => ({ ...e, labels: labels.perArticle[e.group] as number[] }));
  const model = trainSampled(facetExamples, features.length, labels.count, facetCandidates, { loss: 'sigmoid', ...FACETS, epochs: scale.facetEpochs, seed: 77, bits: blockBits(labels.count, scale.bits) });
  return { features, softmax, facets: facetData(model, labels.perArticle) };
}

/** Adds `count` other groups drawn with a fixed seed to each group's neighbours. */
function withRandom(near: number[][], count: number): number[][] {
  const C = near.length;
  const next = seededRandom(77);
  return near.map((list, g) => {
    const set = new Set([g, ...list]);
    const wanted = Math.min(C, set.size + count);
    while (set.size < wanted) set.add(Math.floor(next() * C));
    set.delete(g);
    return [...set];
  });
}

/** The title-word outputs of each article and how many outputs there are. */
function facetLabels(articles: readonly { title: string; tags?: readonly string[] }[]): { perArticle: number[][]; count: number } {
  const terms = articles.map((a) => facetTerms(a.title, a.tags ?? []));
  const df = new Map<string, number>();
  for (const list of terms) for (const t of list) df.set(t, (df.get(t) ?? 0) + 1);
  // A title word no other article has only says "this article": those of one article share one
  // output, so the model grows with the shared vocabulary, not with every title's words.
  const facetIds = new Map<string, number>();
  const id = (key: string): number => {
    let f = facetIds.get(key);
    if (f === undefined) facetIds.set(key, (f = facetIds.size));
    return f;
  };
  const perArticle = terms.map((list, a) => {
    const shared = list.filter((t) => (df.get(t) as number) > 1).map(id);
    return shared.length < list.length ? [...shared, id(`\u0000${a}`)] : shared;
  });
  return { perArticle, count: facetIds.size };
}

function facetData(model: LinearModel, perArticle: readonly number[][]): FacetData {
  const start = new Uint32Array(perArticle.length + 1);
  perArticle.forEach((ids, a) => (start[a + 1] = (start[a] as number) + ids.length));
  return { model, start, ids: Uint32Array.from(perArticle.flat()) };
}

function trainFacets(rows: readonly Row[], nFeatures: number, labels: { perArticle: number[][]; count: number }): FacetData {
  const examples: Example[] = rows.map((r) => ({ ids: r.ids, values: r.values, labels: labels.perArticle[r.article] as number[] }));
  const model = trainLinear(examples, nFeatures, labels.count, { loss: 'sigmoid', ...FACETS, seed: 77 });
  return facetData(model, labels.perArticle);
}

/** A query's known features as (id, value) pairs. */
function queryFeatures(ids: ReadonlyMap<string, number>, query: string, latinBigrams: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const [feature, v] of classifierFeatures(query, latinBigrams)) {
    const f = ids.get(feature);
    if (f !== undefined) out.push([f, v]);
  }
  return out;
}

/**
 * Per-article evidences for a query: `classes` gets the softmax probabilities; `facets`
 * (when the facet model exists) gets exp(mean log-probability of the article's title words − the
 * best article's), so the best article scores 1. `scratch` must hold one number per facet.
 * @returns whether facet scores were written
 */
export function classify(
  model: ClassifierData,
  ids: ReadonlyMap<string, number>,
  query: string,
  latinBigrams: boolean,
  classes: Float64Array,
  facets?: Float64Array,
  scratch: Float64Array = new Float64Array(model.facets?.model.bias.length ?? 0),
): boolean {
  const features = queryFeatures(ids, query, latinBigrams);
  linearScores(model.softmax, features, classes);
  softmax(classes);
  const f = model.facets;
  if (!f || !facets) return false;
  const logP = scratch.subarray(0, f.model.bias.length);
  linearScores(f.model, features, logP);
  // log σ(z), computed stably.
  for (let k = 0; k < logP.length; k++) {
    const z = logP[k] as number;
    logP[k] = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
  }
  let best = -Infinity;
  for (let a = 0; a < facets.length; a++) {
    const from = f.start[a] as number;
    const to = f.start[a + 1] as number;
    let sum = 0;
    for (let i = from; i < to; i++) sum += logP[f.ids[i] as number] as number;
    facets[a] = to > from ? sum / (to - from) : -Infinity;
    best = Math.max(best, facets[a] as number);
  }
  for (let a = 0; a < facets.length; a++) facets[a] = Math.exp((facets[a] as number) - best);
  return true;
}
