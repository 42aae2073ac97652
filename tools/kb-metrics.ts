/** Relevance and latency of the knowledge engine over labelled queries (shared by kb:eval and kb:tune). */
import { readFileSync } from 'node:fs';
import { KnowledgeEngine, type EngineArticle, type EngineConfig, type IndexData } from '@common/knowledge/engine';
import { parseKnowledgePackage, type KnowledgeArticle } from '@common/knowledge/package-schema';
import type { LabelledQuery } from './banking77';

/**
 * An engine over `articles` without its learned models, ranked with `config`: the tools that compare
 * learned models (kb:eval --training, kb:tune, kb:tune-scale) build this once and attach each candidate.
 */
export function lexicalEngine(articles: readonly EngineArticle[], synonyms: readonly (readonly string[])[], config: EngineConfig): KnowledgeEngine {
  return KnowledgeEngine.build(articles, synonyms, { ...config, mix: { ...config.mix, classifier: 0, classifierLog: 0, facets: 0 } });
}

/** `lexical`'s index with `classifier` attached (none: the lexical evidences alone), ranked with `config`. */
export function withLearned(lexical: KnowledgeEngine, config: EngineConfig, classifier: IndexData['classifier']): KnowledgeEngine {
  return KnowledgeEngine.load({ ...lexical.data, config, ...(classifier ? { classifier } : {}) });
}

/**
 * A knowledge package file's live articles and the app's engine over them, built as the app builds it (what
 * kb:eval, kb:eval-zh and the assist evaluation search).
 * @throws Error naming the file and its first problems when it is not a valid package
 */
export function loadPackageEngine(
  path: string,
  build: (articles: readonly KnowledgeArticle[], synonyms: readonly (readonly string[])[]) => KnowledgeEngine = (articles, synonyms) => KnowledgeEngine.build(articles, synonyms),
): { engine: KnowledgeEngine; articles: KnowledgeArticle[] } {
  const parsed = parseKnowledgePackage(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: invalid knowledge package\n  ${parsed.errors.slice(0, 20).join('\n  ')}`);
  const articles = parsed.value.articles.filter((a) => !a.deleted);
  return { engine: build(articles, parsed.value.synonyms), articles };
}

/** What kb:eval prints. Recalls and MRR are fractions (0–1), rounded to 4 places. */
export interface RelevanceReport {
  n: number;
  recall_at_1: number;
  recall_at_3: number;
  /** Mean reciprocal rank over the top 10 (0 when the expected article is not among them). */
  mrr: number;
  p50_ms: number;
  p95_ms: number;
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Runs every query through the engine and measures it.
 * @param answerOf the answer an article id gives (default: the id itself); hits with the same answer
 *   count once, at the rank of the first (the same article in Simplified and Traditional Chinese).
 */
export function evaluate(
  engine: KnowledgeEngine,
  queries: readonly LabelledQuery[],
  answerOf: (id: string) => string = (id) => id,
): RelevanceReport {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const times: number[] = [];
  for (const { query, expected } of queries) {
    const started = performance.now();
    const hits = engine.search(query, { limit: 10 });
    times.push(performance.now() - started);
    const rank = [...new Set(hits.map((h) => answerOf(h.id)))].indexOf(expected);
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = queries.length;
  times.sort((a, b) => a - b);
  return {
    n,
    recall_at_1: round(hit1 / (n || 1), 4),
    recall_at_3: round(hit3 / (n || 1), 4),
    mrr: round(rr / (n || 1), 4),
    p50_ms: round(percentile(times, 50), 3),
    p95_ms: round(percentile(times, 95), 3),
  };
}

/** Parses a queries file: one `{"query": "...", "expected": "<article id>"}` per line. */
export function parseQueries(text: string, source = 'queries'): LabelledQuery[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${source}:${number}: not valid JSON`);
      }
      const { query, expected } = (value ?? {}) as Record<string, unknown>;
      if (typeof query !== 'string' || typeof expected !== 'string') {
        throw new Error(`${source}:${number}: expected {"query": string, "expected": string}`);
      }
      return { query, expected };
    });
}
