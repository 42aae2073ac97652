import { describe, expect, it, vi } from 'vitest';
import { CallRecordings, type Capture, type CaptureCallbacks, type CaptureStore } from '@renderer/features/recording/capture/call-recordings';
import type { PausedInterval } from '@renderer/features/recording/types';

/** A capture whose slices and clock the test drives. */
class FakeCapture implements Capture {
  readonly mimeType = 'audio/webm;codecs=opus';
  offsetMs = 0;
  paused = false;
  started = false;
  /** How far back a pause may reach (the delay line). */
  delayMs = 0;
  constructor(readonly callbacks: CaptureCallbacks) {}
  start(): void {
    this.started = true;
  }
  setPaused(paused: boolean, atMs: number): number {
    this.paused = paused;
    return Math.min(this.offsetMs, Math.max(atMs, this.offsetMs - this.delayMs));
  }
  stop(): Promise<void> {
    // The final slice arrives before stop resolves, as MediaRecorder's last dataavailable does.
    this.callbacks.onSlice(new Blob(['last']), this.offsetMs);
    return Promise.resolve();
  }
}

function setUp(storeOverrides: Partial<CaptureStore> = {}) {
  const log: string[] = [];
  const paused: PausedInterval[][] = [];
  let release: (() => void) | null = null;
  const store: CaptureStore = {
    begin: vi.fn(() => Promise.resolve('rec-1')),
    append: vi.fn(async (_id: string, data: Blob) => {
      const text = await data.text();
      if (text === 'slow') await new Promise<void>((resolve) => (release = resolve));
      log.push(`append ${text}`);
      return { seq: log.length, commitMs: 3 };
    }),
    setTail: vi.fn((_id: string, tail: { endMs: number }) => {
      log.push(`tail ${tail.endMs}`);
      return Promise.resolve();
    }),
    setPaused: vi.fn((_id: string, intervals: PausedInterval[]) => {
      paused.push(intervals);
      log.push('paused');
      return Promise.resolve();
    }),
    markRestart: vi.fn((_id: string, restart: { atMs: number }) => {
      log.push(`restart at ${restart.atMs}`);
      return Promise.resolve();
    }),
    finish: vi.fn(() => {
      log.push('finish');
      return Promise.resolve();
    }),
    ...storeOverrides,
  };
  const captures: FakeCapture[] = [];
  const changes: unknown[] = [];
  const failures: unknown[] = [];
  const commits: number[] = [];
  const closes: string[] = [];
  const recordings = new CallRecordings({
    store,
    createCapture: (_call, callbacks) => {
      const capture = new FakeCapture(callbacks);
      captures.push(capture);
      return capture;
    },
    committed: (_callId, ms) => commits.push(ms),
    failed: (_id, error) => failures.push(error),
    closed: (id) => closes.push(id),
    closeRetryMs: () => 1,
    changed: (_id, live) => changes.push(live),
    now: () => 1_000,
  });
  return { recordings, store, captures, log, paused, changes, failures, commits, closes, release: async () => {
      await vi.waitFor(() => expect(release).not.toBeNull());
      release?.();
    } };
}

/** The capture of the first recorded call (fails the test when there is none). */
function firstCapture(t: { captures: FakeCapture[] }): FakeCapture {
  const capture = t.captures[0];
  if (!capture) throw new Error('no capture started');
  return capture;
}

const call = { id: 'call-1', direction: 'incoming' as const, number: '1002' };

