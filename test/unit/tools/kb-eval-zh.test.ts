import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '@common/knowledge/engine/fold';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';
import { parseQueries } from '../../../tools/kb-metrics';
import { SAMPLE_KB, topicOf, ZH_SETS } from '../../../tools/kb-eval-zh';

const parsed = parseKnowledgePackage(readFileSync(SAMPLE_KB, 'utf8'));
if (!parsed.ok) throw new Error('sample KB does not parse');
const zhArticles = parsed.value.articles.filter((a) => a.lang?.startsWith('zh'));
// Compared after folding (Traditional → Simplified, width, case) and without spaces and punctuation.
const key = (text: string): string => fold(text).replace(/[\s\p{P}\p{S}]/gu, '');
const kbLines = new Set(zhArticles.flatMap((a) => [a.title, ...a.questions]).map(key));
const topics = new Set(zhArticles.map((a) => topicOf(a.id)));
const load = (set: keyof typeof ZH_SETS) => parseQueries(readFileSync(ZH_SETS[set], 'utf8'), ZH_SETS[set]);

describe('Chinese evaluation sets of the sample knowledge base', () => {
  it.each(['eval', 'dev'] as const)('%s: no query is a title or similar question of the KB', (set) => {
    expect(load(set).filter((q) => kbLines.has(key(q.query))).map((q) => q.query)).toEqual([]);
  });

  it.each(['eval', 'dev'] as const)('%s: every expected answer is a Chinese article topic', (set) => {
    expect(load(set).filter((q) => !topics.has(q.expected)).map((q) => q.expected)).toEqual([]);
  });

  it('holds at least 150 eval and 50 dev queries, none in both', () => {
    const evalSet = load('eval');
    const dev = new Set(load('dev').map((q) => key(q.query)));
    expect(evalSet.length).toBeGreaterThanOrEqual(150);
    expect(dev.size).toBeGreaterThanOrEqual(50);
    expect(evalSet.filter((q) => dev.has(key(q.query))).map((q) => q.query)).toEqual([]);
    expect(new Set(evalSet.map((q) => key(q.query))).size).toBe(evalSet.length);
  });

  it('topicOf drops the language suffix only', () => {
    expect(topicOf('lost-card.zh-CN')).toBe('lost-card');
    expect(topicOf('lost-card.zh-TW')).toBe('lost-card');
    expect(topicOf('atm-card-retained.en')).toBe('atm-card-retained');
    expect(topicOf('lost-card')).toBe('lost-card');
  });
});
