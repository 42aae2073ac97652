/**
 * BANKING77 (Casanueva et al. 2020, "Efficient Intent Detection with Dual Sentence Encoders",
 * CC BY 4.0) as a knowledge package: one article per intent, its title the humanised intent name,
 * its similar questions `shots` training utterances drawn with a fixed seed. The training rows not
 * drawn are the held-back development set, the only data tuning may look at; test.csv is for
 * measuring only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { KNOWLEDGE_FORMAT, KNOWLEDGE_VERSION, type KnowledgePackage } from '@common/knowledge/package-schema';

/** One evaluation query: the text and the id of the article that answers it. */
export interface LabelledQuery {
  query: string;
  expected: string;
}

/** A converted split: the package, the held-back training rows and the test queries. */
export interface Banking77Split {
  pkg: KnowledgePackage;
  dev: LabelledQuery[];
  test: LabelledQuery[];
}

const ACRONYMS = new Set(['atm', 'pin']);

/** "card_payment_wrong_exchange_rate" → "Card payment wrong exchange rate"; "atm_support" → "ATM support". */
export function humanise(intent: string): string {
  const words = intent.replace(/[^A-Za-z_]/g, '').toLowerCase().split('_').filter(Boolean);
  const text = words.map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A package-safe article id for an intent ("reverted_card_payment?" → "reverted_card_payment"). */
export const intentId = (intent: string): string => intent.replace(/[^\w.:-]/g, '');

/** mulberry32: a tiny seeded PRNG, so a seed always draws the same questions on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readRows(path: string): [string, string][] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift();
  if (header?.[0] !== 'text' || header[1] !== 'category') throw new Error(`${path}: expected a "text,category" header`);
  return rows.filter((r) => r.length === 2).map((r) => [r[0] as string, r[1] as string]);
}

/**
 * Converts BANKING77 for one seed.
 * @param dataDir the folder holding train.csv and test.csv
 */
export function convertBanking77(dataDir: string, seed: number, shots = 10): Banking77Split {
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of readRows(join(dataDir, 'train.csv'))) {
    const list = byIntent.get(intent) ?? [];
    list.push(text);
    byIntent.set(intent, list);
  }
  const random = seededRandom(seed);
  const dev: LabelledQuery[] = [];
  const articles = [...byIntent].map(([intent, texts]) => {
    const shuffled = [...texts];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    const id = intentId(intent);
    for (const query of shuffled.slice(shots)) dev.push({ query, expected: id });
    return {
      id,
      title: humanise(intent),
      questions: shuffled.slice(0, shots),
      body: '',
      tags: [],
      lang: 'en',
      updatedAt: '2020-03-10T00:00:00Z',
      deleted: false,
    };
  });
  const test = readRows(join(dataDir, 'test.csv')).map(([query, intent]) => ({ query, expected: intentId(intent) }));
  return { pkg: { format: KNOWLEDGE_FORMAT, version: KNOWLEDGE_VERSION, articles, synonyms: [] }, dev, test };
}
