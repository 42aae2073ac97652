/**
 * The customer context a callback keeps: the customer's own preferred time from the CRM profile (the window,
 * "customer asked" only then) and assist's call summary, made before or after the callback was promised.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { getDb, resetDbForTests } from '@renderer/db/db';
import { startCallbacks, type Callbacks, type CallSummaries } from '@renderer/features/callbacks/callbacks-service';
import type { AppClock } from '@renderer/platform/app-clock';
import { fakePhone } from '../../support/phone-calls';

const policyResult = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } }, 'test');
if (!policyResult.ok) throw new Error(JSON.stringify(policyResult.problems));
const policy = policyResult.policy;

/** 10:00 in Shanghai (the default calling hours' zone), Monday 7 December 2026. */
const MONDAY_10 = Date.parse('2026-12-07T02:00:00Z');
const clock: AppClock = { now: () => MONDAY_10, onJump: () => () => undefined };
const iso = (ms: number) => new Date(ms).toISOString();

/** Assist's summaries as the port hands them over: a text per call, and news of each new one. */
function fakeSummaries() {
  const texts = new Map<string, string>();
  const listeners = new Set<(callId: string, text: string) => void>();
  const port: CallSummaries = {
    textOf: (callId) => texts.get(callId),
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
  };
  return {
    port,
    made(callId: string, text: string) {
      texts.set(callId, text);
      for (const listener of listeners) listener(callId, text);
    },
  };
}

describe('a callback\'s customer context', () => {
  let service: Callbacks;
  let store: ReturnType<typeof createAppStore>;
  let summaries: ReturnType<typeof fakeSummaries>;
  const dial = vi.fn(async (_target: string) => ({ ok: true as const, callId: 'out-1' }));

  const popWithPreference = (callPreference?: string) =>
    store.getState().addPop({
      callId: 'c1',
      number: '13800000000',
      cti: { intent: 'card dispute' },
      trusted: true,
      source: 'crm',
      profiles: [{ id: 'C1001', name: 'Wang Fang', tags: [], phones: [], products: [], interactions: [], complaints: [], ...(callPreference ? { callPreference } : {}) }],
      selected: 0,
      loading: false,
    });

  beforeEach(async () => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    store = createAppStore();
    summaries = fakeSummaries();
    service = startCallbacks(policy, store, fakePhone(store).lifecycle, { clock, phone: { dial }, chime: vi.fn(), summaries: summaries.port });
    await vi.waitFor(() => expect(store.getState().callbacksNow).toBe(MONDAY_10));
  });
  afterEach(() => service.stop());

  it('the customer\'s preferred time sets the window and counts as asked for, even in the quiet hours', async () => {
    popWithPreference('20:00-22:00');
    const callback = await service.schedule({ number: '13800000000', preset: 'preference', customerAsked: false, reason: 'customer-asked', note: '', callId: 'c1' });
    expect([iso(callback.windowStart), iso(callback.windowEnd)]).toEqual(['2026-12-07T12:00:00.000Z', '2026-12-07T14:00:00.000Z']); // 20:00–22:00 Shanghai
    expect(callback).toMatchObject({ customerAsked: true, preference: '20:00-22:00', customerId: 'C1001', customerName: 'Wang Fang', intent: 'card dispute' });
  });

  it('without a preference on the profile it is "in 1 hour", fitted to the calling hours, not asked for', async () => {
    popWithPreference();
    const callback = await service.schedule({ number: '13800000000', preset: 'preference', customerAsked: false, reason: 'customer-asked', note: '', callId: 'c1' });
    expect(callback.windowStart).toBe(MONDAY_10 + 3_600_000);
    expect(callback.customerAsked).toBe(false);
    expect(callback.preference).toBeUndefined();
  });

  it('keeps the call summary made before the callback, and shows it while the callback rings', async () => {
    popWithPreference();
    summaries.made('c1', 'Intent: card dispute\nKey facts: ¥500 on 3 December');
    const callback = await service.schedule({ number: '13800000000', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '', callId: 'c1' });
    expect(callback.summary).toBe('Intent: card dispute\nKey facts: ¥500 on 3 December');
    await service.callBack(callback.id);
    expect(store.getState().callbackAttempts['out-1']?.summary).toBe('Intent: card dispute\nKey facts: ¥500 on 3 December');
  });

  it('a summary made after the callback was promised (during the call) joins it, stored and marked for sync', async () => {
    popWithPreference();
    const callback = await service.schedule({ number: '13800000000', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '', callId: 'c1' });
    expect(callback.summary).toBeUndefined();
    await getDb().callbacks.update(callback.id, { dirty: false });
    summaries.made('c2', 'another call');
    summaries.made('c1', 'Intent: card dispute');
    await vi.waitFor(async () => expect(await getDb().callbacks.get(callback.id)).toMatchObject({ summary: 'Intent: card dispute', dirty: true }));
    expect(store.getState().callbacks[0]?.summary).toBe('Intent: card dispute');
  });

  it('a very long summary is cut to what the callback service takes', async () => {
    summaries.made('c1', 'x'.repeat(5000));
    const callback = await service.schedule({ number: '13800000000', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '', callId: 'c1' });
    expect(callback.summary).toHaveLength(4000);
  });
});