describe('CallRecordings', () => {
  it('commits slices in capture order and writes the end marker after the last one', async () => {
    const t = setUp();
    await t.recordings.start(call);
    const capture = firstCapture(t);
    expect(capture.started).toBe(true);
    capture.callbacks.onSlice(new Blob(['slow']), 1000);
    capture.callbacks.onSlice(new Blob(['b']), 2000);
    const stopped = t.recordings.stop(call.id);
    await t.release();
    await stopped;
    expect(t.log).toEqual(['append slow', 'append b', 'append last', 'finish']);
    expect(t.commits).toEqual([3, 3, 3]);
    expect(t.changes).toEqual([{ recordingId: 'rec-1', paused: false }, null]);
  });

  it('closes the recording again later when the storage refused the close (a full disk), and says when it worked', async () => {
    const full = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    let refusals = 2;
    const finish = vi.fn(() => (refusals-- > 0 ? Promise.reject(full) : Promise.resolve()));
    const t = setUp({ finish });
    await t.recordings.start(call);
    await t.recordings.stop(call.id);
    expect(t.failures).toEqual([full]);
    expect(t.closes).toEqual([]);
    await vi.waitFor(() => expect(t.closes).toEqual([call.id]));
    expect(finish).toHaveBeenCalledTimes(3);
    expect(t.failures).toEqual([full, full]);
  });

  it('does not close again after a failure that is not a refused write', async () => {
    const finish = vi.fn(() => Promise.reject(new TypeError('bug')));
    const t = setUp({ finish });
    await t.recordings.start(call);
    await t.recordings.stop(call.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finish).toHaveBeenCalledOnce();
    expect(t.closes).toEqual([]);
  });

  it('keeps paused intervals with who paused, and closes an interval still open at hang-up', async () => {
    const t = setUp();
    await t.recordings.start(call);
    const capture = firstCapture(t);
    capture.offsetMs = 1500;
    expect(t.recordings.setPaused(call.id, true, 'pci-guard', 'card number')).toBe(true);
    expect(capture.paused).toBe(true);
    capture.offsetMs = 3000;
    t.recordings.setPaused(call.id, false, 'pci-guard');
    capture.offsetMs = 4000;
    t.recordings.setPaused(call.id, true, 'agent');
    capture.offsetMs = 5000;
    await t.recordings.stop(call.id);
    expect(t.paused.at(-1)).toEqual([
      { startMs: 1500, endMs: 3000, by: 'pci-guard', reason: 'card number' },
      { startMs: 4000, endMs: 5000, by: 'agent' },
    ]);
    expect(t.log.at(-1)).toBe('finish');
  });

  it('pausing twice records one interval; a call that is not recorded cannot be paused', async () => {
    const t = setUp();
    expect(t.recordings.setPaused('nope', true, 'agent')).toBe(false);
    await t.recordings.start(call);
    t.recordings.setPaused(call.id, true, 'agent');
    t.recordings.setPaused(call.id, true, 'agent');
    await t.recordings.stop(call.id);
    expect(t.paused.at(-1)).toHaveLength(1);
  });

  it('the PCI guard lifts only its own pause, never one the agent chose', async () => {
    const t = setUp();
    await t.recordings.start(call);
    t.recordings.setPaused(call.id, true, 'agent');
    t.recordings.setPaused(call.id, false, 'pci-guard');
    expect(t.recordings.isPaused(call.id)).toBe(true);
    t.recordings.setPaused(call.id, false, 'agent');
    t.recordings.setPaused(call.id, true, 'pci-guard');
    t.recordings.setPaused(call.id, false, 'pci-guard');
    expect(t.recordings.isPaused(call.id)).toBe(false);
    await t.recordings.stop(call.id);
  });

  it('back-dates a PCI pause into the delay line, no further, and joins it to a pause it reaches into', async () => {
    // The store's clock says 1,000 (setUp); the guard's utterance began 300 ms earlier, then 2,000 ms earlier.
    const t = setUp();
    await t.recordings.start(call);
    const capture = firstCapture(t);
    capture.delayMs = 400;
    capture.offsetMs = 5000;
    t.recordings.setPaused(call.id, true, 'pci-guard', 'card number', 700);
    capture.offsetMs = 6000;
    t.recordings.setPaused(call.id, false, 'pci-guard');
    capture.offsetMs = 6200;
    t.recordings.setPaused(call.id, true, 'pci-guard', 'card number', -1000);
    expect(t.recordings.isPaused(call.id)).toBe(true);
    capture.offsetMs = 9000;
    t.recordings.setPaused(call.id, false, 'pci-guard');
    capture.offsetMs = 9500;
    t.recordings.setPaused(call.id, true, 'agent', undefined, -5000);
    await t.recordings.stop(call.id);
    expect(t.paused.at(-1)).toEqual([
      // 300 ms back; then 2 s back is capped at the delay line (5800) and so reaches into the first pause.
      { startMs: 4700, endMs: 9000, by: 'pci-guard', reason: 'card number' },
      { startMs: 9100, endMs: 9500, by: 'agent' },
    ]);
  });

  it('a recorder restart is written after the slices before it and before those after it', async () => {
    const t = setUp();
    await t.recordings.start(call);
    const capture = firstCapture(t);
    capture.callbacks.onSlice(new Blob(['a']), 1000);
    capture.callbacks.onRestart?.({ atMs: 2500, lastAudioMs: 1000, mimeType: 'audio/webm;codecs=opus' });
    capture.callbacks.onSlice(new Blob(['b']), 3500);
    await t.recordings.stop(call.id);
    expect(t.log).toEqual(['append a', 'restart at 2500', 'append b', 'append last', 'finish']);
  });

  it('a hang-up while the recording is being created still closes it', async () => {
    let open: (id: string) => void = () => undefined;
    const t = setUp({ begin: () => new Promise<string>((resolve) => (open = resolve)) });
    void t.recordings.start(call);
    expect(t.recordings.isRecording(call.id)).toBe(true);
    const stopped = t.recordings.stop(call.id);
    open('rec-9');
    await stopped;
    expect(t.log).toEqual(['append last', 'finish']);
    expect(t.recordings.isRecording(call.id)).toBe(false);
  });

  it('reports a slice that could not be saved and goes on with the next', async () => {
    const full = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    let calls = 0;
    const t = setUp({
      append: () => (++calls === 1 ? Promise.reject(full) : Promise.resolve({ seq: calls, commitMs: 1 })),
    });
    await t.recordings.start(call);
    firstCapture(t).callbacks.onSlice(new Blob(['a']), 1000);
    firstCapture(t).callbacks.onSlice(new Blob(['b']), 2000);
    await t.recordings.stop(call.id);
    expect(t.failures).toEqual([full]);
    expect(calls).toBe(3);
    expect(t.store.finish).toHaveBeenCalledOnce();
  });
});
