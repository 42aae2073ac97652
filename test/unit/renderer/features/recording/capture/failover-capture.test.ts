import { describe, expect, it } from 'vitest';
import type { Capture, CaptureCallbacks } from '@renderer/features/recording/capture/call-recordings';
import { FailoverCapture } from '@renderer/features/recording/capture/failover-capture';
import type { RecorderRestart } from '@renderer/features/recording/types';

/** A recorder whose slices, clock and stop the test drives. */
class FakeRecorder implements Capture {
  offsetMs = 0;
  started = false;
  stopped = false;
  paused: boolean[] = [];
  constructor(
    readonly mimeType: string,
    readonly callbacks: CaptureCallbacks,
  ) {}
  start(): void {
    this.started = true;
  }
  setPaused(paused: boolean, atMs: number): number {
    this.paused.push(paused);
    return Math.max(atMs, this.offsetMs - 400);
  }
  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }
  slice(text: string, atMs: number): void {
    this.callbacks.onSlice(new Blob([text]), atMs);
  }
}

function setUp() {
  const slices: [string, number][] = [];
  const restarts: Omit<RecorderRestart, 'seq'>[] = [];
  const errors: string[] = [];
  const made: { primary?: FakeRecorder; fallback?: FakeRecorder } = {};
  const capture = new FailoverCapture(
    (callbacks) => (made.primary = new FakeRecorder('audio/ogg;codecs=opus', callbacks)),
    (callbacks) => (made.fallback = new FakeRecorder('audio/webm;codecs=opus', callbacks)),
    {
      onSlice: (data, atMs) => void (data instanceof Blob ? data.text() : Promise.resolve(new TextDecoder().decode(data))).then((text) => slices.push([text, atMs])),
      onError: (error) => errors.push(error.message),
      onRestart: (restart) => restarts.push(restart),
    },
  );
  const primary = made.primary;
  if (!primary) throw new Error('no primary recorder');
  const fallback = () => {
    if (!made.fallback) throw new Error('no fallback recorder');
    return made.fallback;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { capture, primary, fallback, slices, restarts, errors, settle };
}

describe('FailoverCapture', () => {
  it('records through the primary recorder until a failover', async () => {
    const t = setUp();
    t.capture.start();
    t.primary.offsetMs = 1500;
    t.primary.slice('ogg 1', 1000);
    await t.settle();
    expect(t.primary.started).toBe(true);
    expect(t.capture.offsetMs).toBe(1500);
    expect(t.capture.mimeType).toBe('audio/ogg;codecs=opus');
    expect(t.slices).toEqual([['ogg 1', 1000]]);
    expect(t.capture.failedOver).toBe(false);
  });

  it('a failover starts the fallback on the same timeline and reports the gap once', async () => {
    const t = setUp();
    t.capture.start();
    t.primary.slice('ogg 1', 1000);
    t.primary.slice('ogg 2', 2000);
    t.primary.offsetMs = 3400;
    t.capture.failover();
    t.capture.failover();
    expect(t.restarts).toEqual([{ atMs: 3400, lastAudioMs: 2000, mimeType: 'audio/webm;codecs=opus' }]);
    expect(t.fallback().started).toBe(true);
    expect(t.primary.stopped).toBe(true);

    // A late slice of the abandoned recorder would break the file: it is dropped.
    t.primary.slice('late ogg', 3000);
    t.fallback().slice('webm 1', 1000);
    t.fallback().offsetMs = 1200;
    await t.settle();
    expect(t.slices).toEqual([
      ['ogg 1', 1000],
      ['ogg 2', 2000],
      ['webm 1', 4400],
    ]);
    expect(t.capture.offsetMs).toBe(4600);
    await t.capture.stop();
    expect(t.fallback().stopped).toBe(true);
  });

  it('pauses go to whichever recorder runs; a recording paused at the failover stays paused', () => {
    const t = setUp();
    t.capture.start();
    t.primary.offsetMs = 2000;
    expect(t.capture.setPaused(true, 1000)).toBe(1600);
    t.capture.failover();
    expect(t.primary.paused).toEqual([true]);
    expect(t.fallback().paused).toEqual([true]);
    t.fallback().offsetMs = 1000;
    // Offsets on the recording's timeline: the fallback's own plus where it started.
    expect(t.capture.setPaused(false, 3000)).toBe(3000);
    expect(t.fallback().paused).toEqual([true, false]);
  });

  it('a failover before the recording opened starts it with the fallback at 0; none after stop', async () => {
    const early = setUp();
    early.capture.failover();
    expect(early.restarts).toEqual([]);
    early.capture.start();
    expect(early.primary.started).toBe(false);
    expect(early.restarts).toEqual([{ atMs: 0, lastAudioMs: 0, mimeType: 'audio/webm;codecs=opus' }]);

    const late = setUp();
    late.capture.start();
    await late.capture.stop();
    late.capture.failover();
    expect(late.restarts).toEqual([]);
  });

  it("the abandoned recorder's errors are not the recording's", () => {
    const t = setUp();
    t.capture.start();
    t.primary.callbacks.onError(new Error('before'));
    t.capture.failover();
    t.primary.callbacks.onError(new Error('after'));
    t.fallback().callbacks.onError(new Error('fallback'));
    expect(t.errors).toEqual(['before', 'fallback']);
  });
});
