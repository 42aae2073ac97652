import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { startCallbacks } from '@renderer/features/callbacks/callbacks-service';
import { appClock } from '@renderer/platform/app-clock';
import { fakePhone } from '../../support/phone-calls';
import { SyncError } from '@common/sync/delta-pull';
import { getDb, resetDbForTests } from '@renderer/db/db';
import type { StoredCallback } from '@renderer/db/schema';
import { openCallbacks, saveCallback } from '@renderer/features/callbacks/callbacks-repo';
import { syncCallbacks } from '@renderer/features/callbacks/callbacks-sync';
import { nodeFetch } from '../../../../fixtures/callback-service/node-fetch';
import { CallbackService } from '../../../../fixtures/callback-service/server';

const ME = 'sip:1001@127.0.0.1';
const COLLEAGUE = 'sip:1002@127.0.0.1';
const service = new CallbackService();

function callback(id: string, patch: Partial<StoredCallback> = {}): StoredCallback {
  return { id, number: '1002', reason: 'back-office', note: '', windowStart: 1_000, windowEnd: 2_000, customerAsked: false, status: 'open', attempts: 0, createdAt: 1, updatedAt: 1, dirty: false, ...patch };
}
const sync = () => syncCallbacks({ syncUrl: service.syncUrl, me: ME, fetch: nodeFetch });

describe('callback service sync (a real HTTP double on loopback)', () => {
  beforeAll(() => service.start());
  afterAll(() => service.stop());
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });

  it('sends what changed here, takes the service\'s callbacks, and a colleague\'s disappear from this desk', async () => {
    await saveCallback(callback('mine', { dirty: true, note: 'promised here' }));
    service.put({ ...callback('queue'), owner: undefined });
    service.put({ ...callback('theirs'), owner: COLLEAGUE });

    expect(await sync()).toEqual({ pushed: 1, rejected: 0, deltas: 1 });
    expect(service.get('mine')).toMatchObject({ owner: ME, note: 'promised here' });
    expect((await openCallbacks()).map((c) => c.id).sort()).toEqual(['mine', 'queue']);
    expect((await getDb().callbacks.get('mine'))?.dirty).toBe(false);

    // A colleague takes the queue's callback: it leaves this desk's list at the next sync.
    service.put({ ...callback('queue', { updatedAt: 5 }), owner: COLLEAGUE });
    await sync();
    expect((await openCallbacks()).map((c) => c.id)).toEqual(['mine']);
  });

  it('a change to a callback a colleague already holds is rejected and removed here', async () => {
    service.put({ ...callback('contested'), owner: COLLEAGUE });
    await saveCallback(callback('contested', { dirty: true, updatedAt: 9, status: 'closed', outcome: 'reached' }));
    expect(await sync()).toMatchObject({ pushed: 0, rejected: 1 });
    expect(await getDb().callbacks.get('contested')).toBeUndefined();
    expect(service.get('contested')?.owner).toBe(COLLEAGUE);
  });

  it('asks with the cursor and ETag it got: nothing new is a 304', async () => {
    await sync();
    const before = service.requests.length;
    await sync();
    const [again] = service.requests.slice(before).filter((r) => r.method === 'GET');
    expect(again).toMatchObject({ status: 304 });
    expect(again?.ifNoneMatch).toMatch(/^"r\d+"$/);
    expect(again?.since).toMatch(/^r\d+$/);
  });

  it('offline: a SyncError, and the list on this computer stays as it was', async () => {
    await saveCallback(callback('local', { dirty: true }));
    await service.stop();
    try {
      await expect(sync()).rejects.toBeInstanceOf(SyncError);
      expect((await openCallbacks()).map((c) => c.id)).toEqual(['local']);
      expect((await getDb().callbacks.get('local'))?.dirty).toBe(true);
    } finally {
      await service.start();
    }
  });

  it('the running desk sends a new callback at once, and drops it from its list when a colleague takes it', async () => {
    const parsed = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: ME, password: 'x' }, callbacks: { syncUrl: service.syncUrl, hours: { timeZone: 'UTC', start: '00:00', end: '24:00' } } }, 'test');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const store = createAppStore();
    const desk = startCallbacks(parsed.policy, store, fakePhone(store).lifecycle, { clock: appClock, phone: { dial: vi.fn() }, chime: vi.fn(), fetch: nodeFetch });
    try {
      const promised = await desk.schedule({ number: '1002', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '' });
      await desk.syncNow();
      expect(store.getState().callbacks.map((c) => c.id)).toContain(promised.id);
      expect(service.get(promised.id)).toMatchObject({ owner: ME, number: '1002' });
      service.put({ ...callback(promised.id), owner: COLLEAGUE, updatedAt: promised.updatedAt + 1 });
      await desk.syncNow();
      expect(store.getState().callbacks.map((c) => c.id)).not.toContain(promised.id);
    } finally {
      desk.stop();
    }
  });

  it('syncs again when the app clock passes callbacks.syncMinutes: a colleague\'s take shows without a restart', async () => {
    const parsed = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: ME, password: 'x' }, callbacks: { syncUrl: service.syncUrl, syncMinutes: 5 } }, 'test');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    let now = Date.parse('2026-12-07T02:00:00Z');
    const jumps = new Set<() => void>();
    const clock = { now: () => now, onJump: (listener: () => void) => (jumps.add(listener), () => jumps.delete(listener)) };
    const advance = (ms: number) => {
      now += ms;
      for (const listener of jumps) listener();
    };
    const store = createAppStore();
    const desk = startCallbacks(parsed.policy, store, fakePhone(store).lifecycle, { clock, phone: { dial: vi.fn() }, chime: vi.fn(), fetch: nodeFetch });
    try {
      const promised = await desk.schedule({ number: '1002', preset: 'in-1-hour', customerAsked: false, reason: 'back-office', note: '' });
      await vi.waitFor(() => expect(service.get(promised.id)).toMatchObject({ owner: ME }));
      await desk.syncNow();
      service.put({ ...callback(promised.id), owner: COLLEAGUE, updatedAt: promised.updatedAt + 1 });
      const gets = () => service.requests.filter((r) => r.method === 'GET').length;
      const before = gets();
      advance(5 * 60_000);
      await vi.waitFor(() => expect(store.getState().callbacks.map((c) => c.id)).not.toContain(promised.id));
      expect(gets()).toBe(before + 1);
    } finally {
      desk.stop();
    }
  });
});
