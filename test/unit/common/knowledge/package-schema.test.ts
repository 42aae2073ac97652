import { describe, expect, it } from 'vitest';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';

const article = {
  id: 'card.lost',
  title: '信用卡丢失如何挂失',
  questions: ['卡丢了怎么办'],
  body: '请立即致电……',
  tags: ['信用卡'],
  product: 'credit-card',
  lang: 'zh-CN',
  updatedAt: '2025-01-02T03:04:05Z',
};
const pkg = (articles: unknown[], extra: object = {}) =>
  JSON.stringify({ format: 'lingxi-knowledge', version: 1, articles, ...extra });

describe('parseKnowledgePackage', () => {
  it('accepts a valid package and fills defaults', () => {
    const result = parseKnowledgePackage(pkg([{ id: 'a', title: 'T', lang: 'en', updatedAt: '2025-01-01T00:00:00+08:00' }]));
    expect(result).toMatchObject({ ok: true, value: { articles: [{ questions: [], body: '', tags: [], deleted: false }], synonyms: [] } });
  });

  it('accepts synonyms', () => {
    expect(parseKnowledgePackage(pkg([article], { synonyms: [['挂失', '冻结']] })).ok).toBe(true);
  });

  it('rejects bad JSON with a clear message', () => {
    const result = parseKnowledgePackage('{"format": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^not valid JSON/);
  });

  it('reports every problem with its path', () => {
    const result = parseKnowledgePackage(
      pkg([article, { ...article, title: ' ', lang: 'chinese' }, { ...article, id: 'x', updatedAt: 'yesterday' }], {
        synonyms: [['alone']],
      }),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        'articles[1].title: must not be empty',
        expect.stringMatching(/^articles\[1\]\.lang: must be a BCP 47 tag/),
        expect.stringMatching(/^articles\[2\]\.updatedAt: /),
        'synonyms[0]: a synonym group needs at least two terms',
        'articles[1].id: duplicate id "card.lost"',
      ]),
    );
  });

  it('rejects an unknown format version and unknown fields', () => {
    expect(parseKnowledgePackage(JSON.stringify({ format: 'lingxi-knowledge', version: 2, articles: [] })).ok).toBe(false);
    expect(parseKnowledgePackage(pkg([{ ...article, extra: 1 }])).ok).toBe(false);
  });
});
