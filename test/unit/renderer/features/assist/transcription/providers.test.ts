/**
 * The two providers speaking protocol v1 to real servers: the colleague's local speech service (pocketsphinx
 * on festival speech) and the bank ASR double, with `ws`'s WebSocket standing in for the browser's. What the
 * agent would notice: the words, partials before the final, times on the call's clock, and a clear
 * "unavailable" with the reason instead of a hang when a model, language or service is missing.
 */
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpeechServiceConfig } from '@main/features/speech/config';
import { createEngineRegistry, type EngineRegistry } from '@main/features/speech/engine-registry';
import { startSpeechServer, type SpeechServer } from '@main/features/speech/server';
import { readWav } from '@main/features/speech/wav';
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import type { StreamResult, StreamStatus, TranscriptionStream } from '@renderer/features/assist/transcription/provider';
import { BankAsrProvider, LocalSpeechProvider, type StreamTuning } from '@renderer/features/assist/transcription/providers';
import type { WebSocketConstructor } from '@renderer/features/assist/transcription/speech-stream';
import { AsrFixture } from '../../../../../fixtures/asr/asr-server';
import { freshModelCache, testEngineConfig } from '../../../../../fixtures/speech/engine-config';
import { ensureSpeechFixtures, type SpeechClip } from '../../../../../fixtures/speech/generate';

const tuning: StreamTuning = { WebSocket: WebSocket as unknown as WebSocketConstructor, backoff: { minMs: 20, maxMs: 100 }, connectTimeoutMs: 2000 };
const cacheDir = freshModelCache();
let registry: EngineRegistry;
let server: SpeechServer;
let asr: AsrFixture;
let lostCard: SpeechClip;
let conversation: SpeechClip;

