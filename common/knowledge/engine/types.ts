/** Types shared by the knowledge engine's modules. Plain data only, so they cross worker boundaries. */

/** What the engine needs of an article; a validated KnowledgeArticle fits it as is. */
export interface EngineArticle {
  id: string;
  /** The standard question. */
  title: string;
  /** Similar questions: how customers phrase it. */
  questions: readonly string[];
  body?: string;
  tags?: readonly string[];
  product?: string | undefined;
  lang?: string;
}

/** Ranking weights. The defaults were tuned on held-back BANKING77 training rows (see README). */
export interface EngineConfig {
  /** BM25 saturation. */
  k1: number;
  /** Field weights and length normalisation (b) of the whole-article BM25F score. */
  fields: Record<FieldName, { weight: number; b: number }>;
  /** BM25 length normalisation for single similar questions (nearest-question evidence). */
  questionB: number;
  /**
   * Weights of the evidences combined into the final score; classifierLog weighs the classifier's
   * log-scaled probability (classifier, classifierLog and facets all 0 = do not train the models).
   */
  mix: { article: number; nearest: number; centroid: number; classifier: number; classifierLog: number; facets: number };
  /** How much the second-best similar question of an article adds to its best one. */
  secondNearest: number;
  /** Query weight of a single Han character (bigrams and words carry most Chinese evidence). */
  hanCharWeight: number;
  /** Query weight of a term reached by one typo correction. */
  fuzzyWeight: number;
  /** Query weight of a term added from a synonym group. */
  synonymWeight: number;
  /** Index adjacent English word pairs too ("top up", "direct debit"). */
  latinBigrams: boolean;
  /** Query weight of an English word pair. */
  bigramWeight: number;
}

export type FieldName = 'title' | 'questions' | 'tags' | 'body';

/** A highlighted piece of text: [start, end) ranges are UTF-16 offsets into text. */
export interface Snippet {
  field: 'title' | 'question' | 'body';
  text: string;
  ranges: [number, number][];
}

/** One ranked article. */
export interface SearchHit {
  id: string;
  title: string;
  /** Higher is better; 1 is the best possible combined evidence, comparable within one query. */
  score: number;
  /** The best matching line (title or a similar question), highlighted. */
  match: Snippet;
  /** A body excerpt around the first matches, highlighted; absent when the body does not match. */
  excerpt?: Snippet;
}

export interface SearchOptions {
  /** Maximum hits returned (default 10). */
  limit?: number;
  /** Only articles of this product. */
  product?: string;
}
