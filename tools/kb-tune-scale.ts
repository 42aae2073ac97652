/**
 * `npx tsx tools/kb-tune-scale.ts [--data ../shared/data/banking77] [--rows 1500] [--scales '<json list>']`:
 * how the sampled training path's sizes (TrainScale: nearest and random candidate articles, epochs,
 * hashed block bits) trade relevance on BANKING77 held-back TRAINING rows (seeds 1–3) against
 * training work. Never reads test.csv's queries. Prints one JSON line per setting:
 * {scale, recall_at_1, recall_at_3, train_s}. DEFAULT_SCALE in engine/classifier.ts is chosen from it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG } from '@common/knowledge/engine';
import { DEFAULT_SCALE, trainClassifier, type TrainScale } from '@common/knowledge/engine/classifier';
import { convertBanking77, seededRandom } from './banking77';
import { evaluate, lexicalEngine, withLearned } from './kb-metrics';

const DEFAULT_SCALES: Partial<TrainScale>[] = [{ mode: 'sampled' }, { mode: 'dense' }];

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/banking77' },
      rows: { type: 'string', default: '1500' },
      scales: { type: 'string' },
    },
  });
  const scales = values.scales ? (JSON.parse(values.scales) as Partial<TrainScale>[]) : DEFAULT_SCALES;
  const splits = [1, 2, 3].map((seed) => {
    const split = convertBanking77(resolve(values.data), seed);
    const random = seededRandom(100 + seed);
    const dev = [...split.dev].sort(() => random() - 0.5).slice(0, Number(values.rows));
    const lexical = lexicalEngine(split.pkg.articles, [], DEFAULT_CONFIG);
    return { articles: split.pkg.articles, dev, lexical };
  });
  for (const partial of scales) {
    const scale = { ...DEFAULT_SCALE, ...partial };
    let r1 = 0;
    let r3 = 0;
    let seconds = 0;
    for (const { articles, dev, lexical } of splits) {
      const started = performance.now();
      const classifier = trainClassifier(articles, DEFAULT_CONFIG.latinBigrams, scale);
      seconds += (performance.now() - started) / 1000;
      const report = evaluate(withLearned(lexical, DEFAULT_CONFIG, classifier), dev);
      r1 += report.recall_at_1 / splits.length;
      r3 += report.recall_at_3 / splits.length;
    }
    console.log(JSON.stringify({ scale: partial, recall_at_1: +r1.toFixed(4), recall_at_3: +r3.toFixed(4), train_s: +(seconds / splits.length).toFixed(2) }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
