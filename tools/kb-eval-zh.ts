/**
 * `npm run kb:eval-zh [-- --set eval|dev]`: Chinese relevance of the app's engine on the sample knowledge
 * base (assets/knowledge/sample-kb.json), over queries written the way customers type and speak
 * (test/fixtures/knowledge/zh: colloquial, elliptical, Traditional, Cantonese, homophone typos).
 * Prints one JSON object per set. An expected answer is an article's topic: its id without the language
 * suffix, so lost-card.zh-CN and lost-card.zh-TW are the same answer (the app lists both).
 * Tune on the dev set only; the eval set is measured and reported, never used to choose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { KnowledgeEngine } from '@common/knowledge/engine';
import { evaluate, loadPackageEngine, parseQueries, type RelevanceReport } from './kb-metrics';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE_KB = join(ROOT, 'assets/knowledge/sample-kb.json');
export const ZH_SETS = { eval: join(ROOT, 'test/fixtures/knowledge/zh/eval.jsonl'), dev: join(ROOT, 'test/fixtures/knowledge/zh/dev.jsonl') };
export type ZhSet = keyof typeof ZH_SETS;

/** The topic of an article id: "lost-card.zh-TW" → "lost-card". */
export const topicOf = (id: string): string => id.replace(/\.[a-z]{2}(?:-[A-Za-z]{2,4})?$/, '');

/** Builds the engine over the sample knowledge base, as the app does. */
export function sampleEngine(): KnowledgeEngine {
  return loadPackageEngine(SAMPLE_KB).engine;
}

/** Measures one Chinese query set on the sample knowledge base. */
export function evalZh(set: ZhSet, engine = sampleEngine()): RelevanceReport {
  return evaluate(engine, parseQueries(readFileSync(ZH_SETS[set], 'utf8'), ZH_SETS[set]), topicOf);
}

function main(): void {
  try {
    const { values } = parseArgs({ options: { set: { type: 'string' } }, strict: true });
    const sets = values.set === undefined ? (['dev', 'eval'] as const) : [values.set];
    const engine = sampleEngine();
    for (const set of sets) {
      if (!(set in ZH_SETS)) throw new Error('usage: npm run kb:eval-zh [-- --set eval|dev]');
      console.log(JSON.stringify({ set, ...evalZh(set as ZhSet, engine) }));
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