beforeAll(async () => {
  const fixtures = await ensureSpeechFixtures();
  lostCard = fixtures.clips.find((c) => c.id === 'lost-card') as SpeechClip;
  conversation = fixtures.conversation;
  registry = createEngineRegistry(
    parseSpeechServiceConfig({ cacheDir, engines: [testEngineConfig(), { engine: 'sherpa-onnx', languages: ['zh-CN'], modelDir: '/opt/lingxi/no-such-model' }] }),
  );
  server = await startSpeechServer({ registry, maxQueueMs: 30_000 });
  // Generous queues: the tests send audio far faster than real time.
  asr = await AsrFixture.start({ maxQueueMs: 30_000 });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await asr?.close();
  registry?.dispose();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Collects a stream's results and statuses and waits on them by event. */
function recorder() {
  const results: StreamResult[] = [];
  const statuses: StreamStatus[] = [];
  let wake: () => void = () => undefined;
  const listener = {
    result: (r: StreamResult) => (results.push(r), wake()),
    status: (s: StreamStatus) => (statuses.push(s), wake()),
  };
  const until = async (what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; statuses ${JSON.stringify(statuses)}, results ${JSON.stringify(results)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };
  return { listener, results, statuses, until };
}

/** Sends a clip as 20 ms frames on a call clock starting at `clockMs`, a little faster than real time. */
async function speak(stream: TranscriptionStream, clip: SpeechClip, clockMs: number): Promise<void> {
  const { samples } = await readWav(clip.wav16);
  for (let at = 0; at < samples.length; at += 320) {
    stream.send(samples.slice(at, at + 320).buffer, clockMs + at / 16);
    if ((at / 320) % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const endpointOf = (value: SpeechEndpoint) => ({ speech: { endpoint: async () => value } });

describe('LocalSpeechProvider against the local speech service', () => {
  it('streams a leg: ready from pocketsphinx, partials, then the final with times on the call clock', async () => {
    const rec = recorder();
    const provider = new LocalSpeechProvider(endpointOf({ url: server.url, token: server.token }), tuning);
    const stream = provider.open({ leg: 'customer', language: 'en-US', hints: ['lost card'], keywords: ['credit card'] }, rec.listener);
    await speak(stream, lostCard, 10_000);
    await stream.stop();
    expect(rec.statuses.map((s) => s.state)).toEqual(['connecting', 'ready']);
    expect(rec.statuses[1]).toMatchObject({ engine: 'pocketsphinx', droppedMs: 0 });
    const kinds = rec.results.map((r) => r.kind);
    expect(kinds.indexOf('partial')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('partial')).toBeLessThan(kinds.indexOf('final'));
    const final = rec.results.find((r) => r.kind === 'final');
    expect(final).toMatchObject({ leg: 'customer', text: lostCard.text });
    const segment = lostCard.segments[0] as { startMs: number; endMs: number };
    // Word-aligned times (±35 ms measured by the engine's tests) plus the call clock's offset.
    expect(Math.abs((final?.startMs ?? 0) - (10_000 + segment.startMs))).toBeLessThan(150);
    expect(Math.abs((final?.endMs ?? 0) - (10_000 + segment.endMs))).toBeLessThan(150);
    expect(rec.results.find((r) => r.kind === 'keyword')).toMatchObject({ text: 'credit card' });
  }, 60_000);

  it('reports unavailable with the service’s reason for a language no engine serves, and does not retry', async () => {
    const rec = recorder();
    const stream = new LocalSpeechProvider(endpointOf({ url: server.url, token: server.token }), tuning).open({ leg: 'agent', language: 'ja-JP', hints: [], keywords: [] }, rec.listener);
    await rec.until('unavailable', () => rec.statuses.some((s) => s.state === 'unavailable'));
    expect(rec.statuses.at(-1)?.reason).toContain('no speech engine is configured for ja-JP');
    stream.send(new ArrayBuffer(640), 0);
    await stream.stop();
    expect(rec.statuses.map((s) => s.state)).toEqual(['connecting', 'unavailable']);
  });

  it('reports unavailable naming the missing model folder IT configured', async () => {
    const rec = recorder();
    const stream = new LocalSpeechProvider(endpointOf({ url: server.url, token: server.token }), tuning).open({ leg: 'customer', language: 'zh-CN', hints: [], keywords: [] }, rec.listener);
    await rec.until('unavailable', () => rec.statuses.some((s) => s.state === 'unavailable'));
    expect(rec.statuses.at(-1)?.reason).toContain('/opt/lingxi/no-such-model');
    stream.close();
  });

  it('reports unavailable without connecting when the host says the local service is off', async () => {
    const rec = recorder();
    let asked = 0;
    const host = { speech: { endpoint: async (): Promise<SpeechEndpoint> => (asked++, { error: { code: 'off', message: 'the policy does not use the local speech service' } }) } };
    const stream = new LocalSpeechProvider(host, tuning).open({ leg: 'customer', language: 'en-US', hints: [], keywords: [] }, rec.listener);
    await rec.until('unavailable', () => rec.statuses.some((s) => s.state === 'unavailable'));
    expect(rec.statuses.at(-1)?.reason).toBe('the policy does not use the local speech service');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked, 'no retry: the policy will not change during the call').toBe(1);
    stream.close();
  });

  it('becomes unavailable when the service cannot be reached, and recovers by itself once it is back', async () => {
    const rec = recorder();
    let endpoint: SpeechEndpoint = { url: 'ws://127.0.0.1:9/', token: server.token };
    const stream = new LocalSpeechProvider({ speech: { endpoint: async () => endpoint } }, tuning).open({ leg: 'customer', language: 'en-US', hints: [], keywords: [] }, rec.listener);
    await rec.until('unavailable', () => rec.statuses.some((s) => s.state === 'unavailable'));
    expect(rec.statuses.at(-1)?.reason).toContain('ws://127.0.0.1:9/');
    // The service restarted elsewhere (main hands out its new port on the next endpoint request).
    endpoint = { url: server.url, token: server.token };
    await rec.until('ready', () => rec.statuses.at(-1)?.state === 'ready');
    stream.close();
  });

  it('gets a wrong token refused and says so instead of hanging', async () => {
    const rec = recorder();
    const stream = new LocalSpeechProvider(endpointOf({ url: server.url, token: 'wrong-token-0123456789' }), tuning).open({ leg: 'customer', language: 'en-US', hints: [], keywords: [] }, rec.listener);
    await rec.until('unavailable', () => rec.statuses.some((s) => s.state === 'unavailable'));
    stream.close();
    expect(rec.results).toEqual([]);
  });
});

describe('BankAsrProvider against the bank ASR double', () => {
  it('gets the scripted Chinese transcript for the customer’s first utterance, partials first', async () => {
    asr.script = [{ leg: 'customer', utterance: 1, text: '我的信用卡丢了' }];
    const rec = recorder();
    const stream = new BankAsrProvider(asr.url, tuning).open({ leg: 'customer', language: 'zh-CN', hints: ['信用卡'], keywords: [] }, rec.listener);
    await speak(stream, lostCard, 0);
    await stream.stop();
    expect(asr.starts.at(-1)).toMatchObject({ type: 'start', leg: 'customer', language: 'zh-CN', sampleRate: 16000, hints: ['信用卡'] });
    expect(rec.statuses.at(-1)).toMatchObject({ state: 'ready', engine: 'scripted' });
    const partials = rec.results.filter((r) => r.kind === 'partial').map((r) => r.text);
    expect(partials.length).toBeGreaterThan(0);
    for (const partial of partials) expect('我的信用卡丢了'.startsWith(partial)).toBe(true);
    expect(rec.results.filter((r) => r.kind === 'final')).toEqual([expect.objectContaining({ text: '我的信用卡丢了', leg: 'customer' })]);
  }, 30_000);

  it('answers only the scripted utterance: the second of three, found by energy, at its place in the audio', async () => {
    asr.script = [{ leg: 'customer', utterance: 2, text: '我要投诉' }];
    const rec = recorder();
    const stream = new BankAsrProvider(asr.url, tuning).open({ leg: 'customer', language: 'zh-CN', hints: [], keywords: [] }, rec.listener);
    await speak(stream, conversation, 0);
    await stream.stop();
    const finals = rec.results.filter((r) => r.kind === 'final');
    expect(finals.map((r) => r.text)).toEqual(['我要投诉']);
    const second = conversation.segments[1] as { startMs: number; endMs: number };
    expect(Math.abs((finals[0]?.startMs ?? 0) - second.startMs)).toBeLessThan(100);
    expect(Math.abs((finals[0]?.endMs ?? 0) - second.endMs)).toBeLessThan(100);
  }, 30_000);

  it('reconnects after the server drops the connection and keeps transcribing', async () => {
    asr.script = [{ leg: 'agent', utterance: 1, text: '请问您的卡号' }];
    const rec = recorder();
    const stream = new BankAsrProvider(asr.url, tuning).open({ leg: 'agent', language: 'zh-CN', hints: [], keywords: [] }, rec.listener);
    await rec.until('ready', () => rec.statuses.at(-1)?.state === 'ready');
    asr.dropConnections();
    await rec.until('error', () => rec.statuses.some((s) => s.state === 'error'));
    await rec.until('ready again', () => rec.statuses.at(-1)?.state === 'ready');
    await speak(stream, lostCard, 60_000);
    await stream.stop();
    const final = rec.results.find((r) => r.kind === 'final');
    expect(final?.text).toBe('请问您的卡号');
    expect(final?.startMs, 'times on the call clock after the reconnect').toBeGreaterThanOrEqual(60_000);
  }, 30_000);

  it('recognises English through pocketsphinx', async () => {
    const rec = recorder();
    const stream = new BankAsrProvider(asr.url, tuning).open({ leg: 'customer', language: 'en-US', hints: [], keywords: [] }, rec.listener);
    await speak(stream, lostCard, 0);
    await stream.stop();
    expect(rec.results.find((r) => r.kind === 'final')?.text).toBe(lostCard.text);
  }, 60_000);
});
