/** The domain model builder: text normalisation, the corpus, the back-off trigram LM and the model cache. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArpa } from '@main/features/speech/model/arpa';
import { buildCorpus } from '@main/features/speech/model/corpus';
import { ensureDomainModel, MAX_CACHED_MODELS } from '@main/features/speech/model/domain-model';
import { toWords } from '@main/features/speech/model/normalise';
import { integerToWords } from '@main/features/speech/model/numbers';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-speech-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('toWords', () => {
  it('spells numbers as callers say them and digit strings digit by digit', () => {
    expect(integerToWords('1200')).toEqual(['one', 'thousand', 'two', 'hundred']);
    expect(integerToWords('500000')).toEqual(['five', 'hundred', 'thousand']);
    expect(integerToWords('0571')).toEqual(['zero', 'five', 'seven', 'one']);
    expect(toWords('Raise my limit to 50,000 — an extra 1.5%?')).toEqual(['raise', 'my', 'limit', 'to', 'fifty', 'thousand', 'an', 'extra', 'one', 'point', 'five']);
  });

  it('keeps apostrophes inside words only and splits hyphenated words', () => {
    expect(toWords("I can't pay the 'foreign-currency' part")).toEqual(['i', "can't", 'pay', 'the', 'foreign', 'currency', 'part']);
  });
});

describe('buildCorpus', () => {
  const pkg = {
    articles: [
      { title: 'Report a lost card', questions: ['I lost my card'], tags: ['lost card'], body: '**Steps:**\n1. Verify identity.\n2. Block the card.', lang: 'en' },
      { title: '信用卡挂失', questions: ['我卡丢了'], lang: 'zh-CN' },
      { title: 'Old article', lang: 'en', deleted: true },
    ],
  };

  it('takes titles, questions, tags and body sentences of the language, plus keywords and hints', () => {
    const corpus = buildCorpus({ knowledgePackages: [pkg], language: 'en', keywords: ['regulator'], hints: ['premium card'], withoutGeneric: true }).map((s) => s.join(' '));
    expect(corpus).toEqual(expect.arrayContaining(['report a lost card', 'i lost my card', 'lost card', 'verify identity', 'block the card', 'regulator', 'premium card']));
    expect(corpus.join(' ')).not.toMatch(/old article|steps/);
    expect(corpus.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(false);
  });

  it('names the package that is not a knowledge package', () => {
    expect(() => buildCorpus({ knowledgePackages: [{}, { articles: 'x' }], language: 'en' })).toThrow(/knowledge package 1/);
  });
});

/** Minimal ARPA reader and back-off evaluator, to check the model is a proper distribution. */
function arpaModel(text: string): { prob(history: string[], word: string): number; vocabulary: string[] } {
  const grams = new Map<string, { p: number; bo: number }>();
  let order = 0;
  for (const line of text.split('\n')) {
    const section = /^\\(\d)-grams:$/.exec(line);
    if (section) order = Number(section[1]);
    else if (order > 0 && line.includes('\t')) {
      const [p, words, bo] = line.split('\t');
      grams.set(words as string, { p: 10 ** Number(p), bo: bo === undefined ? 1 : 10 ** Number(bo) });
    }
  }
  const prob = (history: string[], word: string): number => {
    const key = [...history, word].join(' ');
    const seen = grams.get(key);
    if (seen) return seen.p;
    if (history.length === 0) return 0;
    const backoff = grams.get(history.join(' '))?.bo ?? 1;
    return backoff * prob(history.slice(1), word);
  };
  const vocabulary = [...grams.keys()].filter((k) => !k.includes(' ') && k !== '<s>');
  return { prob, vocabulary };
}

