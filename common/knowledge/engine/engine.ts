/**
 * The knowledge search engine's public face: build or load an index, then search it.
 * Pure TypeScript (no DOM, no Dexie): the renderer's worker, the assist pane and the CLI share it.
 */
import { buildIndexData, INDEX_VERSION, type IndexData } from './build';
import { DEFAULT_CONFIG } from './config';
import { TypoIndex } from './fuzzy';
import { zhScript } from './fold';
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

/**
 * Positions of the `limit` best scores, best first (ties: lower article index first). A bounded
 * insertion keeps a query over thousands of touched articles from sorting all of them.
 */
function topK(scores: readonly number[], articles: readonly number[], limit: number): number[] {
  const out: number[] = [];
  const better = (a: number, b: number): boolean =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && (articles[a] as number) < (articles[b] as number));
  for (let k = 0; k < scores.length; k++) {
    if (out.length === limit && !better(k, out[limit - 1] as number)) continue;
    let at = out.length === limit ? limit - 1 : out.length;
    while (at > 0 && better(k, out[at - 1] as number)) {
      out[at] = out[at - 1] as number;
      at--;
    }
    out[at] = k;
  }
  return out.slice(0, limit);
}

/**
 * Folding makes 掛失 and 挂失 the same, so a knowledge base with an answer in both Simplified and
 * Traditional Chinese scores the two versions nearly alike, and either may come first. Chinese articles
 * in the other script than the query's lose this share of their score, so the version the agent can read
 * as typed comes first. Twice the smallest share (0.05) that puts the agent's-script version first on
 * every tuning call of the assist evaluation (test/fixtures/assist-calls); it leaves the Chinese dev set's
 * answers unchanged (npm run kb:eval-zh -- --set dev).
 */
const OTHER_SCRIPT_PENALTY = 0.1;

function preferScript(scored: { article: number[]; score: number[] }, articles: readonly EngineArticle[], script: string | undefined): void {
  if (!script) return;
  scored.article.forEach((a, k) => {
    const lang = articles[a]?.lang ?? '';
    if (lang.startsWith('zh') && lang !== script) scored.score[k] = (scored.score[k] as number) * (1 - OTHER_SCRIPT_PENALTY);
  });
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
    const ranked = this.rank(query, options);
    return ranked ? this.hits(ranked, ranked.order.map((index) => this.data.articles[index] as EngineArticle)) : [];
  }

  /**
   * The ranking half of search: the best articles' indexes, without their text. A partial index
   * (partial.ts) ranks with it, then fetches only those articles before hits() makes the snippets.
   */
  rank(query: string, options: SearchOptions = {}): Ranked | undefined {
    const limit = options.limit ?? 10;
    const { articles } = this.data;
    const { terms } = this.model;
    const parsed = parseQuery(this.model, query, () => (this.typos ??= new TypoIndex(terms)));
    if (parsed.terms.length === 0) return undefined;
    const accept = options.product ? (a: number) => articles[a]?.product === options.product : () => true;
    const scored = this.ranker.score(query, parsed.terms, accept);
    preferScript(scored, articles, zhScript(query));
    const top = topK(scored.score, scored.article, limit);
    return {
      order: top.map((k) => scored.article[k] as number),
      scores: top.map((k) => scored.score[k] as number),
      rows: top.map((k) => scored.row[k] as number),
      matched: highlightTerms(parsed.terms.map((t) => terms.at(t.id))),
    };
  }

  /** Hits for ranked articles; `articles` holds the article of each ranked index, in order. */
  hits(ranked: Ranked, articles: readonly EngineArticle[]): SearchHit[] {
    const { config, questionArticle, questionPos } = this.data;
    const { matched } = ranked;
    return ranked.order.map((index, k) => {
      const row = ranked.rows[k] as number;
      const article = articles[k] as EngineArticle;
      let match = lineSnippet('title', article.title, matched, config.latinBigrams);
      const position = row >= 0 && questionArticle[row] === index ? (questionPos[row] as number) : -1;
      const text = position >= 0 ? article.questions[position] : undefined;
      if (text !== undefined) match = lineSnippet('question', text, matched, config.latinBigrams);
      const excerpt = article.body ? bodyExcerpt(article.body, matched, config.latinBigrams) : undefined;
      return { id: article.id, title: article.title, score: ranked.scores[k] as number, match, ...(excerpt ? { excerpt } : {}) };
    });
  }
}

/** The best articles of a query, best first: index order, scores, best question rows and the terms to highlight. */
export interface Ranked {
  order: number[];
  scores: number[];
  rows: number[];
  matched: Set<string>;
}
