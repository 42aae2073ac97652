/**
 * Scoring: five evidences per article, each scaled to its best value in this query and mixed.
 * 1. article — BM25F over title, similar questions, tags and body together;
 * 2. nearest — BM25 of the best (plus a share of the second-best) single similar question,
 *    because one question phrased like the query is stronger evidence than scattered words;
 * 3. centroid — cosine with the article's mean question vector (the learned article profile);
 * 4. classifier — the softmax classifier's probability, linear and log-scaled (small knowledge bases
 *    only, see classifier.ts);
 * 5. facets — how well the query predicts the article's title words (same models, same limit).
 */
import { classify } from './classifier';
import type { SearchModel } from './model';
import type { QueryTerm } from './query';

/**
 * A term on more question rows than this is skipped in the nearest-question step: such a term
 * (卡, "card" in a big knowledge base) says little about which question is nearest, and walking its
 * tens of thousands of rows is most of a query's time. The article and centroid steps still count it.
 */
export const QUESTION_POSTINGS_CAP = 4000;
/** Articles the learned models alone propose must reach this share of their best score. */
const CLASSIFIER_FLOOR = 0.05;

/**
 * The classifier's probability also enters on a log scale, mapped to [0, 1]: log((p + ε) / ε) /
 * log((1 + ε) / ε) of p relative to the best article. The linear share separates the top articles,
 * the log share tells "unlikely" from "ruled out" further down, which helps Recall@3 (held-back rows).
 */
const LOG_EPSILON = 0.01;
const LOG_RANGE = Math.log((1 + LOG_EPSILON) / LOG_EPSILON);

/** Scratch buffers reused across queries: the engine answers one query at a time. */
export class Ranker {
  private readonly articleScore: Float64Array;
  private readonly centroidScore: Float64Array;
  private readonly best: Float64Array;
  private readonly second: Float64Array;
  private readonly bestRow: Int32Array;
  private readonly questionScore: Float64Array;
  private readonly probability: Float64Array;
  private readonly facetScore: Float64Array;
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(private readonly model: SearchModel) {
    const n = model.data.articles.length;
    this.articleScore = new Float64Array(n);
    this.centroidScore = new Float64Array(n);
    this.best = new Float64Array(n);
    this.second = new Float64Array(n);
    this.bestRow = new Int32Array(n).fill(-1);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.questionScore = new Float64Array(model.data.questionNorm.length);
    const { classifier } = model.data;
    this.probability = new Float64Array(classifier ? n : 0);
    this.facetScore = new Float64Array(classifier?.facets ? n : 0);
    this.scratch = new Float64Array(classifier?.facets?.model.bias.length ?? 0);
  }

  /**
   * Scores every article the query touches.
   * @returns parallel arrays: article indexes, scores and best question rows (-1 for none), unsorted
   */
  score(query: string, terms: readonly QueryTerm[], accept: (article: number) => boolean): { article: number[]; score: number[]; row: number[] } {
    const { data } = this.model;
    const { k1, mix, secondNearest, latinBigrams } = data.config;
    const { seen, touched, articleScore, centroidScore, questionScore, best, second, bestRow } = this;
    let nTouched = 0;
    const touchedRows: number[] = [];
    const touch = (art: number): void => {
      if (!seen[art]) {
        seen[art] = 1;
        touched[nTouched++] = art;
      }
    };

    for (const { id, weight } of terms) {
      const idfA = (data.articleIdf[id] as number) * weight;
      const a = data.article;
      for (let i = a.start[id] as number, end = a.start[id + 1] as number; i < end; i++) {
        const art = a.row[i] as number;
        const tf = a.value[i] as number;
        articleScore[art] = (articleScore[art] as number) + (idfA * tf * (k1 + 1)) / (tf + k1);
        touch(art);
      }
      const idfQ = (data.questionIdf[id] as number) * weight;
      const q = data.question;
      const qStart = q.start[id] as number;
      const qEnd = q.start[id + 1] as number;
      if (qEnd - qStart <= QUESTION_POSTINGS_CAP) {
        for (let i = qStart; i < qEnd; i++) {
          const row = q.row[i] as number;
          const tf = q.value[i] as number;
          if (questionScore[row] === 0) touchedRows.push(row);
          questionScore[row] = (questionScore[row] as number) + (idfQ * tf * (k1 + 1)) / (tf + (data.questionNorm[row] as number));
        }
      }
      const c = data.centroid;
      for (let i = c.start[id] as number, end = c.start[id + 1] as number; i < end; i++) {
        const art = c.row[i] as number;
        centroidScore[art] = (centroidScore[art] as number) + idfQ * (c.value[i] as number);
      }
    }

    for (const row of touchedRows) {
      const art = data.questionArticle[row] as number;
      const s = questionScore[row] as number;
      questionScore[row] = 0;
      if (s > (best[art] as number)) {
        second[art] = best[art] as number;
        best[art] = s;
        bestRow[art] = row;
      } else if (s > (second[art] as number)) {
        second[art] = s;
      }
    }

    const { probability, facetScore } = this;
    const { classifier } = data;
    const useClassifier = classifier !== undefined && mix.classifier + mix.classifierLog > 0;
    let useFacets = false;
    let maxP = 0;
    if (classifier && nTouched > 0 && (mix.classifier + mix.classifierLog > 0 || mix.facets > 0)) {
      useFacets = classify(classifier, this.model.featureIds, query, latinBigrams, probability, facetScore, this.scratch) && mix.facets > 0;
      for (const p of probability) maxP = Math.max(maxP, p);
      for (let art = 0; art < probability.length; art++) {
        const proposed = (useClassifier && (probability[art] as number) >= CLASSIFIER_FLOOR * maxP) || (useFacets && (facetScore[art] as number) >= CLASSIFIER_FLOOR);
        if (proposed) touch(art);
      }
    }

    let maxA = 0;
    let maxN = 0;
    let maxC = 0;
    for (let i = 0; i < nTouched; i++) {
      const art = touched[i] as number;
      maxA = Math.max(maxA, articleScore[art] as number);
      maxN = Math.max(maxN, (best[art] as number) + secondNearest * (second[art] as number));
      maxC = Math.max(maxC, centroidScore[art] as number);
    }
    const out = { article: [] as number[], score: [] as number[], row: [] as number[] };
    const total = mix.article + mix.nearest + mix.centroid + (useClassifier ? mix.classifier + mix.classifierLog : 0) + (useFacets ? mix.facets : 0) || 1;
    for (let i = 0; i < nTouched; i++) {
      const art = touched[i] as number;
      seen[art] = 0;
      const nearest = (best[art] as number) + secondNearest * (second[art] as number);
      let score =
        (mix.article * (articleScore[art] as number)) / (maxA || 1) +
        (mix.nearest * nearest) / (maxN || 1) +
        (mix.centroid * (centroidScore[art] as number)) / (maxC || 1);
      if (useClassifier) {
        const p = (probability[art] as number) / (maxP || 1);
        score += mix.classifier * p + mix.classifierLog * (Math.log((p + LOG_EPSILON) / LOG_EPSILON) / LOG_RANGE);
      }
      // Facet scores are already relative to the best article (1).
      if (useFacets) score += mix.facets * (facetScore[art] as number);
      if (accept(art)) {
        out.article.push(art);
        out.score.push(score / total);
        out.row.push(bestRow[art] as number);
      }
      articleScore[art] = 0;
      centroidScore[art] = 0;
      best[art] = 0;
      second[art] = 0;
      bestRow[art] = -1;
    }
    return out;
  }
}
