/**
 * The live cepstral mean a leg carries from call to call (issue 22 §1). libpocketsphinx has no getter for
 * it, so ffi.ts reads the decoder's cmn_t through a struct offset: this checks that offset against the one
 * value known before any audio, the acoustic model's -cmninit, and that a mean set is the mean read back.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClip } from '@main/features/speech/evaluate';
import { PocketsphinxEngine } from '@main/features/speech/pocketsphinx/engine';
import { loadPocketsphinx, type PocketsphinxApi, type Pointer } from '@main/features/speech/pocketsphinx/ffi';
import { readWav } from '@main/features/speech/wav';
import { freshModelCache, testEngineConfig } from '../../../../fixtures/speech/engine-config';
import { ensureSpeechFixtures } from '../../../../fixtures/speech/generate';

const config = testEngineConfig();
const api = loadPocketsphinx();
let decoder: Pointer;

beforeAll(async () => {
  const args = api.parseConfig(['-hmm', config.acousticModel, '-dict', config.dictionary, '-samprate', '16000']);
  if (args === null) throw new Error('pocketsphinx rejected the test arguments');
  const loaded = await api.init(args);
  api.freeConfig(args);
  if (loaded === null) throw new Error('pocketsphinx could not load the model');
  decoder = loaded;
}, 60_000);

afterAll(() => decoder && api.free(decoder));

describe('live cepstral mean access', () => {
  it("reads the acoustic model's -cmninit from a fresh decoder", () => {
    const params = readFileSync(join(config.acousticModel, 'feat.params'), 'utf8');
    const cmninit = /-cmninit\s+(\S+)/.exec(params)?.[1]?.split(',').map(Number) ?? [];
    expect(cmninit).toHaveLength(13);
    const mean = Array.from(api.getCmn(decoder));
    expect(mean).toHaveLength(13);
    mean.forEach((value, i) => expect(value).toBeCloseTo(cmninit[i] ?? Number.NaN, 4));
  });

  it('reads back the mean it set, and refuses one of the wrong length', () => {
    const prior = Float32Array.from({ length: 13 }, (_, i) => 30 - i * 1.5);
    api.setCmn(decoder, prior);
    expect(Array.from(api.getCmn(decoder))).toEqual(Array.from(prior));
    expect(() => api.setCmn(decoder, new Float32Array(12))).toThrow(/length 12 .* 13/);
  });
});

describe('cepstral mean prior per leg', () => {
  it("starts a leg's next stream from the mean its last stream ended with, and keeps legs apart", { timeout: 120_000 }, async () => {
    // The real library, with its CMN calls recorded.
    const set: { decoder: Pointer; mean: number[] }[] = [];
    const read: { decoder: Pointer; mean: number[] }[] = [];
    const spy: PocketsphinxApi = {
      ...api,
      setCmn: (d, mean) => (set.push({ decoder: d, mean: Array.from(mean) }), api.setCmn(d, mean)),
      getCmn: (d) => {
        const mean = api.getCmn(d);
        read.push({ decoder: d, mean: Array.from(mean) });
        return mean;
      },
    };
    const cacheDir = freshModelCache();
    const engine = await PocketsphinxEngine.create(testEngineConfig(), cacheDir, () => spy);
    const clips = (await ensureSpeechFixtures()).clips;
    const play = async (leg: 'customer' | 'agent', id: string, hints: string[] = []): Promise<boolean> => {
      const stream = await engine.open({ language: 'en-US', leg, hints, keywords: [] });
      await runClip(stream, (await readWav(clips.find((c) => c.id === id)?.wav16 ?? '')).samples);
      stream.close();
      return stream.info.reused;
    };
    await play('customer', 'lost-card');
    expect(set, 'the first stream of a leg starts from the model').toEqual([]);
    const customerMean = read.at(-1)?.mean;
    await play('agent', 'balance');
    expect(set, 'the agent leg does not inherit the customer mean').toEqual([]);
    // Another model (this call's hints) needs a new decoder: it starts from the leg's last mean.
    expect(await play('customer', 'complaint', ['credit limit increase'])).toBe(false);
    expect(set).toHaveLength(1);
    expect(set[0]?.mean).toEqual(customerMean);
    // The same model again: the leg's kept decoder, whose own mean simply continues (nothing to set).
    const before = read.at(-1)?.mean;
    expect(await play('customer', 'lost-card', ['credit limit increase'])).toBe(true);
    expect(set).toHaveLength(1);
    expect(before).toBeDefined();
    rmSync(cacheDir, { recursive: true, force: true });
  });
});

describe('a library whose feature layout Lingxi does not know', () => {
  it('still recognises: no carried mean, the model default as before', { timeout: 120_000 }, async () => {
    const unknownLayout: PocketsphinxApi = {
      ...api,
      getCmn: () => {
        throw new Error("this libpocketsphinx's feature layout is not the one Lingxi reads");
      },
      setCmn: () => {
        throw new Error("this libpocketsphinx's feature layout is not the one Lingxi reads");
      },
    };
    const cacheDir = freshModelCache();
    const engine = await PocketsphinxEngine.create(testEngineConfig(), cacheDir, () => unknownLayout);
    const clips = (await ensureSpeechFixtures()).clips;
    for (const id of ['lost-card', 'complaint']) {
      const clip = clips.find((c) => c.id === id);
      const stream = await engine.open({ language: 'en-US', leg: 'customer', hints: [], keywords: [] });
      const run = await runClip(stream, (await readWav(clip?.wav16 ?? '')).samples);
      stream.close();
      expect(run.finals.map((f) => f.event.text).join(' '), id).toBe(clip?.text);
    }
    rmSync(cacheDir, { recursive: true, force: true });
  });
});

describe('first utterance decoded again', () => {
  it('keeps the text and the word times of the re-decoded first utterance and of those after it', { timeout: 120_000 }, async () => {
    const cacheDir = freshModelCache();
    const engine = await PocketsphinxEngine.create(testEngineConfig({ redecodeFirst: 'always' }), cacheDir);
    const { conversation } = await ensureSpeechFixtures();
    const stream = await engine.open({ language: 'en-US', leg: 'customer', hints: [], keywords: [] });
    const run = await runClip(stream, (await readWav(conversation.wav16)).samples);
    stream.close();
    rmSync(cacheDir, { recursive: true, force: true });
    expect(run.finals.map((f) => f.event.text)).toEqual(conversation.segments.map((s) => s.text));
    run.finals.forEach((final, i) => {
      expect(Math.abs(final.event.startMs - (conversation.segments[i]?.startMs ?? 0)), `#${i} start`).toBeLessThanOrEqual(150);
      expect(Math.abs(final.event.endMs - (conversation.segments[i]?.endMs ?? 0)), `#${i} end`).toBeLessThanOrEqual(150);
    });
  });
});
