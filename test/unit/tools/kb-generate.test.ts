import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tools/banking77';
import { asPackage, chineseWords, englishWords, generate, weightedSampler } from '../../../tools/kb-generate';
import { knowledgePackageSchema } from '@common/knowledge/package-schema';

// Needs Debian's wamerican and rime-data-pinyin-simp (.ci/run installs both).
const kb = generate(200, 20, 3);
const en = kb.articles.filter((a) => a.lang === 'en');
const zh = kb.articles.filter((a) => a.lang === 'zh-CN');
const lines = (a: (typeof kb.articles)[number]): string[] => [a.title, ...a.questions, a.body ?? ''];
const words = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];
/** list[i], or NaN when out of range (no non-null assertions). */
const nth = (list: readonly number[], i: number): number => list[i] ?? Number.NaN;

describe('kb-generate: word lists', () => {
  it('draws ranks with probability proportional to weight, and from a given rank on', () => {
    const ranks = 1000;
    const draw = weightedSampler(Array.from({ length: ranks }, (_, r) => 1 / (r + 1)), seededRandom(1));
    const counts = new Array<number>(ranks).fill(0);
    for (let i = 0; i < 200_000; i++) {
      const rank = draw();
      counts[rank] = nth(counts, rank) + 1;
    }
    // Zipf (s = 1): rank 1 twice as often as rank 2, ten times as often as rank 10.
    expect(nth(counts, 0) / nth(counts, 1)).toBeCloseTo(2, 0);
    expect(nth(counts, 0) / nth(counts, 9)).toBeGreaterThan(8.5);
    expect(nth(counts, 0) / nth(counts, 9)).toBeLessThan(11.5);
    for (let i = 0; i < 1000; i++) expect(draw(100)).toBeGreaterThanOrEqual(100);
  });

  it('ranks wamerican words commonest first and the Chinese list by its corpus frequencies', () => {
    const english = englishWords(seededRandom(1));
    expect(english.words.slice(0, 3)).toEqual(['the', 'of', 'and']);
    expect(english.words.length).toBeGreaterThan(50_000);
    expect(nth(english.weights, 0) / nth(english.weights, 9)).toBeCloseTo(10, 5);
    const chinese = chineseWords();
    expect(chinese.words[0]).toBe('的');
    expect(chinese.words.length).toBeGreaterThan(50_000);
    expect(chinese.weights.every((w, i) => i === 0 || w <= nth(chinese.weights, i - 1))).toBe(true);
  });

  it('gives generated English text a Zipf-like head: "the" about twice as common as "of"', () => {
    const counts = new Map<string, number>();
    for (const a of en) for (const w of lines(a).flatMap(words)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const ranked = [...counts.values()].sort((x, y) => y - x);
    expect(counts.get('the')).toBe(ranked[0]);
    const ratio = (counts.get('the') ?? 0) / (counts.get('of') ?? Number.NaN);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.6);
    // A long tail: most distinct words occur once or twice.
    expect(ranked.filter((n) => n <= 2).length / ranked.length).toBeGreaterThan(0.5);
  });
});

describe('kb-generate: articles and queries', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    expect(generate(30, 20, 3)).toEqual(generate(30, 20, 3));
    expect(generate(30, 20, 4).articles[0]?.title).not.toBe(generate(30, 20, 3).articles[0]?.title);
  });

  it('writes half the articles in English and half in Chinese, each in its own script', () => {
    expect(en.length).toBe(100);
    expect(zh.length).toBe(100);
    for (const a of en) for (const line of lines(a)) expect(line).toMatch(/^[A-Za-z ?.]+$/);
    for (const a of zh) for (const line of lines(a)) expect(line).toMatch(/^[\p{Script=Han}？。]+$/u);
  });

  it('gives each article a title, the similar questions asked for and a body, at realistic lengths', () => {
    expect(new Set(kb.articles.map((a) => a.id)).size).toBe(200);
    for (const a of kb.articles) expect(a.questions).toHaveLength(20);
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const enQuestionWords = mean(en.flatMap((a) => a.questions.map((q) => words(q).length)));
    expect(enQuestionWords).toBeGreaterThan(6);
    expect(enQuestionWords).toBeLessThan(10);
    const zhQuestionChars = mean(zh.flatMap((a) => a.questions.map((q) => q.replace(/[？。]/g, '').length)));
    expect(zhQuestionChars).toBeGreaterThan(8);
    expect(zhQuestionChars).toBeLessThan(25);
    for (const a of en) expect(a.body?.length).toBeGreaterThanOrEqual(300);
    for (const a of zh) expect(a.body?.length).toBeGreaterThanOrEqual(150);
    for (const a of kb.articles) expect(a.body?.length).toBeLessThan(1000);
  });

  it('asks one paraphrase per article: topic words among other words, never a prefix of its questions', () => {
    expect(kb.queries.map((q) => q.expected)).toEqual(kb.articles.map((a) => a.id));
    kb.queries.forEach((q, i) => {
      const article = kb.articles[i];
      if (!article) throw new Error(`no article for query ${i}`);
      const query = q.query.toLowerCase();
      for (const line of [article.title, ...article.questions]) expect(line.toLowerCase().startsWith(query)).toBe(false);
      if (article.lang === 'en') {
        const asked = new Set(article.questions.flatMap(words));
        expect(words(query).filter((w) => asked.has(w)).length).toBeGreaterThanOrEqual(2);
        expect(words(query).some((w) => !words(article.title).includes(w))).toBe(true);
      }
    });
  });

  it('makes a knowledge package the app accepts', () => {
    expect(knowledgePackageSchema.safeParse(asPackage(kb.articles.slice(0, 10))).success).toBe(true);
  });
});
