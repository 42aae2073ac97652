/**
 * `npm run kb:eval -- --articles <package.json> --queries <file.jsonl>`: runs the app's own knowledge
 * engine in Node over labelled queries and prints one JSON object
 * {n, recall_at_1, recall_at_3, mrr, p50_ms, p95_ms}. Exit code 2 on bad arguments or input.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, loadPackageEngine, parseQueries, type RelevanceReport } from './kb-metrics';

export const USAGE = 'usage: npm run kb:eval -- --articles <package.json> --queries <file.jsonl>';

/** Loads a package and a queries file and evaluates the engine on them. */
export function runEval(articlesPath: string, queriesPath: string): RelevanceReport {
  const { engine } = loadPackageEngine(articlesPath);
  return evaluate(engine, parseQueries(readFileSync(queriesPath, 'utf8'), queriesPath));
}

function main(): void {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  try {
    const { values } = parseArgs({ options: { articles: { type: 'string' }, queries: { type: 'string' } }, strict: true });
    if (!values.articles || !values.queries) throw new Error(USAGE);
    console.log(JSON.stringify(runEval(resolve(cwd, values.articles), resolve(cwd, values.queries))));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
