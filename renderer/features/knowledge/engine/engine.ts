/**
 * The knowledge search engine's public face: build or load an index, then search it.
 * Pure TypeScript (no DOM, no Dexie): the renderer's worker, the assist pane and the CLI share it.
 */
import { buildIndexData, INDEX_VERSION, SEG, type IndexData } from './build';
import { DEFAULT_CONFIG } from './config';
import { TypoIndex } from './fuzzy';
import { SearchModel } from './model';
import { parseQuery } from './query';
import { Ranker } from './rank';
import { bodyExcerpt, lineSnippet } from './snippet';
import { isHanChar } from './tokenize';
import type { EngineArticle, EngineConfig, SearchHit, SearchOptions } from './types';

/**
 * The terms to highlight. Single Han characters are dropped when the query also matched longer Chinese
 * terms: they help ranking a little but would light up every 卡 in a card article.
 */
function highlightTerms(matched: readonly string[]): Set<string> {
  const hasLongHan = matched.some((t) => t.length > 1 && isHanChar(t[0] as string));
  return new Set(hasLongHan ? matched.filter((t) => !isHanChar(t)) : matched);
}

/** A ready-to-search index. Not reentrant: answer one query at a time (one per worker). */
export class KnowledgeEngine {
  private readonly model: SearchModel;
  private readonly ranker: Ranker;
  private typos: TypoIndex | undefined;

  private constructor(readonly data: IndexData) {
    this.model = new SearchModel(data);
    this.ranker = new Ranker(this.model);
  }

  /** Analyses articles and builds an engine (the slow path: a new or changed knowledge base). */
  static build(
    articles: readonly EngineArticle[],
    synonyms: readonly (readonly string[])[] = [],
    config: EngineConfig = DEFAULT_CONFIG,
  ): KnowledgeEngine {
    return new KnowledgeEngine(buildIndexData(articles, synonyms, config));
  }

  /**
   * Loads an engine from a persisted index (the fast path at start-up).
   * @throws Error when the data is not an index of this version: rebuild from the articles then.
   */
  static load(data: IndexData): KnowledgeEngine {
    if (data?.format !== 'lingxi-knowledge-index' || data.version !== INDEX_VERSION) {
      throw new Error(`not a knowledge index of version ${INDEX_VERSION}; rebuild it from the articles`);
    }
    return new KnowledgeEngine(data);
  }

  /** The number of articles indexed. */
  get size(): number {
    return this.data.articles.length;
  }

  /** Ranks articles for a query, best first, with highlighted snippets. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const { articles, config, terms, segArticle } = this.data;
    const parsed = parseQuery(this.model, query, () => (this.typos ??= new TypoIndex(terms)));
    if (parsed.terms.length === 0) return [];
    const accept = options.product ? (a: number) => articles[a]?.product === options.product : () => true;
    const scored = [...this.ranker.score(parsed.terms, accept)];
    scored.sort((x, y) => y[1][0] - x[1][0] || x[0] - y[0]);
    const matched = highlightTerms(parsed.terms.map((t) => terms[t.id] as string));
    return scored.slice(0, limit).map(([index, [score, row]]) => {
      const article = articles[index] as EngineArticle;
      let match = lineSnippet('title', article.title, matched, config.latinBigrams);
      if (row >= 0) {
        const segment = this.model.questionSegment[row] as number;
        const kind = this.data.segKind[segment];
        if (kind === SEG.question && segArticle[segment] === index) {
          const firstQuestion = this.firstQuestionSegment(segment);
          const text = article.questions[segment - firstQuestion] ?? article.title;
          match = lineSnippet('question', text, matched, config.latinBigrams);
        }
      }
      const excerpt = article.body ? bodyExcerpt(article.body, matched, config.latinBigrams) : undefined;
      return { id: article.id, title: article.title, score, match, ...(excerpt ? { excerpt } : {}) };
    });
  }

  /** The index of the first question segment of the article owning `segment`. */
  private firstQuestionSegment(segment: number): number {
    const { segKind, segArticle } = this.data;
    let s = segment;
    while (s > 0 && segKind[s - 1] === SEG.question && segArticle[s - 1] === segArticle[segment]) s--;
    return s;
  }
}
