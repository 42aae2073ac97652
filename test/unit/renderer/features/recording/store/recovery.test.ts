import { describe, expect, it } from 'vitest';
import { call, concat, fakeDisk, makeStore, slice } from './store-fixtures';

describe('recording store: crash recovery', () => {
  it('closes a recording left open by a crash as recovered, with every committed chunk', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    await crashed.store.open();
    const id = await crashed.store.begin(call);
    const slices = [slice(0), slice(1), slice(2), slice(3), slice(4)];
    for (const [n, data] of slices.entries()) await crashed.store.append(id, data, (n + 1) * 1000);
    crashed.db.close(); // the renderer dies: no finish()

    const restarted = makeStore({}, disk);
    const now = call.startedAt + 60_000;
    expect(await restarted.store.recover(now)).toEqual([id]);
    const manifest = await restarted.store.get(id);
    expect(manifest).toMatchObject({ state: 'recovered', chunks: 5, endedAt: call.startedAt + 5000, recoveredAt: now });
    const exported = await restarted.store.export(id);
    expect(new Uint8Array(await exported.audio.arrayBuffer())).toEqual(concat(slices));
    expect(exported.manifest.recovered).toBe(true);
    expect(restarted.lines.some((l) => l.level === 'warn' && l.message.includes('recovered 1 recording'))).toBe(true);
    expect(await restarted.store.recover(now)).toEqual([]);
  });

  it('closes a pause that was still open at the crash, and recovers a recording with no chunks', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const paused = await crashed.store.begin(call);
    await crashed.store.append(paused, slice(0), 1000);
    await crashed.store.setPaused(paused, [{ startMs: 1500, by: 'agent' }]);
    const empty = await crashed.store.begin({ ...call, callId: 'call-2' });
    crashed.db.close();

    const restarted = makeStore({}, disk);
    expect((await restarted.store.recover(call.startedAt + 60_000)).sort()).toEqual([paused, empty].sort());
    expect(await restarted.store.get(paused)).toMatchObject({
      endedAt: call.startedAt + 1500,
      paused: [{ startMs: 1500, endMs: 1500, by: 'agent' }],
    });
    expect(await restarted.store.get(empty)).toMatchObject({ state: 'recovered', chunks: 0, endedAt: call.startedAt });
    expect(await restarted.store.verify(empty)).toEqual({ ok: true });
  });

  it('does not close a recording this window is still capturing, nor one another window holds live', async () => {
    const { store, db } = makeStore();
    const mine = await store.begin(call);
    const theirs = await store.begin({ ...call, callId: 'call-2' });
    expect(await store.recover()).toEqual([]);
    // A second window on the same database: Web Locks say only `theirs` is still live somewhere.
    const locks = {
      request: () => Promise.resolve(undefined),
      query: async () => ({ held: [{ name: `lingxi-recording-live:${theirs}`, mode: 'exclusive' as const, clientId: 'a' }], pending: [] }),
    };
    const second = makeStore({ db, locks });
    expect(await second.store.recover()).toEqual([mine]);
    expect((await second.store.get(theirs)).state).toBe('recording');
  });
});
