import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { qualityPolicySchema } from '@common/contract/policy';
import type { CallHistoryEntry, CallQualitySummary } from '@renderer/db/schema';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';
import { startQualityMonitor, type MonitorState } from '@renderer/features/quality/quality-monitor';
import { createQualitySlice, type QualitySlice } from '@renderer/features/quality/quality-slice';
import { fakePhone } from '../../support/phone-calls';

const call: CallSnapshot = {
  id: 'call-1',
  direction: 'incoming',
  remoteNumber: '1002',
  remoteName: '',
  phase: 'active',
  startedAt: 0,
  answeredAt: 0,
  heldLocally: false,
  heldRemotely: false,
  muted: false,
  cti: {},
};

/** The agent's history around the real quality slice (the calls come from the phone's lifecycle). */
function makeStore() {
  return create<QualitySlice & Omit<MonitorState, keyof QualitySlice>>()((set, ...rest) => ({
    ...createQualitySlice(set, ...rest),
    history: [],
    patchHistory: (id: string, patch: Partial<CallHistoryEntry>) =>
      set((s) => ({ history: s.history.map((e) => (e.id === id ? { ...e, ...patch } : e)) })),
  }));
}

/** A peer connection whose inbound audio counters grow 100 packets per read, `lost` of them lost. */
function fakePeerConnection() {
  const counters = { received: 0, lost: 0 };
  const state = { lossPerRead: 0 };
  return {
    state,
    getStats: vi.fn(() => {
      counters.received += 100 - state.lossPerRead;
      counters.lost += state.lossPerRead;
      const stats = [
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: counters.received,
          packetsLost: counters.lost,
          jitter: 0.002,
          // Every packet carries 960 samples that each waited 30 ms in the jitter buffer.
          jitterBufferDelay: counters.received * 960 * 0.03,
          jitterBufferEmittedCount: counters.received * 960,
        },
      ];
      return Promise.resolve(new Map(stats.map((s, i) => [String(i), s])) as unknown as RTCStatsReport);
    }),
  };
}

const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const thresholds = qualityPolicySchema.parse({});

describe('quality monitor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    log.info.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  function start() {
    const store = makeStore();
    const pc = fakePeerConnection();
    const saveSummary = vi.fn((_id: string, _summary: CallQualitySummary) => Promise.resolve());
    const phone = fakePhone();
    const stop = startQualityMonitor({ store, lifecycle: phone.lifecycle, thresholds, peerConnection: () => pc, saveSummary, log });
    return { store, phone, pc, saveSummary, stop };
  }

  it('samples an active call every sampleSeconds, warns on loss and recovers', async () => {
    const { store, phone, pc, stop } = start();
    phone.update({ ...call, phase: 'connecting' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pc.getStats).not.toHaveBeenCalled(); // not active yet
    phone.update(call);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState().quality['call-1']?.latest).toMatchObject({ level: 'good', lossPercent: 0 });

    pc.state.lossPerRead = 10;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState().quality['call-1']?.latest).toMatchObject({ level: 'poor', warnings: ['mos', 'loss'] });
    pc.state.lossPerRead = 0;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState().quality['call-1']?.latest.level).toBe('good');
    expect(store.getState().quality['call-1']?.summary).toMatchObject({ samples: 3, warned: true, lossMaxPercent: 10 });
    // The log records the changes, not every sample.
    expect(log.info.mock.calls.map(([line]) => line)).toEqual(['call quality poor: mos, loss', 'call quality good']);
    stop();
  });

  it('records nothing while the call is on hold', async () => {
    const { store, phone, stop } = start();
    phone.update({ ...call, heldLocally: true });
    await vi.advanceTimersByTimeAsync(6_000);
    expect(store.getState().quality['call-1']).toBeUndefined();
    phone.update(call);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.getState().quality['call-1']?.summary.samples).toBe(1);
    stop();
  });

  it('saves the summary when the call ends and shows it in the history entry once that lands', async () => {
    const { store, phone, pc, saveSummary, stop } = start();
    phone.update(call);
    await vi.advanceTimersByTimeAsync(6_000);
    const summary = store.getState().quality['call-1']?.summary;
    expect(summary?.samples).toBe(3);

    phone.end('call-1'); // the phone ends the call first …
    expect(saveSummary).toHaveBeenCalledWith('call-1', summary);
    expect(store.getState().quality['call-1']).toBeUndefined();
    const entry = { id: 'call-1', number: '1002' } as CallHistoryEntry;
    store.setState({ history: [entry] }); // … then adds its history entry
    expect(store.getState().history[0]?.quality).toEqual(summary);

    const reads = pc.getStats.mock.calls.length;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(pc.getStats.mock.calls.length).toBe(reads); // sampling stopped with the call
    stop();
  });

  it('logs a failed getStats with the error itself, so its stack reaches the log', async () => {
    const { phone, pc, stop } = start();
    const error = new Error('peer connection closed');
    pc.getStats.mockImplementation(() => Promise.reject(error));
    log.warn.mockClear();
    phone.update(call);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log.warn).toHaveBeenCalledWith('getStats failed', error);
    stop();
  });

  it('stores no summary for a call that never got a sample', async () => {
    const { phone, saveSummary, stop } = start();
    phone.update(call);
    await vi.advanceTimersByTimeAsync(500);
    phone.end('call-1');
    expect(saveSummary).not.toHaveBeenCalled();
    stop();
  });
});
