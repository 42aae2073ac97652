/**
 * Derives the ranking arrays (posting lists in CSR form, IDFs, length norms) from the analysed
 * segments. Done once at build time and persisted, so loading a saved index is a decode, not a
 * re-derivation: three posting lists, term → rows:
 * - article: whole-article BM25F pseudo term frequencies (fields weighted and length-normalised);
 * - question: one row per similar question (and the title), for nearest-question evidence;
 * - centroid: each article's normalised mean TF-IDF vector over its questions, a nearest-centroid
 *   classifier trained on the knowledge base itself.
 */
import type { EngineConfig, FieldName } from './types';

/** term → rows, compressed: rows of term t are row[start[t] .. start[t + 1]). */
export interface Postings {
  start: Uint32Array;
  /** Row ids: 16-bit when every row id fits (articles of a knowledge base up to 65,536 articles), a third less to store and read. */
  row: Uint32Array | Uint16Array;
  value: Float32Array;
}

/** Segment kinds, in the order each article's segments are produced. */
export const SEG = { title: 0, tags: 1, body: 2, question: 3 } as const;

/** The analysed text of one article field or similar question. */
export interface Segment {
  article: number;
  kind: number;
  /** For questions, the position in article.questions; -1 otherwise. */
  position: number;
  terms: number[];
}

/** What the ranker reads; all of it persisted. */
export interface Ranking {
  article: Postings;
  question: Postings;
  centroid: Postings;
  articleIdf: Float32Array;
  questionIdf: Float32Array;
  /** BM25 length normaliser k1·(1 − b + b·len/avg) of each question row. */
  questionNorm: Float32Array;
  /** The article of each question row. */
  questionArticle: Uint32Array;
  /** The position of each question row in article.questions, or -1 for the title. */
  questionPos: Int32Array;
}

const FIELD_OF_SEG: FieldName[] = ['title', 'tags', 'body', 'questions'];

/** Turns per-row term maps into CSR postings. */
export function toPostings(termCount: number, rows: readonly Map<number, number>[]): Postings {
  const count = new Uint32Array(termCount + 1);
  for (const row of rows) for (const term of row.keys()) (count[term + 1] as number)++;
  for (let t = 0; t < termCount; t++) count[t + 1] = (count[t + 1] as number) + (count[t] as number);
  const start = count.slice();
  const fill = count.slice(0, termCount);
  const row = rows.length <= 0x10000 ? new Uint16Array(start[termCount] as number) : new Uint32Array(start[termCount] as number);
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
const df = (p: Postings, t: number): number => (p.start[t + 1] as number) - (p.start[t] as number);

/** Builds the ranking arrays from analysed segments. */
export function deriveRanking(segments: readonly Segment[], nArticles: number, nTerms: number, config: EngineConfig): Ranking {
  const fieldLen = new Map(FIELD_OF_SEG.map((f) => [f, new Float64Array(nArticles)]));
  for (const s of segments) {
    const len = fieldLen.get(FIELD_OF_SEG[s.kind] as FieldName) as Float64Array;
    len[s.article] = (len[s.article] as number) + s.terms.length;
  }
  const norm = new Map<FieldName, Float64Array>();
  for (const f of FIELD_OF_SEG) {
    const { weight, b } = config.fields[f];
    const lens = fieldLen.get(f) as Float64Array;
    const avg = Math.max(1, lens.reduce((x, y) => x + y, 0) / Math.max(1, nArticles));
    norm.set(f, lens.map((len) => weight / (1 - b + (b * len) / avg)));
  }

  const articleRows = Array.from({ length: nArticles }, () => new Map<number, number>());
  const questionRows: Map<number, number>[] = [];
  const questionArticle: number[] = [];
  const questionPos: number[] = [];
  const questionLen: number[] = [];
  for (const s of segments) {
    const factor = (norm.get(FIELD_OF_SEG[s.kind] as FieldName) as Float64Array)[s.article] as number;
    const rowA = articleRows[s.article] as Map<number, number>;
    for (const t of s.terms) rowA.set(t, (rowA.get(t) ?? 0) + factor);
    if ((s.kind === SEG.question || s.kind === SEG.title) && s.terms.length > 0) {
      const rowQ = new Map<number, number>();
      for (const t of s.terms) rowQ.set(t, (rowQ.get(t) ?? 0) + 1);
      questionRows.push(rowQ);
      questionArticle.push(s.article);
      questionPos.push(s.position);
      questionLen.push(s.terms.length);
    }
  }
  const article = toPostings(nTerms, articleRows);
  const question = toPostings(nTerms, questionRows);
  const articleIdf = Float32Array.from({ length: nTerms }, (_, t) => idf(nArticles, df(article, t)));
  const questionIdf = Float32Array.from({ length: nTerms }, (_, t) => idf(questionRows.length, df(question, t)));
  const avgLen = Math.max(1, questionLen.reduce((x, y) => x + y, 0) / Math.max(1, questionLen.length));
  const { k1, questionB } = config;
  const questionNorm = Float32Array.from(questionLen, (len) => k1 * (1 - questionB + (questionB * len) / avgLen));
  const centroid = toPostings(nTerms, centroids(questionRows, questionArticle, questionIdf, nArticles));
  return {
    article,
    question,
    centroid,
    articleIdf,
    questionIdf,
    questionNorm,
    questionArticle: Uint32Array.from(questionArticle),
    questionPos: Int32Array.from(questionPos),
  };
}

function centroids(rows: readonly Map<number, number>[], owner: readonly number[], idfs: Float32Array, n: number): Map<number, number>[] {
  const sums = Array.from({ length: n }, () => new Map<number, number>());
  rows.forEach((row, q) => {
    let len = 0;
    const weights: [number, number][] = [];
    for (const [t, tf] of row) {
      const w = (1 + Math.log(tf)) * (idfs[t] as number);
      weights.push([t, w]);
      len += w * w;
    }
    len = Math.sqrt(len) || 1;
    const sum = sums[owner[q] as number] as Map<number, number>;
    for (const [t, w] of weights) sum.set(t, (sum.get(t) ?? 0) + w / len);
  });
  for (const sum of sums) {
    let len = 0;
    for (const w of sum.values()) len += w * w;
    len = Math.sqrt(len) || 1;
    for (const [t, w] of sum) sum.set(t, w / len);
  }
  return sums;
}
