import { describe, expect, it } from 'vitest';
import { fromStoredIndex, KnowledgeEngine, toStoredIndex } from '@common/knowledge/engine';

const engine = KnowledgeEngine.build(
  [
    { id: 'lost', title: '信用卡丢失如何挂失', questions: ['卡丢了怎么办', 'I lost my credit card'], body: '请立即挂失。', lang: 'zh-CN' },
    { id: 'fee', title: 'Annual fee waiver', questions: ['can you waive the annual fee', 'why was I charged a card fee'], lang: 'en' },
    { id: 'limit', title: '提高信用额度', questions: ['额度不够用', 'raise my credit limit'], lang: 'zh-CN' },
  ],
  [['挂失', '冻结卡']],
);

describe('the stored (binary) index', () => {
  it('loads back into an engine that searches exactly as the original', () => {
    const buffer = toStoredIndex(engine.data);
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    const loaded = KnowledgeEngine.load(fromStoredIndex(structuredClone(buffer)));
    for (const query of ['冻结卡', 'annual fee', '额度', 'lost card', 'credti limit']) {
      expect(loaded.search(query), query).toEqual(engine.search(query));
    }
  });

  it('keeps every typed array with its kind and values', () => {
    const back = fromStoredIndex(toStoredIndex(engine.data));
    expect(back.article.value).toBeInstanceOf(Float32Array);
    expect(Array.from(back.article.value)).toEqual(Array.from(engine.data.article.value));
    expect(back.article.row).toBeInstanceOf(Uint16Array);
    expect(Array.from(back.article.row)).toEqual(Array.from(engine.data.article.row));
    expect(back.questionPos).toBeInstanceOf(Int32Array);
    expect(Array.from(back.questionPos)).toEqual(Array.from(engine.data.questionPos));
    expect(back.terms.text).toBe(engine.data.terms.text);
    expect(back.articles).toEqual(engine.data.articles);
  });

  it('rejects a buffer that is not an index, or is cut short, saying so', () => {
    expect(() => fromStoredIndex(new ArrayBuffer(4))).toThrow(/not a stored knowledge index/);
    const buffer = toStoredIndex(engine.data);
    expect(() => fromStoredIndex(buffer.slice(0, 40))).toThrow(/cut short/);
    expect(() => fromStoredIndex(buffer.slice(0, buffer.byteLength - 64))).toThrow(/not a typed array within the buffer/);
  });
});
