/**
 * A missing or wrong model must give a clear error (what, where, which code), never a crash or a hang:
 * the pane then says transcription is unavailable and why.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineFailure } from './engine-failure';
import { DEBIAN_EN_US, parseSpeechServiceConfig } from '@main/features/speech/config';
import { createEngineRegistry } from '@main/features/speech/engine-registry';
import { PocketsphinxEngine } from '@main/features/speech/pocketsphinx/engine';
import { loadPocketsphinx } from '@main/features/speech/pocketsphinx/ffi';
import { PocketsphinxRecognizer } from '@main/features/speech/pocketsphinx/recognizer';
import { testEngineConfig } from '../../../../fixtures/speech/engine-config';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-speech-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failure = engineFailure;

/** A copy of Debian's acoustic model with one file replaced. */
function modelWith(file: string, content: string | null): string {
  const copy = mkdtempSync(join(dir, 'am-'));
  for (const name of readdirSync(`${DEBIAN_EN_US}/en-us`)) copyFileSync(join(`${DEBIAN_EN_US}/en-us`, name), join(copy, name));
  if (content === null) rmSync(join(copy, file));
  else writeFileSync(join(copy, file), content);
  return copy;
}

describe('pocketsphinx model errors', () => {
  it('names a missing acoustic model folder', async () => {
    const missing = join(dir, 'no-such-model');
    expect(await failure(PocketsphinxEngine.create(testEngineConfig({ acousticModel: missing }), dir))).toEqual({
      code: 'model-missing',
      message: `acoustic model folder not found: ${missing}`,
    });
  });

  it('names the file a folder lacks (e.g. the parent folder given instead of the model)', async () => {
    const { code, message } = await failure(PocketsphinxEngine.create(testEngineConfig({ acousticModel: DEBIAN_EN_US }), dir));
    expect(code).toBe('model-missing');
    expect(message).toContain(`acoustic model folder ${DEBIAN_EN_US} has no mdef`);
  });

  it('refuses a damaged model file before libpocketsphinx can exit the process over it', async () => {
    const damaged = modelWith('means', '<html>404 Not Found</html>');
    expect(await failure(PocketsphinxEngine.create(testEngineConfig({ acousticModel: damaged }), dir))).toEqual({
      code: 'bad-config',
      message: `${join(damaged, 'means')} is not a pocketsphinx model file`,
    });
  });

  it('names a missing dictionary or knowledge package, and a package that is not JSON', async () => {
    expect(await failure(PocketsphinxEngine.create(testEngineConfig({ dictionary: join(dir, 'x.dict') }), dir))).toEqual({
      code: 'model-missing',
      message: `pronouncing dictionary not found: ${join(dir, 'x.dict')}`,
    });
    expect((await failure(PocketsphinxEngine.create(testEngineConfig({ knowledgePackages: [join(dir, 'kb.json')] }), dir))).message).toBe(
      `knowledge package not found: ${join(dir, 'kb.json')}`,
    );
    writeFileSync(join(dir, 'broken.json'), '{"articles": [');
    expect(await failure(PocketsphinxEngine.create(testEngineConfig({ knowledgePackages: [join(dir, 'broken.json')] }), dir))).toMatchObject({ code: 'bad-config' });
  });

  it('reports a missing libpocketsphinx as engine-unavailable with the package to install', async () => {
    const load = (): ReturnType<typeof loadPocketsphinx> => loadPocketsphinx({ pocketsphinx: 'libpocketsphinx-missing.so.9', sphinxbase: 'libsphinxbase-missing.so.9' });
    const { code, message } = await failure(PocketsphinxEngine.create(testEngineConfig(), dir, load));
    expect(code).toBe('engine-unavailable');
    expect(message).toMatch(/install Debian's libpocketsphinx3 and pocketsphinx-en-us/);
  });

  it('reports a language model pocketsphinx rejects as bad-config (decoder not created, process alive)', async () => {
    writeFileSync(join(dir, 'garbage.lm'), 'this is not an ARPA file\n');
    const { code, message } = await failure(
      PocketsphinxRecognizer.open(loadPocketsphinx(), {
        acousticModel: `${DEBIAN_EN_US}/en-us`,
        dictionary: `${DEBIAN_EN_US}/cmudict-en-us.dict`,
        languageModel: join(dir, 'garbage.lm'),
      }),
    );
    expect(code).toBe('bad-config');
    expect(message).toContain(join(dir, 'garbage.lm'));
  });
});

describe('engine registry', () => {
  it('answers a language nobody serves with unsupported-language and what is configured', async () => {
    const registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir: dir }));
    expect(await failure(registry.engineFor('zh-CN'))).toEqual({ code: 'unsupported-language', message: 'no speech engine is configured for zh-CN (configured: en-US)' });
  });

  it('serves en-GB with the en-US engine', async () => {
    const registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir: dir, engines: [testEngineConfig()] }));
    expect((await registry.engineFor('en-GB')).name).toBe('pocketsphinx');
  });

  it('sherpa-onnx: model-missing while its folder is absent, then naming the files an empty folder lacks (failures are not cached)', async () => {
    const modelDir = join(dir, 'sherpa-zh');
    const registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir: dir, engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN', 'zh-TW'], modelDir }] }));
    expect(await failure(registry.engineFor('zh-CN'))).toEqual({
      code: 'model-missing',
      message: `sherpa-onnx model folder not found: ${modelDir} (for zh-CN, zh-TW); IT sets this path in the policy`,
    });
    mkdirSync(modelDir);
    expect(await failure(registry.engineFor('zh-CN'))).toEqual({
      code: 'model-missing',
      message: expect.stringContaining(`sherpa-onnx model folder ${modelDir} has no encoder*.onnx, decoder*.onnx, tokens.txt`) as string,
    });
  });

  it('rejects an invalid configuration with every problem and its path', () => {
    expect(() => parseSpeechServiceConfig({ engines: [{ engine: 'pocketsphinx', endSilenceMs: 5 }, { engine: 'kaldi' }], maxQueueMs: 'x' })).toThrow(
      /engines\.0\.endSilenceMs: .*; engines\.1\.engine: .*; maxQueueMs: /,
    );
  });
});
