/**
 * The sherpa-onnx engine without a model (none is available here): what IT sees when the package, the model
 * folder or a model file is wrong, and how the policy maps to the recogniser configuration. Recognition
 * itself is NOT tested: that needs a real streaming model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineFailure } from './engine-failure';
import { transcriptionPolicySchema } from '@common/contract/policy-transcription';
import { parseSpeechServiceConfig, type SherpaOnnxConfig } from '@main/features/speech/config';
import { createEngineRegistry } from '@main/features/speech/engine-registry';
import { speechServiceConfigFromPolicy } from '@main/features/speech/policy-config';
import { loadSherpaOnnx } from '@main/features/speech/sherpa/binding';
import { SherpaOnnxEngine } from '@main/features/speech/sherpa/engine';
import { findSherpaModel } from '@main/features/speech/sherpa/model-files';
import { inspectOnnx } from '@main/features/speech/sherpa/onnx-check';
import { sherpaRecognizerConfig } from '@main/features/speech/sherpa/recognizer-config';
import { startSpeechServer } from '@main/features/speech/server';
import { SpeechTestClient } from '../../../../fixtures/speech/speech-client';
import { modelFolder, onnxModelBytes, paraformerEncoderBytes, TOKENS } from './sherpa-onnx-files';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-sherpa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (modelDir: string): SherpaOnnxConfig => parseSpeechServiceConfig({ engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN'], modelDir }] }).engines[0] as SherpaOnnxConfig;

const failure = engineFailure;

describe('sherpa-onnx package', () => {
  it('reports an absent package as engine-unavailable naming the package, before looking at the model', async () => {
    const absent = (): Promise<never> => Promise.reject(new Error("Cannot find package 'sherpa-onnx-node' imported from /app/out/main/speech-service.js"));
    const { code, message } = await failure(SherpaOnnxEngine.create(config(join(dir, 'no-model')), () => loadSherpaOnnx(absent)));
    expect(code).toBe('engine-unavailable');
    expect(message).toContain('sherpa-onnx-node');
    expect(message).toContain(`sherpa-onnx-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`);
  });

  it('refuses a module that is not sherpa-onnx-node', async () => {
    expect((await failure(loadSherpaOnnx(() => Promise.resolve({ default: {} })))).code).toBe('engine-unavailable');
  });

  it('loads the installed package and its native binary for this platform', async () => {
    const api = await loadSherpaOnnx();
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('sherpa-onnx model folder (checked before native code sees it)', () => {
  it('names a missing folder, and the files a folder lacks', async () => {
    const missing = join(dir, 'absent');
    expect(await failure(SherpaOnnxEngine.create(config(missing)))).toEqual({
      code: 'model-missing',
      message: `sherpa-onnx model folder not found: ${missing} (for zh-CN); IT sets this path in the policy`,
    });
    const partial = modelFolder(join(dir, 'partial'), { 'decoder.onnx': onnxModelBytes() });
    const { code, message } = await failure(SherpaOnnxEngine.create(config(partial)));
    expect(code).toBe('model-missing');
    expect(message).toContain(`sherpa-onnx model folder ${partial} has no encoder*.onnx, tokens.txt`);
  });

  it('refuses text saved as .onnx files with bad-config, and the test process survives (the native code would abort it)', async () => {
    const garbage = modelFolder(join(dir, 'garbage'), {
      'encoder.onnx': '<html>404 Not Found</html>',
      'decoder.onnx': 'not a model',
      'joiner.onnx': 'not a model',
      'tokens.txt': TOKENS,
    });
    expect(await failure(SherpaOnnxEngine.create(config(garbage)))).toEqual({
      code: 'bad-config',
      message: `${join(garbage, 'encoder.onnx')} is not a usable ONNX model: it has bytes at 0 that are not an ONNX model field`,
    });
  });

  it('refuses empty and truncated model files, naming the file', async () => {
    const empty = modelFolder(join(dir, 'empty'), { 'encoder.onnx': onnxModelBytes(), 'decoder.onnx': '', 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect((await failure(SherpaOnnxEngine.create(config(empty)))).message).toBe(`${join(empty, 'decoder.onnx')} is not a usable ONNX model: it is empty`);
    const whole = onnxModelBytes(5000);
    const cut = modelFolder(join(dir, 'cut'), { 'encoder.onnx': whole.subarray(0, 3000), 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    const { code, message } = await failure(SherpaOnnxEngine.create(config(cut)));
    expect(code).toBe('bad-config');
    expect(message).toMatch(/encoder\.onnx is not a usable ONNX model: it is truncated: it ends at byte 3000/);
  });

  it('refuses a tokens.txt that is not "<symbol> <id>" lines', async () => {
    const html = modelFolder(join(dir, 'tokens'), { 'encoder.onnx': onnxModelBytes(), 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': '<!doctype html>\n<title>Login</title>\n' });
    const { code, message } = await failure(findSherpaModel(html, ['zh-CN']));
    expect(code).toBe('bad-config');
    expect(message).toContain('is not a sherpa-onnx tokens.txt');
  });

  it('accepts structurally sound ONNX files and reads their metadata', async () => {
    const file = join(modelFolder(join(dir, 'one'), { 'm.onnx': onnxModelBytes(300, { model_type: 'zipformer', T: '39' }) }), 'm.onnx');
    const { problem, metadata } = await inspectOnnx(file);
    expect(problem).toBeNull();
    expect(Object.fromEntries(metadata)).toEqual({ model_type: 'zipformer', T: '39' });
  });

  it('refuses a valid ONNX file that is not a sherpa-onnx model (sherpa-onnx would crash on it)', async () => {
    const plain = modelFolder(join(dir, 'plain'), { 'encoder.onnx': onnxModelBytes(64, {}), 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect((await failure(findSherpaModel(plain, ['zh-CN']))).message).toContain('encoder.onnx is not a sherpa-onnx streaming transducer encoder (no model_type in its metadata)');
    const odd = modelFolder(join(dir, 'odd'), { 'encoder.onnx': onnxModelBytes(64, { model_type: 'whisper' }), 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect(await failure(findSherpaModel(odd, ['zh-CN']))).toMatchObject({ code: 'bad-config', message: expect.stringContaining('is a "whisper" transducer') as string });
    const paraformer = modelFolder(join(dir, 'para-plain'), { 'encoder.onnx': onnxModelBytes(), 'decoder.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect((await failure(findSherpaModel(paraformer, ['zh-CN']))).message).toContain('is not a sherpa-onnx streaming paraformer encoder (no vocab_size in its metadata)');
  });

  it('recognises the transducer layout (preferring int8 files) and the paraformer layout', async () => {
    const transducer = modelFolder(join(dir, 'zipformer'), {
      'encoder-epoch-99-avg-1.onnx': onnxModelBytes(),
      'encoder-epoch-99-avg-1.int8.onnx': onnxModelBytes(),
      'decoder-epoch-99-avg-1.onnx': onnxModelBytes(),
      'joiner-epoch-99-avg-1.int8.onnx': onnxModelBytes(),
      'tokens.txt': TOKENS,
    });
    expect(await findSherpaModel(transducer, ['zh-CN'])).toEqual({
      kind: 'transducer',
      encoder: join(transducer, 'encoder-epoch-99-avg-1.int8.onnx'),
      decoder: join(transducer, 'decoder-epoch-99-avg-1.onnx'),
      joiner: join(transducer, 'joiner-epoch-99-avg-1.int8.onnx'),
      tokens: join(transducer, 'tokens.txt'),
    });
    const paraformer = modelFolder(join(dir, 'paraformer'), { 'encoder.int8.onnx': paraformerEncoderBytes(), 'decoder.int8.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect(await findSherpaModel(paraformer, ['zh-CN'])).toEqual({
      kind: 'paraformer',
      encoder: join(paraformer, 'encoder.int8.onnx'),
      decoder: join(paraformer, 'decoder.int8.onnx'),
      tokens: join(paraformer, 'tokens.txt'),
    });
  });

  it('through the registry: model-missing until IT puts the model in place (failures are not cached)', async () => {
    const modelDir = join(dir, 'later');
    const registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir: dir, engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN', 'zh-TW'], modelDir }] }));
    expect((await failure(registry.engineFor('zh-TW'))).code).toBe('model-missing');
    modelFolder(modelDir, { 'encoder.onnx': 'x', 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    expect((await failure(registry.engineFor('zh-CN'))).code).toBe('bad-config');
  });
});

describe('sherpa-onnx configuration from the policy', () => {
  it('maps the policy model path and the end-of-utterance silence to sherpa-onnx endpoint rules', async () => {
    const modelPath = modelFolder(join(dir, 'policy-model'), { 'encoder.onnx': onnxModelBytes(), 'decoder.onnx': onnxModelBytes(), 'joiner.onnx': onnxModelBytes(), 'tokens.txt': TOKENS });
    const policy = transcriptionPolicySchema.parse({ engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN', 'en-US'], modelPath }] });
    const service = parseSpeechServiceConfig(speechServiceConfigFromPolicy(policy, { knowledgePackages: [] }));
    const engine = service.engines[0] as SherpaOnnxConfig;
    expect(engine).toMatchObject({ engine: 'sherpa-onnx', languages: ['zh-CN', 'en-US'], modelDir: modelPath, endSilenceMs: 800, numThreads: 1 });
    const recognizer = sherpaRecognizerConfig({ ...engine, endSilenceMs: 600 }, await findSherpaModel(modelPath, engine.languages));
    expect(recognizer).toMatchObject({
      featConfig: { sampleRate: 16000, featureDim: 80 },
      modelConfig: { transducer: { encoder: join(modelPath, 'encoder.onnx'), decoder: join(modelPath, 'decoder.onnx'), joiner: join(modelPath, 'joiner.onnx') }, tokens: join(modelPath, 'tokens.txt'), numThreads: 1 },
      enableEndpoint: 1,
      rule1MinTrailingSilence: 2.4,
      rule2MinTrailingSilence: 0.6,
      rule3MinUtteranceLength: 20,
    });
  });

  it('rejects an end-of-utterance silence out of range with its path', () => {
    expect(() => parseSpeechServiceConfig({ engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN'], modelDir: '/m', endSilenceMs: 20 }] })).toThrow(/engines\.0\.endSilenceMs/);
  });
});

describe('sherpa-onnx over the protocol', () => {
  it('a bad model gives the client a bad-config error and the service keeps serving the connection', async () => {
    const modelDir = modelFolder(join(dir, 'served'), { 'encoder.onnx': '', 'decoder.onnx': '', 'joiner.onnx': '', 'tokens.txt': TOKENS });
    const registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir: dir, engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN'], modelDir }] }));
    const server = await startSpeechServer({ registry, allowedOrigins: [] });
    const client = await SpeechTestClient.connect(server.url, { token: server.token });
    try {
      const start = { type: 'start', leg: 'customer', language: 'zh-CN', sampleRate: 16000 };
      client.sendJson(start);
      expect(await client.next('error')).toEqual({ type: 'error', code: 'bad-config', message: `${join(modelDir, 'encoder.onnx')} is not a usable ONNX model: it is empty` });
      client.sendJson(start);
      expect(await client.next('error')).toMatchObject({ code: 'bad-config' });
    } finally {
      await client.close();
      await server.close();
      registry.dispose();
    }
  });
});
