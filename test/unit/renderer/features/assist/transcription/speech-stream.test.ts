/**
 * SpeechStream's behaviour the network decides, with a scripted socket: frames queued while connecting,
 * oldest frames dropped (and reported) when the socket is congested, times mapped across the gap, a restart
 * after `overloaded`, and no hang when the server never answers.
 */
import { describe, expect, it } from 'vitest';
import type { StreamResult, StreamStatus } from '@renderer/features/assist/transcription/provider';
import { SpeechStream, type SpeechStreamOptions, type WebSocketConstructor } from '@renderer/features/assist/transcription/speech-stream';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  bufferedAmount = 0;
  binaryType = 'blob';
  readonly sent: (string | ArrayBuffer)[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(data: string | ArrayBuffer): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  reply(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  get json(): { type: string }[] {
    return this.sent.filter((d): d is string => typeof d === 'string').map((d) => JSON.parse(d) as { type: string });
  }
  get frames(): ArrayBuffer[] {
    return this.sent.filter((d): d is ArrayBuffer => typeof d !== 'string');
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function open(overrides: Partial<SpeechStreamOptions> = {}) {
  FakeSocket.all = [];
  const results: StreamResult[] = [];
  const statuses: StreamStatus[] = [];
  const stream = new SpeechStream(
    {
      leg: 'customer',
      language: 'en-US',
      hints: [],
      keywords: [],
      target: async () => ({ url: 'ws://127.0.0.1:1/', protocols: ['lingxi-speech.v1'] }),
      WebSocket: FakeSocket as unknown as WebSocketConstructor,
      backoff: { minMs: 10, maxMs: 20 },
      ...overrides,
    },
    { result: (r) => results.push(r), status: (s) => statuses.push(s) },
  );
  return { stream, results, statuses, socket: () => FakeSocket.all.at(-1) as FakeSocket };
}

/** A 20 ms frame whose first sample numbers it. */
function frame(n: number): ArrayBuffer {
  const pcm = new Int16Array(320);
  pcm[0] = n;
  return pcm.buffer;
}
const numberOf = (buffer: ArrayBuffer): number => new Int16Array(buffer)[0] as number;

describe('SpeechStream', () => {
  it('queues frames while connecting and sends start, then the frames in order, once open', async () => {
    const { stream, socket } = open({ hints: ['lost card'] });
    await tick();
    for (let n = 0; n < 5; n++) stream.send(frame(n), n * 20);
    expect(socket().sent).toEqual([]);
    socket().open();
    expect(socket().json[0]).toEqual({ type: 'start', leg: 'customer', language: 'en-US', sampleRate: 16000, hints: ['lost card'] });
    expect(socket().frames.map(numberOf)).toEqual([0, 1, 2, 3, 4]);
    expect(socket().binaryType).toBe('arraybuffer');
    stream.close();
  });

  it('drops the oldest frames while the socket is congested, reports it, and maps times across the gap', async () => {
    const { stream, socket, statuses, results } = open();
    await tick();
    socket().open();
    socket().reply({ type: 'ready', leg: 'customer', engine: 'test' });
    for (let n = 0; n < 10; n++) stream.send(frame(n), 1000 + n * 20);
    socket().bufferedAmount = 64_000; // more than 1 s of audio waiting in the socket
    for (let n = 10; n < 60; n++) stream.send(frame(n), 1000 + n * 20);
    expect(socket().frames).toHaveLength(10);
    expect(statuses.at(-1)?.droppedMs, 'reported while it happens').toBeGreaterThan(0);
    socket().bufferedAmount = 0;
    stream.send(frame(60), 1000 + 60 * 20);
    const sent = socket().frames.map(numberOf);
    // 300 ms (15 frames) were held; the ones before them were dropped, the newest went out.
    expect(sent).toEqual([...Array.from({ length: 10 }, (_, n) => n), ...Array.from({ length: 16 }, (_, i) => 45 + i)]);
    // The server counts 520 ms received; 200 ms into its stream is frame 10 → call time 1200 ms, but frame 45 came next.
    socket().reply({ type: 'final', leg: 'customer', text: 'x', startMs: 100, endMs: 260 });
    expect(results[0]).toMatchObject({ startMs: 1100, endMs: 1000 + 45 * 20 + 60 });
    stream.close();
  });

  it('restarts the stream after "overloaded" and counts times from the new start', async () => {
    const { stream, socket, statuses, results } = open();
    await tick();
    socket().open();
    socket().reply({ type: 'ready', leg: 'customer', engine: 'test' });
    stream.send(frame(0), 0);
    socket().reply({ type: 'error', code: 'overloaded', message: 'more than 2000 ms of audio is waiting' });
    expect(statuses.at(-1)).toMatchObject({ state: 'error', reason: 'more than 2000 ms of audio is waiting' });
    stream.send(frame(1), 5000);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(socket().json.map((m) => m.type)).toEqual(['start', 'start']);
    expect(socket().frames.map(numberOf)).toEqual([0, 1]);
    socket().reply({ type: 'ready', leg: 'customer', engine: 'test' });
    socket().reply({ type: 'partial', leg: 'customer', text: 'y', startMs: 0, endMs: 20 });
    expect(results[0]).toMatchObject({ startMs: 5000, endMs: 5020 });
    expect(FakeSocket.all).toHaveLength(1);
    stream.close();
  });

  it('gives up on a connection that never opens and tries a new one', async () => {
    const { stream, statuses } = open({ connectTimeoutMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(statuses.some((s) => s.state === 'error' && /no connection/.test(s.reason ?? ''))).toBe(true);
    expect(FakeSocket.all.length).toBeGreaterThan(1);
    expect(FakeSocket.all.slice(0, -1).every((s) => s.closed)).toBe(true);
    stream.close();
  });

  it('stop sends the rest and "stop", waits for "stopped", then closes; a silent server cannot hold it', async () => {
    const first = open();
    await tick();
    first.socket().open();
    first.stream.send(frame(7), 0);
    const stopping = first.stream.stop();
    expect(first.socket().json.at(-1)).toEqual({ type: 'stop' });
    first.socket().reply({ type: 'final', leg: 'customer', text: 'last words', startMs: 0, endMs: 20 });
    first.socket().reply({ type: 'stopped', leg: 'customer', audioMs: 20 });
    await stopping;
    expect(first.socket().closed).toBe(true);
    expect(first.results.map((r) => r.text)).toEqual(['last words']);

    const second = open({ stopTimeoutMs: 30 });
    await tick();
    second.socket().open();
    const started = Date.now();
    await second.stream.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(second.socket().closed).toBe(true);
  });
});
