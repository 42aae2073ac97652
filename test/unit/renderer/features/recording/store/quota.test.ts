import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RecordingStorageFullError, type QuotaEvent } from '@renderer/features/recording/store';
import { call, makeStore, slice } from './store-fixtures';

// 1 KiB cache, warning at half: 200-byte slices cross the warning at the 3rd and the limit at the 6th.
const limits = { cacheLimitMb: 1 / 1024, warnAtPercent: 50 };

describe('recording store: cache quota', () => {
  it('warns when the cache crosses warnAtPercent and again when it is full, for the agent and IT', async () => {
    const { store, lines } = makeStore(limits);
    const events: QuotaEvent[] = [];
    store.onQuota((event) => events.push(event));
    const id = await store.begin(call);
    for (let n = 0; n < 6; n++) await store.append(id, slice(n, 200), (n + 1) * 1000);
    expect(events.map((e) => [e.level, e.usage.bytes, e.usage.pendingBytes, e.usage.limitBytes])).toEqual([
      ['warn', 600, 600, 1024],
      ['full', 1200, 1200, 1024],
    ]);
    expect(lines.filter((l) => l.level !== 'info' && /recording cache/.test(l.message)).map((l) => l.level)).toEqual(['warn', 'error']);
    expect(await store.usage()).toEqual({ bytes: 1200, pendingBytes: 1200, limitBytes: 1024 });
    // Over the limit, capture goes on: nothing unuploaded is dropped.
    await store.append(id, slice(6, 200), 7000);
    expect((await store.get(id)).chunks).toBe(7);
  });

  it('frees room by dropping uploaded audio early, oldest first, and never touches unuploaded audio', async () => {
    const { store, lines } = makeStore(limits);
    const record = async (callId: string, startedAt: number, count: number) => {
      const id = await store.begin({ ...call, callId, startedAt });
      for (let n = 0; n < count; n++) await store.append(id, slice(n, 100), (n + 1) * 1000);
      await store.finish(id, startedAt + count * 1000);
      return id;
    };
    const older = await record('old', call.startedAt, 3);
    const newer = await record('new', call.startedAt + 60_000, 3);
    for (const id of [newer, older]) {
      await store.markUploading(id);
      await store.markUploaded(id, { urls: ['https://rec.bank.example/x'], uploadedAt: call.startedAt + 120_000 }, 30);
    }
    const events: QuotaEvent[] = [];
    store.onQuota((event) => events.push(event));
    const pending = await store.begin({ ...call, callId: 'pending', startedAt: call.startedAt + 180_000 });
    for (let n = 0; n < 5; n++) await store.append(pending, slice(n, 100), (n + 1) * 1000);
    // 300 + 300 + 500 = 1100 ≥ 1024: the older uploaded recording goes, the newer stays.
    expect((await store.get(older)).audioDeleted).toBe(true);
    expect((await store.get(newer)).audioDeleted).toBeUndefined();
    expect(await store.usage()).toMatchObject({ bytes: 800, pendingBytes: 500 });
    expect(lines.some((l) => /removed the local audio of 1 uploaded recording/.test(l.message))).toBe(true);
    for (let n = 5; n < 13; n++) await store.append(pending, slice(n, 100), (n + 1) * 1000);
    expect((await store.get(newer)).audioDeleted).toBe(true);
    // Only unuploaded audio is left and it is over the limit: full, but every chunk is kept.
    // Already at the warning before `pending` began; each early purge kept it there, so the one
    // announcement is the crossing into full once nothing uploaded was left to drop.
    expect(events.map((e) => [e.level, e.usage.bytes])).toEqual([['full', 1100]]);
    expect(store.quotaStatus()).toEqual({ level: 'full', usage: { bytes: 1300, pendingBytes: 1300, limitBytes: 1024 } });
    expect(await store.verify(pending)).toEqual({ ok: true });
    expect((await store.get(pending)).chunks).toBe(13);
  });

  it('turns a QuotaExceededError from IndexedDB into RecordingStorageFullError; the chunk is not saved and capture can go on', async () => {
    const { store, db, lines } = makeStore();
    let diskFull = false;
    db.use({
      stack: 'dbcore',
      name: 'disk-full',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          if (name !== 'chunks') return table;
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              diskFull ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError')) : table.mutate(request),
          };
        },
      }),
    });
    const events: QuotaEvent[] = [];
    store.onQuota((event) => events.push(event));
    const id = await store.begin(call);
    await store.append(id, slice(0), 1000);
    diskFull = true;
    const error = await store.append(id, slice(1), 2000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingStorageFullError);
    expect(error).toMatchObject({ recordingId: id, seq: 1, message: expect.stringMatching(/disk or browser storage quota is full/) });
    expect(events.map((e) => e.level)).toEqual(['full']);
    expect(lines.some((l) => l.level === 'error' && /refused a chunk/.test(l.message))).toBe(true);
    expect((await store.get(id)).chunks).toBe(1);

    diskFull = false;
    expect((await store.append(id, slice(2), 3000)).seq).toBe(1);
    await store.finish(id, call.startedAt + 3000);
    expect(await store.verify(id)).toEqual({ ok: true });
    expect(events.map((e) => e.level)).toEqual(['full', 'ok']);
  });

  it('refuses limits that make no sense, naming the policy key', () => {
    expect(() => makeStore({ cacheLimitMb: 0 })).toThrow(/recording.cacheLimitMb/);
    expect(() => makeStore({ warnAtPercent: 120 })).toThrow(/recording.warnAtPercent/);
  });
});
