/**
 * `npx tsx tools/kb-tune.ts [--data ../shared/data/banking77] [--rows 1500] [--passes 2] [--r3 0.5]
 * [--knobs a,b]`: coordinate search of the engine's ranking weights on BANKING77 held-back TRAINING
 * rows (those not drawn as similar questions), seeds 1–3; the objective is Recall@1 + r3 × Recall@3.
 * It never reads test.csv's queries: the test set is for measuring only. Prints the best config
 * found; DEFAULT_CONFIG in engine/config.ts is updated from it by hand.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, KnowledgeEngine, type EngineConfig, type IndexData } from '@common/knowledge/engine';
import { convertBanking77, seededRandom, type Banking77Split } from './banking77';
import { evaluate, lexicalEngine, withLearned } from './kb-metrics';

type Knob = { get: (c: EngineConfig) => number; set: (c: EngineConfig, v: number) => void; name: string };

const knob = (name: string, path: string[]): Knob => ({
  name,
  get: (c) => path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as number,
  set: (c, v) => {
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as Record<string, number>;
    parent[path[path.length - 1] as string] = v;
  },
});

const KNOBS: Knob[] = [
  knob('k1', ['k1']),
  knob('title.weight', ['fields', 'title', 'weight']),
  knob('title.b', ['fields', 'title', 'b']),
  knob('questions.b', ['fields', 'questions', 'b']),
  knob('questionB', ['questionB']),
  knob('mix.article', ['mix', 'article']),
  knob('mix.nearest', ['mix', 'nearest']),
  knob('mix.centroid', ['mix', 'centroid']),
  knob('mix.classifier', ['mix', 'classifier']),
  knob('mix.classifierLog', ['mix', 'classifierLog']),
  knob('mix.facets', ['mix', 'facets']),
  knob('secondNearest', ['secondNearest']),
  knob('fuzzyWeight', ['fuzzyWeight']),
  knob('bigramWeight', ['bigramWeight']),
];

/**
 * The learned models depend on the articles only, not on the weights searched here, so they are
 * trained once per split and attached to each candidate's index: a candidate then costs milliseconds.
 */
const learned = new WeakMap<Banking77Split, IndexData['classifier']>();

function engineFor(split: Banking77Split, config: EngineConfig): KnowledgeEngine {
  if (!learned.has(split)) learned.set(split, KnowledgeEngine.build(split.pkg.articles, [], DEFAULT_CONFIG).data.classifier);
  return withLearned(lexicalEngine(split.pkg.articles, [], config), config, learned.get(split));
}

function objective(splits: Banking77Split[], config: EngineConfig, r3Weight: number): number {
  let total = 0;
  for (const split of splits) {
    const report = evaluate(engineFor(split, config), split.dev);
    // Recall@1 first, Recall@3 (weighted by --r3) keeps the right article in view.
    total += report.recall_at_1 + r3Weight * report.recall_at_3;
  }
  return total / splits.length;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/banking77' },
      rows: { type: 'string', default: '1500' },
      passes: { type: 'string', default: '2' },
      r3: { type: 'string', default: '0.5' },
      // Comma-separated knob names to search (default: all), e.g. --knobs mix.article,mix.classifier
      knobs: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const splits = [1, 2, 3].map((seed) => {
    const split = convertBanking77(resolve(values.data), seed);
    const random = seededRandom(100 + seed);
    const dev = [...split.dev].sort(() => random() - 0.5).slice(0, rows);
    return { ...split, dev, test: [] };
  });
  let best = structuredClone(DEFAULT_CONFIG);
  let bestScore = objective(splits, best, Number(values.r3));
  console.error(`start ${bestScore.toFixed(4)}`);
  const knobs = values.knobs ? KNOBS.filter((k) => values.knobs?.split(',').includes(k.name)) : KNOBS;
  for (let pass = 0; pass < Number(values.passes); pass++) {
    for (const k of knobs) {
      for (const factor of [0, 0.5, 0.75, 1.33, 2]) {
        const candidate = structuredClone(best);
        const value = k.get(best) === 0 ? factor * 0.2 : k.get(best) * factor;
        if (k.name.endsWith('.b') || k.name === 'questionB') k.set(candidate, Math.min(1, value));
        else k.set(candidate, value);
        const score = objective(splits, candidate, Number(values.r3));
        if (score > bestScore + 1e-4) {
          best = candidate;
          bestScore = score;
          console.error(`pass ${pass} ${k.name}=${k.get(candidate).toFixed(3)} → ${score.toFixed(4)}`);
        }
      }
    }
  }
  console.log(JSON.stringify(best, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