describe('buildArpa', () => {
  const sentences = ['i lost my card', 'i lost my phone', 'my card was stolen', 'block my card please', 'i want to block my card'].map((s) => s.split(' '));
  const vocabulary = new Set(sentences.flat());

  it('gives every history a probability distribution that sums to one (seen and backed-off words alike)', () => {
    const model = arpaModel(buildArpa(sentences, vocabulary).arpa);
    for (const history of [['<s>'], ['my'], ['lost', 'my'], ['<s>', 'i'], ['block', 'my'], ['card'], ['stolen'], ['please', 'my']]) {
      const total = model.vocabulary.reduce((sum, w) => sum + model.prob(history, w), 0);
      expect(total, history.join(' ')).toBeCloseTo(1, 4);
    }
  });

  it('prefers what the corpus says and still allows new combinations of its words', () => {
    const model = arpaModel(buildArpa(sentences, vocabulary).arpa);
    expect(model.prob(['lost', 'my'], 'card')).toBeGreaterThan(model.prob(['lost', 'my'], 'please'));
    expect(model.prob(['lost', 'my'], 'please')).toBeGreaterThan(0);
  });

  it('does not join the neighbours of a word the dictionary lacks', () => {
    const { arpa, stats } = buildArpa([['my', 'zzxq', 'card']], new Set(['my', 'card']));
    expect(arpa).not.toMatch(/\tmy card\t/);
    expect(stats.unigrams).toBe(4); // <s>, </s>, my, card
  });
});

describe('ensureDomainModel', () => {
  const dictionary = join(dir, 'full.dict');
  writeFileSync(dictionary, ['card K AA R D', 'lost L AO S T', 'my M AY', 'one W AH N', 'one(2) HH W AH N', 'two T UW', 'zebra Z IY B R AH'].join('\n'));
  const cacheDir = join(dir, 'cache');

  it('cuts the dictionary to the corpus words (with alternates) and lists the words it lacks', async () => {
    const model = await ensureDomainModel({ dictionaryPath: dictionary, sentences: [['i', 'lost', 'my', 'card'], ['one', 'two']], cacheDir });
    expect(readFileSync(model.dictPath, 'utf8').trim().split('\n')).toEqual(['card K AA R D', 'lost L AO S T', 'my M AY', 'one W AH N', 'one(2) HH W AH N', 'two T UW']);
    expect(model.oov).toEqual(['i']);
    expect(readFileSync(model.lmPath, 'utf8')).toMatch(/^\\data\\\nngram 1=7\n/);
  });

  it('reuses the cached model for the same corpus and builds a new one when the corpus changes', async () => {
    const first = await ensureDomainModel({ dictionaryPath: dictionary, sentences: [['lost', 'card']], cacheDir });
    const again = await ensureDomainModel({ dictionaryPath: dictionary, sentences: [['lost', 'card']], cacheDir });
    const changed = await ensureDomainModel({ dictionaryPath: dictionary, sentences: [['lost', 'card'], ['my', 'card']], cacheDir });
    expect([first.built, again.built, changed.built]).toEqual([true, false, true]);
    expect(again.key).toBe(first.key);
    expect(changed.key).not.toBe(first.key);
  });

  it('keeps the most recently used models and deletes the rest beyond the bound', async () => {
    const evicting = join(dir, 'evict');
    const build = (n: number) => ensureDomainModel({ dictionaryPath: dictionary, sentences: [['card'], ...Array.from({ length: n }, () => ['my', 'card'])], cacheDir: evicting });
    const first = await build(0);
    for (let n = 1; n < MAX_CACHED_MODELS; n++) await build(n);
    // Age every model, the first most, then use the first again: that use must make it the freshest.
    for (const name of readdirSync(evicting)) {
      const age = new Date(Date.now() - (name === first.key ? 7_200_000 : 3_600_000));
      utimesSync(join(evicting, name), age, age);
    }
    expect((await build(0)).built).toBe(false);
    for (let n = MAX_CACHED_MODELS; n < MAX_CACHED_MODELS + 4; n++) await build(n);
    const kept = readdirSync(evicting);
    expect(kept).toHaveLength(MAX_CACHED_MODELS);
    expect(kept).toContain(first.key);
  });

  it('says which dictionary is missing', async () => {
    await expect(ensureDomainModel({ dictionaryPath: join(dir, 'nope.dict'), sentences: [['card']], cacheDir })).rejects.toThrow(`pronouncing dictionary not found: ${join(dir, 'nope.dict')}`);
  });
});
