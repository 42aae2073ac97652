/**
 * `npm run kb:banking77 -- [--data ../shared/data/banking77] [--seed 1] [--out test/.run/banking77]`
 * writes banking77-seed<N>.json (the knowledge package), banking77-seed<N>-dev.jsonl (held-back
 * training rows, for tuning) and banking77-test.jsonl (the 3,080 test queries, for measuring only).
 * Data: BANKING77, Casanueva et al. 2020, CC BY 4.0. Generated files are never committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { convertBanking77, type LabelledQuery } from './banking77';

const jsonl = (rows: readonly LabelledQuery[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function main(): void {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  try {
    const { values } = parseArgs({
      options: {
        data: { type: 'string', default: '../shared/data/banking77' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string', default: 'test/.run/banking77' },
      },
      strict: true,
    });
    const seed = Number(values.seed);
    if (!Number.isInteger(seed) || seed < 1) throw new Error('--seed must be a positive integer');
    const { pkg, dev, test } = convertBanking77(resolve(cwd, values.data), seed);
    const out = resolve(cwd, values.out);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `banking77-seed${seed}.json`), JSON.stringify(pkg));
    writeFileSync(join(out, `banking77-seed${seed}-dev.jsonl`), jsonl(dev));
    writeFileSync(join(out, 'banking77-test.jsonl'), jsonl(test));
    console.log(`${pkg.articles.length} articles, ${dev.length} held-back rows, ${test.length} test queries → ${out}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
