import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertBanking77, humanise, intentId, seededRandom } from '../../../tools/banking77';
import { parseCsv } from '../../../tools/csv';
import { parseQueries } from '../../../tools/kb-metrics';
import { knowledgePackageSchema } from '@common/knowledge/package-schema';

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'b77-'));
  const rows = (n: number, intent: string) => Array.from({ length: n }, (_, i) => `"${intent} question, ${i}",${intent}`);
  writeFileSync(join(dir, 'train.csv'), ['text,category', ...rows(12, 'card_arrival'), ...rows(15, 'atm_support')].join('\n'));
  writeFileSync(join(dir, 'test.csv'), ['text,category', 'where is my card?,card_arrival', 'reverted?,reverted_card_payment?'].join('\n'));
  return dir;
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, ""y""",z\n')).toEqual([['a', 'b'], ['x, "y"', 'z']]);
  });
});

describe('BANKING77 conversion', () => {
  it('humanises intent names into titles and ids', () => {
    expect(humanise('card_payment_wrong_exchange_rate')).toBe('Card payment wrong exchange rate');
    expect(humanise('atm_support')).toBe('ATM support');
    expect(humanise('Refund_not_showing_up')).toBe('Refund not showing up');
    expect(intentId('reverted_card_payment?')).toBe('reverted_card_payment');
  });

  it('draws 10 questions per intent, the same for the same seed, and holds the rest back', () => {
    const dir = fixture();
    const one = convertBanking77(dir, 1);
    expect(knowledgePackageSchema.safeParse(one.pkg).success).toBe(true);
    expect(one.pkg.articles.map((a) => [a.id, a.title, a.questions.length])).toEqual([
      ['card_arrival', 'Card arrival', 10],
      ['atm_support', 'ATM support', 10],
    ]);
    expect(one.dev).toHaveLength(2 + 5);
    expect(convertBanking77(dir, 1).pkg).toEqual(one.pkg);
    expect(convertBanking77(dir, 2).pkg.articles[0]?.questions).not.toEqual(one.pkg.articles[0]?.questions);
    // Held-back rows never repeat a drawn question.
    const drawn = new Set(one.pkg.articles.flatMap((a) => a.questions));
    expect(one.dev.some((d) => drawn.has(d.query))).toBe(false);
    expect(one.test).toEqual([
      { query: 'where is my card?', expected: 'card_arrival' },
      { query: 'reverted?', expected: 'reverted_card_payment' },
    ]);
  });

  it('has a deterministic PRNG', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('parseQueries', () => {
  it('reads one labelled query per line and names the bad line', () => {
    expect(parseQueries('{"query":"q","expected":"a"}\n\n')).toEqual([{ query: 'q', expected: 'a' }]);
    expect(() => parseQueries('{"query":"q","expected":"a"}\n{"query":1}', 'f.jsonl')).toThrow('f.jsonl:2: expected');
    expect(() => parseQueries('nope', 'f.jsonl')).toThrow('f.jsonl:1: not valid JSON');
  });
});
