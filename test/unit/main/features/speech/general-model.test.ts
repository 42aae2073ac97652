/**
 * The general English model interpolated with the domain one (issue 22 §2): which file is used, clear
 * errors for a missing or unreadable one, the words it adds, and decoders kept per leg so the next call on
 * the same model does not load again.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEBIAN_EN_US } from '@main/features/speech/config';
import { generalModelPath, PocketsphinxEngine } from '@main/features/speech/pocketsphinx/engine';
import { loadPocketsphinx } from '@main/features/speech/pocketsphinx/ffi';
import { freshModelCache, testEngineConfig } from '../../../../fixtures/speech/engine-config';
import { engineFailure } from './engine-failure';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-general-model-'));
const cache = freshModelCache();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('the general language model', () => {
  it('is the en-us.lm.bin beside the dictionary unless configured; null or a domain weight of 1 turns it off', () => {
    expect(generalModelPath(testEngineConfig())).toBe(`${DEBIAN_EN_US}/en-us.lm.bin`);
    expect(generalModelPath(testEngineConfig({ generalModel: '/models/bank.lm' }))).toBe('/models/bank.lm');
    expect(generalModelPath(testEngineConfig({ generalModel: null }))).toBeNull();
    expect(generalModelPath(testEngineConfig({ domainWeight: 1 }))).toBeNull();
    // A dictionary elsewhere with no model beside it: the domain model alone, not an error.
    const dict = join(dir, 'words.dict');
    copyFileSync(`${DEBIAN_EN_US}/cmudict-en-us.dict`, dict);
    expect(generalModelPath(testEngineConfig({ dictionary: dict }))).toBeNull();
  });

  it('names a configured model that is missing or not a language model', async () => {
    const missing = join(dir, 'none.lm');
    expect(await engineFailure(PocketsphinxEngine.create(testEngineConfig({ generalModel: missing }), cache))).toEqual({
      code: 'model-missing',
      message: `general language model not found: ${missing}`,
    });
    const html = join(dir, 'page.lm');
    writeFileSync(html, '<html>404 Not Found</html>\n');
    expect(await engineFailure(PocketsphinxEngine.create(testEngineConfig({ generalModel: html }), cache))).toEqual({
      code: 'bad-config',
      message: `cannot read the general language model ${html}; check that it is an ARPA or sphinx binary model`,
    });
  });

  it('lists its unigrams by probability: common words first', () => {
    const api = loadPocketsphinx();
    const lm = api.loadLm(`${DEBIAN_EN_US}/en-us.lm.bin`);
    expect(lm).not.toBeNull();
    const unigrams = api.unigrams(lm as bigint).sort((a, b) => b.log10Prob - a.log10Prob);
    api.freeLm(lm as bigint);
    expect(unigrams.length).toBeGreaterThan(50_000);
    expect(unigrams.slice(0, 10).map((u) => u.word)).toContain('the');
    const rank = (word: string): number => unigrams.findIndex((u) => u.word === word);
    // Words the knowledge base never uses but customers say (issue 22 §2) are within the default 10,000.
    for (const word of ['thanks', 'correct', 'update', 'eleven', "i'd"]) expect(rank(word), word).toBeLessThan(10_000);
  });

  it('adds its common words to the dictionary, keeps the domain model to the corpus, and reuses a leg\'s decoder', { timeout: 120_000 }, async () => {
    const engine = await PocketsphinxEngine.create(testEngineConfig(), cache);
    try {
      const first = await engine.open({ language: 'en-US', hints: [], keywords: [], leg: 'customer' });
      expect(first.info.model.words).toBeGreaterThan(first.info.model.lmWords + 5000);
      expect(first.info.reused).toBe(false);
      await first.finish();
      first.close();
      // The same leg on the same model: the finished stream's decoder, no load.
      const second = await engine.open({ language: 'en-US', hints: [], keywords: [], leg: 'customer' });
      expect(second.info.reused).toBe(true);
      // Another leg, or a stream closed without finishing, gets a decoder of its own.
      const agent = await engine.open({ language: 'en-US', hints: [], keywords: [], leg: 'agent' });
      expect(agent.info.reused).toBe(false);
      second.close();
      agent.close();
      const third = await engine.open({ language: 'en-US', hints: [], keywords: [], leg: 'customer' });
      expect(third.info.reused).toBe(false);
      await third.finish();
      third.close();
      // A call with other hints has another model: the spare is not for it.
      const hinted = await engine.open({ language: 'en-US', hints: ['mortgage holiday'], keywords: [], leg: 'customer' });
      expect(hinted.info.reused).toBe(false);
      hinted.close();
    } finally {
      engine.dispose();
    }
  });
});
