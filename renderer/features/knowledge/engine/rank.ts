/**
 * Scoring: three evidences per article, each scaled to its best value in this query and mixed.
 * 1. article — BM25F over title, similar questions, tags and body together;
 * 2. nearest — BM25 of the best (plus a share of the second-best) single similar question,
 *    because one question phrased like the query is stronger evidence than scattered words;
 * 3. centroid — cosine with the article's mean question vector (the learned article profile).
 */
import type { SearchModel } from './model';
import type { QueryTerm } from './query';

/** Scratch buffers reused across queries: the engine answers one query at a time. */
export class Ranker {
  private readonly articleScore: Float64Array;
  private readonly centroidScore: Float64Array;
  private readonly best: Float64Array;
  private readonly second: Float64Array;
  private readonly bestRow: Int32Array;
  private readonly questionScore: Float64Array;
  /** BM25 length normaliser k1·(1 − b + b·len/avg) of each question row, computed once. */
  private readonly questionNorm: Float32Array;
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
    const lengths = model.questionLengths();
    const avg = Math.max(1, lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length));
    const { k1, questionB } = model.data.config;
    this.questionNorm = lengths.map((len) => k1 * (1 - questionB + (questionB * len) / avg));
    this.questionScore = new Float64Array(lengths.length);
  }

  /**
   * Scores every article the query touches.
   * @returns article index → [score, best question row (or -1)], unsorted
   */
  score(terms: readonly QueryTerm[], accept: (article: number) => boolean): Map<number, [number, number]> {
    const { model } = this;
    const { k1, mix, secondNearest } = model.data.config;
    const { seen, touched } = this;
    let nTouched = 0;
    const touchedRows: number[] = [];

    for (const { id, weight } of terms) {
      const idfA = (model.articleIdf[id] as number) * weight;
      const a = model.article;
      for (let i = a.start[id] as number; i < (a.start[id + 1] as number); i++) {
        const art = a.row[i] as number;
        const tf = a.value[i] as number;
        this.articleScore[art] = (this.articleScore[art] as number) + (idfA * tf * (k1 + 1)) / (tf + k1);
        if (!seen[art]) {
          seen[art] = 1;
          touched[nTouched++] = art;
        }
      }
      const idfQ = (model.questionIdf[id] as number) * weight;
      const q = model.question;
      for (let i = q.start[id] as number; i < (q.start[id + 1] as number); i++) {
        const row = q.row[i] as number;
        const tf = q.value[i] as number;
        const norm = this.questionNorm[row] as number;
        if (this.questionScore[row] === 0) touchedRows.push(row);
        this.questionScore[row] = (this.questionScore[row] as number) + (idfQ * tf * (k1 + 1)) / (tf + norm);
      }
      const idfC = (model.questionIdf[id] as number) * weight;
      const c = model.centroid;
      for (let i = c.start[id] as number; i < (c.start[id + 1] as number); i++) {
        const art = c.row[i] as number;
        this.centroidScore[art] = (this.centroidScore[art] as number) + idfC * (c.value[i] as number);
      }
    }

    for (const row of touchedRows) {
      const art = model.questionArticle[row] as number;
      const s = this.questionScore[row] as number;
      this.questionScore[row] = 0;
      if (s > (this.best[art] as number)) {
        this.second[art] = this.best[art] as number;
        this.best[art] = s;
        this.bestRow[art] = row;
      } else if (s > (this.second[art] as number)) {
        this.second[art] = s;
      }
    }

    let maxA = 0;
    let maxN = 0;
    let maxC = 0;
    for (let i = 0; i < nTouched; i++) {
      const art = touched[i] as number;
      maxA = Math.max(maxA, this.articleScore[art] as number);
      maxN = Math.max(maxN, (this.best[art] as number) + secondNearest * (this.second[art] as number));
      maxC = Math.max(maxC, this.centroidScore[art] as number);
    }
    const out = new Map<number, [number, number]>();
    const total = mix.article + mix.nearest + mix.centroid || 1;
    for (let i = 0; i < nTouched; i++) {
      const art = touched[i] as number;
      seen[art] = 0;
      const nearest = (this.best[art] as number) + secondNearest * (this.second[art] as number);
      const score =
        (mix.article * (this.articleScore[art] as number)) / (maxA || 1) +
        (mix.nearest * nearest) / (maxN || 1) +
        (mix.centroid * (this.centroidScore[art] as number)) / (maxC || 1);
      if (accept(art)) out.set(art, [score / total, this.bestRow[art] as number]);
      this.articleScore[art] = 0;
      this.centroidScore[art] = 0;
      this.best[art] = 0;
      this.second[art] = 0;
      this.bestRow[art] = -1;
    }
    return out;
  }
}
