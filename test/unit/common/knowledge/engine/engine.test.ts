import { describe, expect, it } from 'vitest';
import {
  decodeIndex,
  encodeIndex,
  KnowledgeEngine,
  type EngineArticle,
} from '@common/knowledge/engine';

const ARTICLES: EngineArticle[] = [
  {
    id: 'card-lost',
    title: '信用卡丢失如何挂失',
    questions: ['卡丢了怎么办', '钱包被偷了卡也没了', 'I lost my credit card'],
    body: '发现信用卡丢失后，请立即通过手机银行或客服热线办理挂失，挂失后原卡立即停用。',
    tags: ['信用卡'],
    product: 'credit-card',
  },
  {
    id: 'card-swallowed',
    title: 'ATM吞卡怎么办',
    questions: ['取款机把我的卡吞了', 'the cash machine kept my card'],
    body: '请勿离开，联系ATM所属网点。',
    product: 'debit-card',
  },
  {
    id: 'balance',
    title: '如何查询账户余额',
    questions: ['我还有多少钱', 'how much money do I have left', 'check my balance'],
    body: 'You can check your balance in the app.',
    product: 'debit-card',
  },
  {
    id: 'annual-fee',
    title: '信用卡年费及减免',
    questions: ['年费怎么免', 'can the annual fee be waived'],
    body: '刷卡满六次可免次年年费。',
    product: 'credit-card',
  },
  {
    id: 'transfer-fee',
    title: 'Transfer fees',
    questions: ['how much does a transfer cost', 'why was I charged for a transfer'],
    body: 'Domestic transfers are free.',
    product: 'debit-card',
  },
];

const engine = KnowledgeEngine.build(ARTICLES, [['atm', '取款机', 'cash machine']]);
const top = (query: string, e = engine) => e.search(query)[0]?.id;

describe('KnowledgeEngine ranking', () => {
  it('finds the article from a similar question rather than its title', () => {
    expect(top('我还有多少钱')).toBe('balance');
    expect(top('how much money have I got left')).toBe('balance');
  });

  it('folds Traditional Chinese onto Simplified articles (掛失 finds 挂失)', () => {
    expect(top('信用卡掛失')).toBe('card-lost');
    expect(top('帳戶餘額查詢')).toBe('balance');
  });

  it('folds full-width and case', () => {
    expect(top('ＡＴＭ吞卡')).toBe('card-swallowed');
    expect(top('ANNUAL FEE')).toBe('annual-fee');
  });

  it('tolerates one typo in a longer English word and matches stems', () => {
    expect(top('transfre charges')).toBe('transfer-fee');
    expect(top('waiving annual fees')).toBe('annual-fee');
  });

  it('uses the package synonyms', () => {
    // "atm" appears only in the title of card-swallowed; the query says "cash machine" only.
    const plain = KnowledgeEngine.build(ARTICLES.map((a) => (a.id === 'card-swallowed' ? { ...a, questions: [] } : a)));
    const withSynonyms = KnowledgeEngine.build(plain.data.articles, [['atm', 'cash machine']]);
    expect(plain.search('cash machine').map((h) => h.id)).not.toContain('card-swallowed');
    expect(top('cash machine', withSynonyms)).toBe('card-swallowed');
  });

  it('ranks best first with scores in (0, 1] and honours limit and product', () => {
    const hits = engine.search('信用卡', { limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]?.score).toBeLessThanOrEqual(1);
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? 0);
    expect(engine.search('卡', { product: 'debit-card' }).every((h) => ['card-swallowed', 'balance', 'transfer-fee'].includes(h.id))).toBe(true);
  });

  it('returns nothing for a query with no known terms', () => {
    expect(engine.search('')).toEqual([]);
    expect(engine.search('zzzzqqq')).toEqual([]);
  });
});

describe('KnowledgeEngine snippets', () => {
  it('highlights the matching similar question in the original text', () => {
    const [hit] = engine.search('卡丢了');
    expect(hit?.match.field).toBe('question');
    expect(hit?.match.text).toBe('卡丢了怎么办');
    expect(hit?.match.ranges).toEqual([[0, 3]]);
  });

  it('highlights Traditional and full-width matches at their original offsets', () => {
    const e = KnowledgeEngine.build([{ id: 'x', title: '信用卡掛失（ＡＴＭ）', questions: [] }]);
    const [hit] = e.search('挂失 atm');
    const ranges = hit?.match.ranges ?? [];
    expect(ranges.map(([s, t]) => hit?.match.text.slice(s, t))).toEqual(['掛失', 'ＡＴＭ']);
  });

  it('gives a body excerpt around the match', () => {
    const [hit] = engine.search('办理挂失');
    expect(hit?.excerpt?.field).toBe('body');
    const [s, t] = hit?.excerpt?.ranges[0] ?? [0, 0];
    expect(hit?.excerpt?.text.slice(s, t)).toBe('办理挂失');
  });
});

describe('KnowledgeEngine persistence', () => {
  it('answers the same after encode → decode → load, without re-analysing', () => {
    const loaded = KnowledgeEngine.load(decodeIndex(encodeIndex(engine.data)));
    for (const query of ['信用卡掛失', 'how much money do I have left', 'transfre']) {
      expect(loaded.search(query)).toEqual(engine.search(query));
    }
    expect(loaded.size).toBe(ARTICLES.length);
  });

  it('refuses an index of another version with advice to rebuild', () => {
    expect(() => KnowledgeEngine.load({ ...engine.data, version: 99 as never })).toThrow(/rebuild/);
  });
});
