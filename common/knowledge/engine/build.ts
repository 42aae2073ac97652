/**
 * Index building: analyses every article once and derives everything the ranker reads (posting
 * lists, IDFs, length norms, the trained classifier) into a serializable IndexData of typed arrays.
 * That is what gets persisted, so loading a saved index is a decode, with no analysis or derivation.
 */
import { trainClassifier, type ClassifierData } from './classifier';
import { DEFAULT_CONFIG } from './config';
import { deriveRanking, SEG, type Ranking, type Segment } from './derive';
import { terms as analyzeTerms } from './tokenize';
import type { EngineArticle, EngineConfig } from './types';
import { packTerms, type PackedTerms } from './dictionary';

/** Index format version; bump when analysis or layout changes so persisted indexes are rebuilt. */
export const INDEX_VERSION = 7;

/** The persisted form of an index: plain arrays and typed arrays, structured-clone and JSON friendly. */
export interface IndexData extends Ranking {
  format: 'lingxi-knowledge-index';
  version: typeof INDEX_VERSION;
  config: EngineConfig;
  /** Display data of each article, in index order. */
  articles: EngineArticle[];
  /** The vocabulary, packed with its hash table (dictionary.ts): a term's id is its position. */
  terms: PackedTerms;
  /** Synonym groups: each group a list of members, each member a list of term ids. */
  synonyms: number[][][];
  /** The learned models (classifier.ts); absent for knowledge bases too large to train them on. */
  classifier?: ClassifierData;
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
  const segments: Segment[] = [];
  const options = { latinBigrams: config.latinBigrams };
  const add = (article: number, kind: number, text: string, position = -1): void => {
    segments.push({ article, kind, position, terms: analyzeTerms(text, options).map((t) => vocab.id(t)) });
  };
  articles.forEach((a, i) => {
    add(i, SEG.title, a.title);
    add(i, SEG.tags, (a.tags ?? []).join(' '));
    add(i, SEG.body, a.body ?? '');
    a.questions.forEach((q, k) => add(i, SEG.question, q, k));
  });
  const synonymIds = synonyms.map((group) =>
    // Analysed like the text (word pairs included), so a member is matched as a phrase (query.ts).
    group.map((phrase) => analyzeTerms(phrase, options).map((t) => vocab.id(t))).filter((m) => m.length > 0),
  );
  const ranking = deriveRanking(segments, articles.length, vocab.list.length, config);
  const learn = config.mix.classifier + config.mix.classifierLog > 0 || config.mix.facets > 0;
  const classifier = learn ? trainClassifier(articles, config.latinBigrams) : undefined;
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
    terms: packTerms(vocab.list),
    synonyms: synonymIds.filter((g) => g.length > 1),
    ...ranking,
    ...(classifier ? { classifier } : {}),
  };
}
