/**
 * The speech service over a real WebSocket: the protocol a renderer (or a bank's client) relies on, access
 * control, and errors that never take the service down. The test client validates every message it
 * receives against the contract's server schema, so an undocumented message fails the test that caused it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEECH_PROTOCOL } from '@common/contract/speech-protocol';
import { parseSpeechServiceConfig } from '@main/features/speech/config';
import type { RecognitionStream } from '@main/features/speech/engine';
import { createEngineRegistry, type EngineRegistry } from '@main/features/speech/engine-registry';
import { startSpeechServer, type SpeechServer } from '@main/features/speech/server';
import { readWav } from '@main/features/speech/wav';
import { freshModelCache, testEngineConfig } from '../../../../fixtures/speech/engine-config';
import { ensureSpeechFixtures, type SpeechClip, type SpeechFixtures } from '../../../../fixtures/speech/generate';
import { SpeechTestClient, UpgradeRefused } from '../../../../fixtures/speech/speech-client';

const APP_ORIGIN = 'http://127.0.0.1:5173';
const cacheDir = freshModelCache();
const start = { type: 'start', leg: 'customer', language: 'en-US', sampleRate: 16000 } as const;
let fixtures: SpeechFixtures;
let registry: EngineRegistry;
let server: SpeechServer;
const clients: SpeechTestClient[] = [];

async function connect(options: { token?: string; origin?: string; server?: SpeechServer } = {}): Promise<SpeechTestClient> {
  const target = options.server ?? server;
  const client = await SpeechTestClient.connect(target.url, { token: options.token ?? target.token, origin: options.origin });
  clients.push(client);
  return client;
}

function clip(id: string): SpeechClip {
  const found = fixtures.clips.find((c) => c.id === id);
  if (!found) throw new Error(`no clip ${id}`);
  return found;
}

/** 20 ms frames of a clip. */
async function frames(id: string): Promise<Int16Array[]> {
  const { samples } = await readWav(clip(id).wav16);
  const out: Int16Array[] = [];
  for (let at = 0; at < samples.length; at += 320) out.push(samples.slice(at, at + 320));
  return out;
}

