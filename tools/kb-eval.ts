/**
 * `npm run kb:eval -- --articles <package.json> --queries <file.jsonl>`: runs the app's own knowledge
 * engine in Node over labelled queries and prints one JSON object
 * {n, recall_at_1, recall_at_3, mrr, p50_ms, p95_ms}. `--training dense` (every article an output of
 * every example; skipped on large knowledge bases) or `--training sampled` forces how the learned
 * models train instead of the default `auto` (dense where it fits, sampled above), for comparison.
 * Exit code 2 on bad arguments or input.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, KnowledgeEngine, type EngineArticle } from '@common/knowledge/engine';
import { DEFAULT_SCALE, trainClassifier, type TrainScale } from '@common/knowledge/engine/classifier';
import { evaluate, lexicalEngine, loadPackageEngine, parseQueries, withLearned, type RelevanceReport } from './kb-metrics';

export const USAGE = 'usage: npm run kb:eval -- --articles <package.json> --queries <file.jsonl> [--training auto|sampled|dense]';

/** An engine whose learned models are trained with `scale` (the default build uses DEFAULT_SCALE). */
export function buildWithTraining(articles: readonly EngineArticle[], synonyms: readonly (readonly string[])[], scale: TrainScale): KnowledgeEngine {
  return withLearned(lexicalEngine(articles, synonyms, DEFAULT_CONFIG), DEFAULT_CONFIG, trainClassifier(articles, DEFAULT_CONFIG.latinBigrams, scale));
}

/** Loads a package and a queries file and evaluates the engine on them. */
export function runEval(articlesPath: string, queriesPath: string, training: TrainScale['mode'] = DEFAULT_SCALE.mode): RelevanceReport {
  const build = training === DEFAULT_SCALE.mode ? undefined : (live: readonly EngineArticle[], synonyms: readonly (readonly string[])[]) => buildWithTraining(live, synonyms, { ...DEFAULT_SCALE, mode: training });
  const { engine } = loadPackageEngine(articlesPath, build);
  return evaluate(engine, parseQueries(readFileSync(queriesPath, 'utf8'), queriesPath));
}

function main(): void {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  try {
    const { values } = parseArgs({ options: { articles: { type: 'string' }, queries: { type: 'string' }, training: { type: 'string', default: DEFAULT_SCALE.mode } }, strict: true });
    const { training } = values;
    if (!values.articles || !values.queries || (training !== 'sampled' && training !== 'dense' && training !== 'auto')) throw new Error(USAGE);
    console.log(JSON.stringify(runEval(resolve(cwd, values.articles), resolve(cwd, values.queries), training)));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
