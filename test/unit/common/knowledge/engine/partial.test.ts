import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, KnowledgeEngine, toStoredIndex } from '@common/knowledge/engine';
import { PartialIndex, type ReadRange } from '@common/knowledge/engine/partial';
import { TermDictionary } from '@common/knowledge/engine/dictionary';
import { analyze, isPair } from '@common/knowledge/engine/tokenize';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';
import { generate } from '../../../../../tools/kb-generate';

/** The learned models off, as for a knowledge base too large to train them on. */
const LEXICAL = { ...DEFAULT_CONFIG, mix: { ...DEFAULT_CONFIG.mix, classifier: 0, classifierLog: 0, facets: 0 } };

function rangesOf(buffer: ArrayBuffer): { read: ReadRange; reads: () => number; bytes: () => number } {
  let reads = 0;
  let bytes = 0;
  const blob = new Blob([buffer]);
  return {
    read: async (from, to) => {
      reads++;
      bytes += to - from;
      return blob.slice(from, to).arrayBuffer();
    },
    reads: () => reads,
    bytes: () => bytes,
  };
}

describe('a partial index (first queries from ranges of the stored index)', () => {
  it('gives the whole index hits for the sample knowledge base, synonyms and product filter included', async () => {
    const parsed = parseKnowledgePackage(readFileSync('assets/knowledge/sample-kb.json', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const engine = KnowledgeEngine.build(parsed.value.articles, parsed.value.synonyms, LEXICAL);
    const buffer = toStoredIndex(engine.data);
    const partial = await PartialIndex.open(rangesOf(buffer).read, buffer.byteLength);
    if (!partial) throw new Error('not served partially');
    expect(partial.size).toBe(engine.size);
    const queries = [
      ...parsed.value.articles.filter((_, i) => i % 3 === 0).map((a) => a.questions[0] ?? a.title),
      '冻结卡',
      '我要掛失',
      '信用咔不见了',
      'annual fee',
      'how do I top up',
      '乜嘢係年费',
      'the the the',
      '',
    ];
    for (const query of queries) expect(await partial.search(query), query).toEqual(engine.search(query));
    const product = parsed.value.articles.find((a) => a.product)?.product;
    if (product) expect(await partial.search('卡', { product, limit: 3 })).toEqual(engine.search('卡', { product, limit: 3 }));
  }, 60_000);

  it('reads a small share of a generated 800-article index per query', async () => {
    const kb = generate(800, 8, 7);
    const engine = KnowledgeEngine.build(kb.articles, [], LEXICAL);
    const buffer = toStoredIndex(engine.data);
    const ranges = rangesOf(buffer);
    const partial = await PartialIndex.open(ranges.read, buffer.byteLength);
    if (!partial) throw new Error('not served partially');
    const opened = ranges.bytes();
    // Typo correction needs the whole vocabulary: queries with a word the index does not know are left out.
    const dictionary = new TermDictionary(engine.data.terms);
    const known = kb.queries.filter(({ query }) => analyze(query, { latinBigrams: true }).every((t) => dictionary.id(t.term) !== undefined || isPair(t.term)));
    expect(known.length).toBeGreaterThan(20);
    for (const { query } of known.slice(0, 20)) expect(await partial.search(query), query).toEqual(engine.search(query));
    const perQuery = (ranges.bytes() - opened) / 20;
    expect(opened).toBeLessThan(buffer.byteLength / 10);
    expect(perQuery).toBeLessThan(buffer.byteLength / 50);
  }, 60_000);

  it('is not used for an index with the learned models, and names a damaged part', async () => {
    const articles = [
      { id: 'lost', title: 'Lost card', questions: ['I lost my card', 'my card is gone'] },
      { id: 'fee', title: 'Annual fee', questions: ['waive the annual fee', 'why a card fee'] },
      { id: 'limit', title: 'Credit limit', questions: ['raise my limit', 'limit too low'] },
    ];
    const small = KnowledgeEngine.build(articles);
    expect(small.data.classifier).toBeDefined();
    const stored = toStoredIndex(small.data);
    expect(await PartialIndex.open(rangesOf(stored).read, stored.byteLength)).toBeUndefined();
    const lexical = toStoredIndex(KnowledgeEngine.build(articles, [], LEXICAL).data);
    await expect(PartialIndex.open(rangesOf(lexical).read, lexical.byteLength - 64)).rejects.toThrow(/not a typed array within the buffer/);
    await expect(PartialIndex.open(rangesOf(new ArrayBuffer(16)).read, 16)).rejects.toThrow(/not a stored knowledge index/);
  });
});
