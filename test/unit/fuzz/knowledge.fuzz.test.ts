/**
 * Knowledge packages and deltas as IT's tools or a sync server may send them: the parsers never throw and
 * name each problem's place; whatever passes validation builds an engine that answers any query.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_FORMAT, KNOWLEDGE_VERSION, parseKnowledgePackage } from '@common/knowledge/package-schema';
import { parseKnowledgeDelta } from '@common/knowledge/delta-schema';
import { KnowledgeEngine, decodeIndex, encodeIndex } from '@common/knowledge/engine';
import { fuzz } from './fuzz-params';
import { hostileJson, mutated } from './hostile';

/** Text as authors write it and as a broken export leaves it: CJK, full-width, emoji, marks, control characters. */
const words = fc.oneof(
  fc.constantFrom('信用卡', '挂失', '掛失', '密码', 'ＡＴＭ', 'card', 'lost', 'PIN', 'don’t', 'café', '🙂', '\u0301', '\u200B', '\u0000', ' ', '-', '…', '%s', '<b>'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const phrase = (maxWords: number) => fc.array(words, { minLength: 1, maxLength: maxWords }).map((parts) => parts.join(' '));
const articleId = fc.stringMatching(/^[\w.:-]{1,20}$/);

const article = fc.record(
  {
    id: articleId,
    title: phrase(6),
    questions: fc.array(phrase(8), { maxLength: 4 }),
    body: phrase(30),
    tags: fc.array(phrase(2), { maxLength: 3 }),
    product: fc.constantFrom('credit-card', 'loan', ''),
    lang: fc.constantFrom('zh-CN', 'zh-TW', 'en'),
    updatedAt: fc.constant('2026-01-02T03:04:05Z'),
    deleted: fc.boolean(),
  },
  { requiredKeys: ['id', 'title', 'lang', 'updatedAt'] },
);

const knowledgePackage = fc.record({
  format: fc.constant(KNOWLEDGE_FORMAT),
  version: fc.constant(KNOWLEDGE_VERSION),
  articles: fc.uniqueArray(article, { selector: (a) => a.id, maxLength: 6 }),
  synonyms: fc.array(fc.array(phrase(2), { minLength: 2, maxLength: 3 }), { maxLength: 3 }),
});

const delta = fc.record({
  format: fc.constant(KNOWLEDGE_FORMAT),
  version: fc.constant(KNOWLEDGE_VERSION),
  cursor: fc.string({ minLength: 1, maxLength: 20 }),
  hasMore: fc.boolean(),
  articles: fc.array(fc.oneof(article, mutated(article, hostileJson)), { maxLength: 6 }),
});

/** JSON text of a document, cut short at a random place half the time (a download that stopped). */
const asText = (documents: fc.Arbitrary<unknown>) =>
  fc.tuple(documents, fc.option(fc.nat())).map(([document, cut]) => {
    const text = JSON.stringify(document) ?? '';
    return cut === null ? text : text.slice(0, cut % (text.length + 1));
  });

const PLACE = /^(not valid JSON|\(root\)|\[|[\p{L}\p{N}_$-]+(\.|\[|:)|articles\[\d+\])/u;

describe('knowledge packages and deltas (fuzzed)', { timeout: 30_000 }, () => {
  it('parses any package text without throwing, naming where each problem is', () => {
    const documents = fc.oneof(knowledgePackage, mutated(knowledgePackage, hostileJson), mutated(mutated(knowledgePackage, hostileJson), hostileJson), hostileJson);
    fuzz(
      fc.property(asText(documents), (text) => {
        const result = parseKnowledgePackage(text);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(error).toMatch(PLACE);
      }),
      150,
    );
  });

  it('parses any delta text without throwing; a bad article is skipped by its index, the rest kept', () => {
    fuzz(
      fc.property(fc.oneof(asText(delta), asText(mutated(delta, hostileJson))), (text) => {
        const result = parseKnowledgeDelta(text);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        for (const line of result.value.skipped) expect(line).toMatch(/^articles\[\d+\]/);
        expect(new Set(result.value.articles.map((a) => a.id)).size).toBe(result.value.articles.length);
      }),
      150,
    );
  });

  it('builds an engine from any valid package that answers any query, the same after a save and load', () => {
    const query = fc.oneof(phrase(5), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', ' ', '*', '"', 'a'.repeat(5000)));
    fuzz(
      fc.property(knowledgePackage, fc.array(query, { minLength: 1, maxLength: 4 }), (document, queries) => {
        const parsed = parseKnowledgePackage(JSON.stringify(document));
        if (!parsed.ok) return; // e.g. a title of spaces only: refused by name, as the parse test checks
        const live = parsed.value.articles.filter((a) => !a.deleted);
        const engine = KnowledgeEngine.build(live, parsed.value.synonyms);
        const reloaded = KnowledgeEngine.load(decodeIndex(encodeIndex(engine.data)));
        const ids = new Set(live.map((a) => a.id));
        for (const q of queries) {
          const hits = engine.search(q, { limit: 5 });
          expect(hits.length).toBeLessThanOrEqual(5);
          for (const hit of hits) {
            expect(ids.has(hit.id)).toBe(true);
            expect(Number.isFinite(hit.score)).toBe(true);
          }
          expect(reloaded.search(q, { limit: 5 }).map((h) => h.id)).toEqual(hits.map((h) => h.id));
        }
      }),
      40,
    );
  });
});
