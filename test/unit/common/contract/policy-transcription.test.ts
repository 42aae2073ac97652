/**
 * The policy's transcription section as IT writes it, and what the local speech service is started with.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpeechServiceConfig } from '@main/features/speech/config';
import { localSpeechConfig, speechServiceConfigFromPolicy } from '@main/features/speech/policy-config';
import { transcriptionPolicySchema } from '@common/contract/policy-transcription';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-transcription-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = (value: unknown): string[] => {
  const result = transcriptionPolicySchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('transcription policy', () => {
  it('defaults to the local engine, English with pocketsphinx, hints on', () => {
    expect(transcriptionPolicySchema.parse(undefined)).toEqual({
      provider: 'local',
      languages: ['en-US'],
      engines: [{ engine: 'pocketsphinx', languages: ['en-US'], endSilenceMs: 400 }],
      hints: true,
    });
  });

  it('requires the bank ASR server’s address for the bank-asr provider, wss:// (ws:// only on loopback)', () => {
    expect(problems({ provider: 'bank-asr' })).toEqual(['asrUrl: is required when provider is "bank-asr" (the wss:// address of the bank\'s ASR server)']);
    expect(problems({ provider: 'bank-asr', asrUrl: 'ws://asr.bank.example/v1' })).toEqual(['asrUrl: must be a wss:// URL (ws:// only for 127.0.0.1, localhost or [::1])']);
    expect(problems({ provider: 'bank-asr', asrUrl: 'https://asr.bank.example/v1' })).toEqual(['asrUrl: must be a wss:// URL']);
    expect(problems({ provider: 'bank-asr', asrUrl: 'wss://asr.bank.example/v1' })).toEqual([]);
    expect(problems({ provider: 'bank-asr', asrUrl: 'ws://127.0.0.1:9090/' })).toEqual([]);
  });

  it('needs a model path for sherpa-onnx and rejects unknown keys and bad language tags', () => {
    expect(problems({ engines: [{ engine: 'sherpa-onnx', languages: ['zh-CN'] }] })).toEqual(['engines.0.modelPath: Invalid input: expected string, received undefined']);
    expect(problems({ languages: ['chinese'] })).toEqual(['languages.0: must be a language tag like en-US or zh-CN']);
    expect(problems({ engine: 'pocketsphinx' })).toEqual([': Unrecognized key: "engine"']);
    expect(problems({ languages: [] })).toEqual(['languages: must list at least one language']);
  });
});

describe('local speech service configuration from the policy', () => {
  it('maps engines to the service’s own configuration, which the service accepts', () => {
    const policy = transcriptionPolicySchema.parse({
      languages: ['en-US', 'zh-CN'],
      engines: [
        { engine: 'pocketsphinx', endSilenceMs: 300 },
        { engine: 'sherpa-onnx', languages: ['zh-CN'], modelPath: '/opt/models/zh' },
      ],
    });
    const config = speechServiceConfigFromPolicy(policy, { knowledgePackages: ['/kb.json'], keywords: ['complaint'], cacheDir: '/cache' });
    expect(parseSpeechServiceConfig(config)).toMatchObject({
      cacheDir: '/cache',
      engines: [
        { engine: 'pocketsphinx', languages: ['en-US'], endSilenceMs: 300, knowledgePackages: ['/kb.json'], keywords: ['complaint'] },
        { engine: 'sherpa-onnx', languages: ['zh-CN'], modelDir: '/opt/models/zh' },
      ],
    });
  });

  it('uses the policy’s knowledge package (relative to the policy file), else the bundled one, and the English keyword rules', () => {
    const kb = join(dir, 'kb.json');
    writeFileSync(kb, '{"articles":[]}');
    const bundled = join(dir, 'bundled.json');
    writeFileSync(bundled, '{"articles":[]}');
    const source = join(dir, 'policy.json');
    const named = localSpeechConfig({ knowledge: { packagePath: 'kb.json' } }, { policySource: source, defaultPackage: bundled });
    expect(named?.engines?.[0]).toMatchObject({ knowledgePackages: [kb] });
    const fallback = localSpeechConfig({}, { policySource: source, defaultPackage: bundled });
    const engine = fallback?.engines?.[0] as { knowledgePackages: string[]; keywords: string[] };
    expect(engine.knowledgePackages).toEqual([bundled]);
    expect(engine.keywords).toEqual(expect.arrayContaining(['complaint', 'regulator', 'card number']));
    expect(engine.keywords.some((k) => /[\u4e00-\u9fff]/.test(k)), 'Chinese phrases are not for the English model').toBe(false);
    const missing = localSpeechConfig({ knowledge: { packagePath: 'gone.json' } }, { policySource: source });
    expect(missing?.engines?.[0]).toMatchObject({ knowledgePackages: [] });
  });

  it('is null when the policy does not use the local service', () => {
    expect(localSpeechConfig({ transcription: { provider: 'off' } }, { policySource: '/p.json' })).toBeNull();
    expect(localSpeechConfig({ transcription: { provider: 'bank-asr', asrUrl: 'wss://asr.bank.example' } }, { policySource: '/p.json' })).toBeNull();
    expect(() => localSpeechConfig({ transcription: { provider: 'cloud' } }, { policySource: '/p.json' })).toThrow(/^transcription\.provider: /);
  });
});
