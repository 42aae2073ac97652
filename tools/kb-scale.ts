/**
 * `npx tsx tools/kb-scale.ts [--articles 10000] [--questions 20]`: builds a
 * knowledge index for a generated bank-sized knowledge base and prints one JSON object
 * {articles, questions, build_s, index_mb, weights, recall_at_1, recall_at_3}. Run it under
 * `/usr/bin/time -v` for the peak memory (Maximum resident set size).
 * Text: tools/kb-generate.ts (the bench's generator: wamerican words Zipf-distributed, Chinese words
 * by rime-data-pinyin-simp's frequencies, paraphrased queries).
 * `index_mb`: the index as the worker stores it in IndexedDB (toStoredIndex), MiB.
 */
import { parseArgs } from 'node:util';
import { KnowledgeEngine, toStoredIndex, type IndexData } from '@common/knowledge/engine';
import { generate } from './kb-generate';
import { evaluate } from './kb-metrics';

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      questions: { type: 'string', default: '20' },
    },
  });
  const { articles, queries } = generate(Number(values.articles), Number(values.questions), 7);
  const started = performance.now();
  const data: IndexData = KnowledgeEngine.build(articles).data;
  const buildS = (performance.now() - started) / 1000;
  const { classifier, ...lexical } = data;
  const sample = queries.slice(0, 2000);
  const report = evaluate(KnowledgeEngine.load(data), sample);
  const plain = evaluate(KnowledgeEngine.load(lexical as IndexData), sample);
  const weights = (classifier?.softmax.weights.value.length ?? 0) + (classifier?.facets?.model.weights.value.length ?? 0);
  const round = (x: number): number => Math.round(x * 100) / 100;
  console.log(
    JSON.stringify({
      articles: articles.length,
      questions: Number(values.questions),
      build_s: round(buildS),
      index_mb: round(toStoredIndex(data).byteLength / 2 ** 20),
      weights,
      recall_at_1: report.recall_at_1,
      recall_at_3: report.recall_at_3,
      search_p95_ms: report.p95_ms,
      lexical_recall_at_1: plain.recall_at_1,
      lexical_recall_at_3: plain.recall_at_3,
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