beforeAll(async () => {
  fixtures = await ensureSpeechFixtures();
  registry = createEngineRegistry(parseSpeechServiceConfig({ cacheDir, engines: [testEngineConfig()] }));
  // A generous queue: the first test sends a whole recording at once, far faster than real time.
  server = await startSpeechServer({ registry, allowedOrigins: [APP_ORIGIN], maxQueueMs: 30_000 });
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
  registry?.dispose();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('speech service protocol', () => {
  it('answers start with ready, audio with partials and a final, keywords, and stop with stopped', async () => {
    const client = await connect({ origin: APP_ORIGIN });
    expect(client.protocol).toBe(SPEECH_PROTOCOL);
    client.sendJson({ ...start, keywords: ['complaint'], hints: ['make a complaint'] });
    expect(await client.next('ready')).toEqual({ type: 'ready', leg: 'customer', engine: 'pocketsphinx' });
    for (const frame of await frames('complaint')) client.sendSamples(frame);
    client.sendJson({ type: 'stop' });
    const stopped = await client.next('stopped');
    expect(stopped).toMatchObject({ leg: 'customer', audioMs: clip('complaint').durationMs });
    const types = client.messages.map((m) => m.type);
    expect(types.indexOf('partial')).toBeGreaterThan(-1);
    expect(types.indexOf('partial')).toBeLessThan(types.indexOf('final'));
    const final = client.messages.find((m) => m.type === 'final');
    expect(final).toMatchObject({ leg: 'customer', text: 'i want to make a complaint' });
    const keyword = client.messages.find((m) => m.type === 'keyword');
    expect(keyword).toMatchObject({ leg: 'customer', keyword: 'complaint' });
    if (keyword?.type === 'keyword' && final?.type === 'final') {
      expect(keyword.startMs).toBeGreaterThanOrEqual(final.startMs);
      expect(keyword.endMs).toBeLessThanOrEqual(final.endMs);
    }
  });

  // A regression bound, not the target: the 800 ms median is assist.final_latency_ms in `npm run bench`.
  it('delivers the final within 2 s of the end of speech when audio arrives in real time', async () => {
    const client = await connect();
    client.sendJson({ ...start, leg: 'agent' });
    await client.next('ready');
    const all = await frames('lost-card');
    const speechEnd = clip('lost-card').segments[0]?.endMs ?? 0;
    const t0 = performance.now();
    let finalAt = 0;
    const final = client.next('final').then((m) => {
      finalAt = performance.now() - t0;
      return m;
    });
    // Pace on the wall clock like an AudioWorklet: frame i leaves at (i + 1) × 20 ms.
    for (let i = 0; i < all.length; i++) {
      const due = t0 + (i + 1) * 20 - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      client.sendSamples(all[i] as Int16Array);
    }
    expect(await final).toMatchObject({ leg: 'agent', text: 'i lost my credit card at the train station' });
    expect(finalAt - speechEnd).toBeLessThanOrEqual(2000);
    client.sendJson({ type: 'stop' });
    await client.next('stopped');
  }, 20_000);

  it('rejects bad JSON, bad frames and out-of-order messages with an error, and keeps the connection usable', async () => {
    const client = await connect();
    client.sendText('{"type":"start",');
    expect(await client.next('error')).toMatchObject({ code: 'bad-message', message: expect.stringContaining('not JSON') });
    client.sendJson({ ...start, sampleRate: 48000 });
    expect(await client.next('error')).toMatchObject({ code: 'bad-message', message: expect.stringContaining('sampleRate') });
    client.sendSamples(new Int16Array(320));
    expect(await client.next('error')).toMatchObject({ code: 'bad-state', message: expect.stringContaining('send start first') });
    client.sendJson({ type: 'stop' });
    expect(await client.next('error')).toMatchObject({ code: 'bad-state' });

    client.sendJson(start);
    await client.next('ready');
    client.sendBytes(new Uint8Array(641));
    expect(await client.next('error')).toMatchObject({ code: 'bad-frame', message: expect.stringContaining('even byte count') });
    client.sendSamples(new Int16Array(1601 + 100 * 16));
    expect(await client.next('error')).toMatchObject({ code: 'bad-frame', message: expect.stringContaining('longer than 100 ms') });
    client.sendJson(start);
    expect(await client.next('error')).toMatchObject({ code: 'bad-state', message: expect.stringContaining('send stop first') });
    client.sendSamples(new Int16Array(1600));
    client.sendJson({ type: 'stop' });
    expect(await client.next('stopped')).toMatchObject({ audioMs: 100 });
  });

  it('reports a missing model as model-missing on that stream; the service keeps serving', async () => {
    const missing = join(cacheDir, 'no-model');
    const broken = createEngineRegistry(parseSpeechServiceConfig({ cacheDir, engines: [testEngineConfig({ acousticModel: missing })] }));
    const other = await startSpeechServer({ registry: broken });
    try {
      const client = await connect({ server: other });
      client.sendJson(start);
      expect(await client.next('error')).toEqual({ type: 'error', code: 'model-missing', message: `acoustic model folder not found: ${missing}` });
      client.sendJson({ ...start, language: 'zh-CN' });
      expect(await client.next('error')).toMatchObject({ code: 'unsupported-language' });
      expect(client.isOpen).toBe(true);
    } finally {
      await other.close();
    }
    const healthy = await connect();
    healthy.sendJson(start);
    expect(await healthy.next('ready')).toMatchObject({ type: 'ready' });
  });

  it('ends a stream with overloaded when audio outruns the recogniser, and lets the client start again', async () => {
    let opened = 0;
    const stuck: RecognitionStream = { accept: () => new Promise(() => undefined), finish: async () => [], close: () => undefined };
    const slow: EngineRegistry = {
      engineFor: async () => ({ name: 'stuck', open: async () => (opened++, stuck), dispose: () => undefined }),
      dispose: () => undefined,
    };
    const other = await startSpeechServer({ registry: slow, maxQueueMs: 500 });
    try {
      const client = await connect({ server: other });
      client.sendJson(start);
      await client.next('ready');
      for (let i = 0; i < 40; i++) client.sendSamples(new Int16Array(320));
      expect(await client.next('error')).toMatchObject({ code: 'overloaded', message: expect.stringContaining('more than 500 ms') });
      client.sendJson(start);
      expect(await client.next('ready')).toMatchObject({ engine: 'stuck' });
      expect(opened).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('speech service access', () => {
  it('refuses a wrong or missing token (401) and a foreign web page (403) before any socket opens', async () => {
    await expect(connect({ token: 'x'.repeat(43) })).rejects.toEqual(new UpgradeRefused(401));
    await expect(SpeechTestClient.connect(server.url, { token: server.token, protocols: [SPEECH_PROTOCOL] })).rejects.toEqual(new UpgradeRefused(401));
    await expect(connect({ origin: 'https://evil.example' })).rejects.toEqual(new UpgradeRefused(403));
    const ok = await connect({ origin: APP_ORIGIN });
    expect(ok.isOpen).toBe(true);
  });

  it('refuses clients without Origin when the service is configured for browsers only', async () => {
    const strict = await startSpeechServer({ registry, allowedOrigins: [APP_ORIGIN], allowMissingOrigin: false });
    try {
      await expect(connect({ server: strict })).rejects.toEqual(new UpgradeRefused(403));
      expect((await connect({ server: strict, origin: APP_ORIGIN })).isOpen).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
