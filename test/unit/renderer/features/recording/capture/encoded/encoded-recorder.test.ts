import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureCallbacks } from '@renderer/features/recording/capture/call-recordings';
import type { MuxStats } from '@renderer/features/recording/capture/encoded/call-mux';
import { EncodedRecorder } from '@renderer/features/recording/capture/encoded/encoded-recorder';
import type { ProvisionalTail } from '@renderer/features/recording/types';
import { FakeTransform, startedTaps } from './fake-tap-worker';

const stats = (unsupported: number): MuxStats => ({ placed: { customer: 50, agent: 49 }, late: 1, unsupported });
const bytes = (...values: number[]) => Uint8Array.from(values).buffer;

/** A recorder for call-1 on started taps, with its slices, errors and warnings collected. */
async function setUp(delayMs = 0) {
  const { taps, worker } = await startedTaps();
  const events: string[] = [];
  const slices: { data: Blob | ArrayBuffer; atMs: number; tail?: ProvisionalTail }[] = [];
  const callbacks: CaptureCallbacks = {
    onSlice: (data, atMs, tail) => {
      slices.push({ data, atMs, ...(tail ? { tail } : {}) });
      events.push(`slice ${atMs}`);
    },
    onError: (error) => events.push(`error ${error.message}`),
  };
  const warn = vi.fn<(message: string) => void>();
  const recorder = new EncodedRecorder(taps, 'call-1', callbacks, warn, delayMs);
  return { recorder, worker, slices, events, warn };
}

describe('EncodedRecorder', () => {
  let now = 10_000;

  beforeEach(() => {
    vi.stubGlobal('RTCRtpScriptTransform', FakeTransform);
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('records Ogg Opus', async () => {
    const { recorder } = await setUp();
    expect(recorder.mimeType).toBe('audio/ogg;codecs=opus');
  });

  it('start asks the worker to keep this call', async () => {
    const { recorder, worker } = await setUp();
    recorder.start();
    expect(worker.posted).toEqual([{ type: 'start', callId: 'call-1', delayMs: 0 }]);
  });

  it("each of this call's slices reaches onSlice as the worker's bytes with its end offset and provisional end", async () => {
    const { recorder, worker, slices } = await setUp();
    recorder.start();
    const tail = { bytes: bytes(7, 7), endMs: 2100, withheldFromMs: 1800 };
    worker.reply({ type: 'slice', callId: 'call-1', bytes: bytes(0x4f, 0x67, 0x67, 0x53), endMs: 800 });
    worker.reply({ type: 'slice', callId: 'other-call', bytes: bytes(9), endMs: 800 });
    worker.reply({ type: 'slice', callId: 'call-1', bytes: bytes(1, 2), endMs: 1800, tail });
    expect(slices.map((s) => s.atMs)).toEqual([800, 1800]);
    const contents = await Promise.all(slices.map(async (s) => [...new Uint8Array(s.data instanceof Blob ? await s.data.arrayBuffer() : s.data)]));
    expect(contents).toEqual([[0x4f, 0x67, 0x67, 0x53], [1, 2]]);
    expect(slices.map((s) => s.tail)).toEqual([undefined, tail]);
  });

  it('offsetMs counts from start, and pause/resume carry it to the worker', async () => {
    const { recorder, worker } = await setUp();
    recorder.start();
    now += 1234.4;
    expect(recorder.offsetMs).toBe(1234);
    expect(recorder.setPaused(true, recorder.offsetMs)).toBe(1234);
    now += 2000;
    // No delay line here: a pause cannot be back-dated.
    expect(recorder.setPaused(false, 1000)).toBe(3234);
    expect(worker.posted.slice(1)).toEqual([
      { type: 'pause', callId: 'call-1', paused: true, atMs: 1234 },
      { type: 'pause', callId: 'call-1', paused: false, atMs: 3234 },
    ]);
  });

  it('a pause reaches back into the delay line, not further, and the worker is told where', async () => {
    const { recorder, worker } = await setUp(400);
    recorder.start();
    expect(worker.posted[0]).toEqual({ type: 'start', callId: 'call-1', delayMs: 400 });
    now += 5000;
    expect(recorder.setPaused(true, 4800)).toBe(4800);
    expect(recorder.setPaused(false, 5000)).toBe(5000);
    expect(recorder.setPaused(true, 1000)).toBe(4600);
    expect(worker.posted.slice(1).map((m) => (m.type === 'pause' ? m.atMs : null))).toEqual([4800, 5000, 4600]);
  });

  it('stop resolves only after the worker stopped, with its last slice handed on first', async () => {
    const { recorder, worker, events } = await setUp();
    recorder.start();
    let done = false;
    const stopping = recorder.stop().then(() => {
      done = true;
      events.push('stopped');
    });
    expect(worker.posted.at(-1)).toEqual({ type: 'stop', callId: 'call-1' });
    await Promise.resolve();
    expect(done).toBe(false);
    worker.reply({ type: 'slice', callId: 'call-1', bytes: bytes(7), endMs: 2040 });
    await Promise.resolve();
    expect(done).toBe(false);
    worker.reply({ type: 'stopped', callId: 'call-1', stats: stats(0) });
    await stopping;
    expect(events).toEqual(['slice 2040', 'stopped']);
  });

  it("another call's stop does not end this one", async () => {
    const { recorder, worker } = await setUp();
    recorder.start();
    let done = false;
    void recorder.stop().then(() => (done = true));
    worker.reply({ type: 'stopped', callId: 'other-call', stats: stats(0) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false);
  });

  it('stop twice sends one stop request', async () => {
    const { recorder, worker } = await setUp();
    recorder.start();
    const first = recorder.stop();
    const second = recorder.stop();
    worker.reply({ type: 'stopped', callId: 'call-1', stats: stats(0) });
    await Promise.all([first, second]);
    expect(worker.posted.filter((m) => m.type === 'stop')).toHaveLength(1);
  });

  it("frames the file could not hold are reported to IT's log", async () => {
    const { recorder, worker, warn } = await setUp();
    recorder.start();
    const stopping = recorder.stop();
    worker.reply({ type: 'stopped', callId: 'call-1', stats: stats(12) });
    await stopping;
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/call-1/);
    expect(warn.mock.calls[0]?.[0]).toMatch(/\b12\b/);
  });

  it('a clean recording warns nothing', async () => {
    const { recorder, worker, warn } = await setUp();
    recorder.start();
    const stopping = recorder.stop();
    worker.reply({ type: 'stopped', callId: 'call-1', stats: stats(0) });
    await stopping;
    expect(warn).not.toHaveBeenCalled();
  });
});
