/**
 * Index building: analyses every article once into a compact, serializable IndexData (term ids in
 * typed arrays), which is what gets persisted. Postings are derived from it at load time
 * (see model.ts), so a restart pays for array walks, not for re-segmenting every text.
 */
import { DEFAULT_CONFIG } from './config';
import { terms as analyzeTerms } from './tokenize';
import type { EngineArticle, EngineConfig } from './types';

/** Index format version; bump when analysis changes so persisted indexes are rebuilt. */
export const INDEX_VERSION = 1;

/** Segment kinds, in the order each article's segments are stored. */
export const SEG = { title: 0, tags: 1, body: 2, question: 3 } as const;

/** The persisted form of an index: plain arrays and typed arrays, structured-clone and JSON friendly. */
export interface IndexData {
  format: 'lingxi-knowledge-index';
  version: typeof INDEX_VERSION;
  config: EngineConfig;
  /** Display data of each article, in index order. */
  articles: EngineArticle[];
  /** The vocabulary: a term's id is its position. */
  terms: string[];
  /** Term ids of all segments, back to back. */
  tokens: Uint32Array;
  /** Segment i spans tokens[segStart[i] .. segStart[i + 1]). Length = segments + 1. */
  segStart: Uint32Array;
  /** The article each segment belongs to. */
  segArticle: Uint32Array;
  /** The kind of each segment (SEG). */
  segKind: Uint8Array;
  /** Synonym groups: each group a list of members, each member a list of term ids. */
  synonyms: number[][][];
}

class Vocabulary {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(term, id);
      this.list.push(term);
    }
    return id;
  }
}

/**
 * Analyses articles into IndexData.
 * @param synonyms groups of interchangeable phrases from the package
 */
export function buildIndexData(
  articles: readonly EngineArticle[],
  synonyms: readonly (readonly string[])[] = [],
  config: EngineConfig = DEFAULT_CONFIG,
): IndexData {
  const vocab = new Vocabulary();
  const tokens: number[] = [];
  const segStart: number[] = [];
  const segArticle: number[] = [];
  const segKind: number[] = [];
  const options = { latinBigrams: config.latinBigrams };
  const add = (article: number, kind: number, text: string): void => {
    segStart.push(tokens.length);
    segArticle.push(article);
    segKind.push(kind);
    for (const term of analyzeTerms(text, options)) tokens.push(vocab.id(term));
  };
  articles.forEach((a, i) => {
    add(i, SEG.title, a.title);
    add(i, SEG.tags, (a.tags ?? []).join(' '));
    add(i, SEG.body, a.body ?? '');
    for (const q of a.questions) add(i, SEG.question, q);
  });
  segStart.push(tokens.length);
  const synonymIds = synonyms.map((group) =>
    group.map((phrase) => analyzeTerms(phrase).map((t) => vocab.id(t))).filter((m) => m.length > 0),
  );
  return {
    format: 'lingxi-knowledge-index',
    version: INDEX_VERSION,
    config,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      questions: [...a.questions],
      body: a.body ?? '',
      tags: [...(a.tags ?? [])],
      product: a.product,
      lang: a.lang ?? '',
    })),
    terms: vocab.list,
    tokens: Uint32Array.from(tokens),
    segStart: Uint32Array.from(segStart),
    segArticle: Uint32Array.from(segArticle),
    segKind: Uint8Array.from(segKind),
    synonyms: synonymIds.filter((g) => g.length > 1),
  };
}
