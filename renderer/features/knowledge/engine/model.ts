/**
 * The in-memory search model derived from IndexData: three posting lists in CSR form (term → rows).
 * - article: whole-article BM25F pseudo term frequencies (fields weighted and length-normalised);
 * - question: one row per similar question (and the title), for nearest-question evidence;
 * - centroid: each article's normalised mean TF-IDF vector over its questions, a nearest-centroid
 *   classifier trained on the knowledge base itself (the on-device learning the KB allows).
 */
import { SEG, type IndexData } from './build';
import type { FieldName } from './types';

/** term → rows, compressed: rows of term t are row[start[t] .. start[t + 1]). */
export interface Postings {
  start: Uint32Array;
  row: Uint32Array;
  value: Float32Array;
}

const FIELD_OF_SEG: FieldName[] = ['title', 'tags', 'body', 'questions'];

function toPostings(termCount: number, rows: Map<number, number>[]): Postings {
  const count = new Uint32Array(termCount + 1);
  for (const row of rows) for (const term of row.keys()) (count[term + 1] as number)++;
  for (let t = 0; t < termCount; t++) count[t + 1] = (count[t + 1] as number) + (count[t] as number);
  const start = count.slice();
  const fill = count.slice(0, termCount);
  const row = new Uint32Array(start[termCount] as number);
  const value = new Float32Array(row.length);
  rows.forEach((entries, r) => {
    for (const [term, v] of entries) {
      const at = fill[term] as number;
      fill[term] = at + 1;
      row[at] = r;
      value[at] = v;
    }
  });
  return { start, row, value };
}

const idf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Everything the ranker needs, derived from IndexData. */
export class SearchModel {
  readonly termIds = new Map<string, number>();
  readonly article: Postings;
  readonly question: Postings;
  readonly centroid: Postings;
  readonly articleIdf: Float32Array;
  readonly questionIdf: Float32Array;
  /** The article and the segment each question row came from. */
  readonly questionArticle: Uint32Array;
  readonly questionSegment: Uint32Array;

  constructor(readonly data: IndexData) {
    const { config, terms, tokens, segStart, segArticle, segKind } = data;
    terms.forEach((t, i) => this.termIds.set(t, i));
    const nArticles = data.articles.length;
    const nSeg = segKind.length;

    // Field lengths, for BM25F length normalisation.
    const fieldLen = new Map<FieldName, Float64Array>();
    for (const f of FIELD_OF_SEG) fieldLen.set(f, new Float64Array(nArticles));
    for (let s = 0; s < nSeg; s++) {
      const len = fieldLen.get(FIELD_OF_SEG[segKind[s] as number] as FieldName) as Float64Array;
      const a = segArticle[s] as number;
      len[a] = (len[a] as number) + (segStart[s + 1] as number) - (segStart[s] as number);
    }
    const avg = (f: FieldName): number => {
      const lens = fieldLen.get(f) as Float64Array;
      return Math.max(1, lens.reduce((a, b) => a + b, 0) / Math.max(1, nArticles));
    };
    const norm = new Map<FieldName, Float64Array>();
    for (const f of FIELD_OF_SEG) {
      const { weight, b } = config.fields[f];
      const lens = fieldLen.get(f) as Float64Array;
      const a = avg(f);
      norm.set(f, lens.map((len) => weight / (1 - b + (b * len) / a)));
    }

    const articleRows = Array.from({ length: nArticles }, () => new Map<number, number>());
    const questionRows: Map<number, number>[] = [];
    const questionArticle: number[] = [];
    const questionSegment: number[] = [];
    for (let s = 0; s < nSeg; s++) {
      const a = segArticle[s] as number;
      const kind = segKind[s] as number;
      const field = FIELD_OF_SEG[kind] as FieldName;
      const factor = (norm.get(field) as Float64Array)[a] as number;
      const rowA = articleRows[a] as Map<number, number>;
      const isQuestion = kind === SEG.question || kind === SEG.title;
      const rowQ = new Map<number, number>();
      for (let i = segStart[s] as number; i < (segStart[s + 1] as number); i++) {
        const t = tokens[i] as number;
        rowA.set(t, (rowA.get(t) ?? 0) + factor);
        if (isQuestion) rowQ.set(t, (rowQ.get(t) ?? 0) + 1);
      }
      if (isQuestion && rowQ.size > 0) {
        questionRows.push(rowQ);
        questionArticle.push(a);
        questionSegment.push(s);
      }
    }
    this.article = toPostings(terms.length, articleRows);
    this.question = toPostings(terms.length, questionRows);
    this.questionArticle = Uint32Array.from(questionArticle);
    this.questionSegment = Uint32Array.from(questionSegment);
    const df = (p: Postings, t: number): number => (p.start[t + 1] as number) - (p.start[t] as number);
    this.articleIdf = Float32Array.from(terms, (_, t) => idf(nArticles, df(this.article, t)));
    this.questionIdf = Float32Array.from(terms, (_, t) => idf(questionRows.length, df(this.question, t)));
    this.centroid = toPostings(terms.length, this.centroids(questionRows, nArticles));
  }

  /** Raw question lengths for BM25, indexed by question row. */
  questionLengths(): Float32Array {
    const lens = new Float32Array(this.questionArticle.length);
    const { start, row, value } = this.question;
    for (let i = 0; i < (start[start.length - 1] as number); i++) {
      const r = row[i] as number;
      lens[r] = (lens[r] as number) + (value[i] as number);
    }
    return lens;
  }

  private centroids(questionRows: Map<number, number>[], nArticles: number): Map<number, number>[] {
    const sums = Array.from({ length: nArticles }, () => new Map<number, number>());
    questionRows.forEach((row, q) => {
      let norm = 0;
      const weights: [number, number][] = [];
      for (const [t, tf] of row) {
        const w = (1 + Math.log(tf)) * (this.questionIdf[t] as number);
        weights.push([t, w]);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      const sum = sums[this.questionArticle[q] as number] as Map<number, number>;
      for (const [t, w] of weights) sum.set(t, (sum.get(t) ?? 0) + w / norm);
    });
    for (const sum of sums) {
      let norm = 0;
      for (const w of sum.values()) norm += w * w;
      norm = Math.sqrt(norm) || 1;
      for (const [t, w] of sum) sum.set(t, w / norm);
    }
    return sums;
  }
}
