import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { getDb, resetDbForTests } from '@renderer/db/db';
import { startCallbacks, type Callbacks } from '@renderer/features/callbacks/callbacks-service';
import type { AppClock } from '@renderer/platform/app-clock';
import { fakePhone } from '../../support/phone-calls';

const policyResult = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, callbacks: { retryMinutes: [30] } }, 'test');
if (!policyResult.ok) throw new Error(JSON.stringify(policyResult.problems));
const policy = policyResult.policy;
const MIN = 60_000;

/** 10:00 in Shanghai (the default calling hours' zone), Monday 7 December 2026. */
let time = Date.parse('2026-12-07T02:00:00Z');
const jumps = new Set<() => void>();
const clock: AppClock = { now: () => time, onJump: (listener) => (jumps.add(listener), () => jumps.delete(listener)) };
const advance = (ms: number) => {
  time += ms;
  for (const listener of jumps) listener();
};

describe('callbacks service', () => {
  let service: Callbacks;
  let store: ReturnType<typeof createAppStore>;
  let phone: ReturnType<typeof fakePhone>;
  const chime = vi.fn();
  const dial = vi.fn(async (_target: string) => ({ ok: true as const, callId: 'out-1' }));

  beforeEach(async () => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    time = Date.parse('2026-12-07T02:00:00Z');
    chime.mockClear();
    dial.mockClear();
    store = createAppStore();
    store.getState().configureAgent({ ...store.getState().agentConfig, reasons: ['break'] }, time);
    phone = fakePhone(store);
    service = startCallbacks(policy, store, phone.lifecycle, { clock, phone: { dial }, chime });
    await vi.waitFor(() => expect(store.getState().callbacksNow).toBe(time));
  });
  afterEach(() => service.stop());

  it('reminds once when a callback falls due while Ready, not before, and not while Not ready', async () => {
    await service.schedule({ number: '1002', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: 'refund date' });
    advance(30 * MIN);
    expect(chime).not.toHaveBeenCalled();
    store.getState().dispatchAgent({ type: 'choose', availability: { kind: 'not-ready', reason: 'break' }, at: time });
    advance(31 * MIN);
    expect(chime).not.toHaveBeenCalled();
    store.getState().dispatchAgent({ type: 'choose', availability: { kind: 'ready' }, at: time });
    expect(chime).toHaveBeenCalledTimes(1);
    advance(MIN);
    expect(chime).toHaveBeenCalledTimes(1);
    expect(store.getState().callbacksReminded).toHaveLength(1);
  });

  it('a callback moved by the retry plan reminds again when its new window opens', async () => {
    const callback = await service.schedule({ number: '1002', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '' });
    advance(61 * MIN);
    expect(chime).toHaveBeenCalledTimes(1);
    await service.recordOutcome(callback.id, 'no-answer');
    advance(29 * MIN);
    expect(chime).toHaveBeenCalledTimes(1);
    advance(2 * MIN);
    expect(chime).toHaveBeenCalledTimes(2);
  });

  it('dials the callback, keeps the attempt with the call, and a no answer moves it by the retry plan', async () => {
    const callback = await service.schedule({ number: '1002', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: 'refund date' });
    expect(await service.callBack(callback.id)).toEqual({ ok: true, callId: 'out-1' });
    expect(dial).toHaveBeenCalledWith('1002');
    expect(store.getState().callbackAttempts['out-1']).toMatchObject({ callbackId: callback.id, reason: 'back-office', note: 'refund date' });
    await service.recordOutcome(callback.id, 'no-answer');
    const [moved] = store.getState().callbacks;
    expect(moved).toMatchObject({ attempts: 1, windowStart: time + 30 * MIN, status: 'open' });
    expect(await getDb().callbackAttempts.toArray()).toMatchObject([{ callbackId: callback.id, callId: 'out-1', outcome: 'no-answer' }]);
    await service.recordOutcome(callback.id, 'no-answer');
    expect(store.getState().callbacks).toEqual([]);
    expect(await getDb().callbacks.get(callback.id)).toMatchObject({ status: 'closed', outcome: 'no-answer', attempts: 2 });
  });

  it('a dropped call is offered for "Call back now" and scheduled by itself after callbacks.droppedCallMinutes', async () => {
    phone.update({ phase: 'active', answeredAt: time });
    phone.end('c1', { cause: 'RTP Timeout' });
    expect(store.getState().droppedCall).toMatchObject({ callId: 'c1', number: '1002' });
    advance(4 * MIN);
    expect(store.getState().callbacks).toEqual([]);
    advance(MIN);
    await vi.waitFor(() => expect(store.getState().callbacks).toHaveLength(1));
    expect(store.getState().droppedCall).toBeNull();
    expect(store.getState().callbacks[0]).toMatchObject({ number: '1002', reason: 'dropped', automatic: true, sourceCallId: 'c1', windowStart: time });
  });

  it('a call hung up normally offers nothing', () => {
    phone.update({ phase: 'active', answeredAt: time });
    phone.end('c1');
    expect(store.getState().droppedCall).toBeNull();
  });
});
