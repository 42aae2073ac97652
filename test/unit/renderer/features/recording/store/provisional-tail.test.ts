import { describe, expect, it } from 'vitest';
import { call, concat, fakeDisk, makeStore, slice } from './store-fixtures';

const tailOf = (n: number, endMs: number, withheldFromMs: number) => ({ bytes: slice(n), endMs, withheldFromMs });

describe('recording store: the provisional end a crash keeps (PCI delay line)', () => {
  it('after a crash appends the newest tail as the last chunk, withholds its customer span, seals and verifies', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const id = await crashed.store.begin(call);
    await crashed.store.append(id, slice(0), 1000, tailOf(90, 3500, 1000));
    await crashed.store.append(id, slice(1), 1500, tailOf(91, 4000, 1500));
    crashed.db.close(); // the renderer dies with 2.5 s still in the delay line

    const restarted = makeStore({}, disk);
    expect(await restarted.store.recover(call.startedAt + 60_000)).toEqual([id]);
    const manifest = await restarted.store.get(id);
    expect(manifest).toMatchObject({
      state: 'recovered',
      chunks: 3,
      endedAt: call.startedAt + 4000,
      withheld: [{ startMs: 1500, endMs: 4000, reason: 'unvetted-at-crash' }],
      end: { chunks: 3, reason: 'crash' },
    });
    expect(await restarted.store.verify(id)).toEqual({ ok: true });
    const exported = await restarted.store.export(id);
    expect(new Uint8Array(await exported.audio.arrayBuffer())).toEqual(concat([slice(0), slice(1), slice(91)]));
    expect(exported.manifest.withheld).toEqual([{ startMs: 1500, endMs: 4000, reason: 'unvetted-at-crash' }]);
    expect(await restarted.db.tails.count()).toBe(0);
  });

  it('the seal covers the withheld span: editing it out of the manifest is seen', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const id = await crashed.store.begin(call);
    await crashed.store.append(id, slice(0), 1000, tailOf(90, 3500, 1000));
    crashed.db.close();
    const restarted = makeStore({}, disk);
    await restarted.store.recover(call.startedAt + 60_000);
    await restarted.db.recordings.update(id, { withheld: [] });
    expect(await restarted.store.verify(id)).toMatchObject({ ok: false, reason: 'seal-invalid' });
  });

  it('a slice without a tail (the last one, or a recorder without a delay line) removes it: nothing is appended', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const id = await crashed.store.begin(call);
    await crashed.store.append(id, slice(0), 1000, tailOf(90, 3500, 1000));
    await crashed.store.append(id, slice(1), 2000);
    expect(await crashed.db.tails.count()).toBe(0);
    crashed.db.close();
    const restarted = makeStore({}, disk);
    await restarted.store.recover(call.startedAt + 60_000);
    const manifest = await restarted.store.get(id);
    expect(manifest.chunks).toBe(2);
    expect(manifest.withheld).toBeUndefined();
  });

  it('finish drops the tail: a saved recording never grows one', async () => {
    const { store, db } = makeStore();
    const finished = await store.begin(call);
    await store.append(finished, slice(0), 1000, tailOf(90, 3500, 1000));
    await store.finish(finished, call.startedAt + 1000);
    expect(await db.tails.count()).toBe(0);
    expect((await store.get(finished)).chunks).toBe(1);
  });

  it("a recorder restart closes the old recorder's part with its tail: the agent's audio to the tail's end, the customer's withheld", async () => {
    const { store, db } = makeStore();
    const id = await store.begin(call);
    await store.append(id, slice(0), 1000, tailOf(90, 3500, 1000));
    await store.markRestart(id, { atMs: 3700, lastAudioMs: 1000, mimeType: 'audio/webm;codecs=opus' });
    await store.append(id, slice(1), 1000);
    await store.finish(id, call.startedAt + 4700);
    const manifest = await store.get(id);
    expect(manifest).toMatchObject({
      chunks: 3,
      restarts: [{ atMs: 3700, lastAudioMs: 3500, seq: 2 }],
      withheld: [{ startMs: 1000, endMs: 3500, reason: 'unvetted-at-restart' }],
    });
    expect(await db.tails.count()).toBe(0);
    expect(await store.verify(id)).toEqual({ ok: true });
    expect(new Uint8Array(await (await store.export(id)).audio.arrayBuffer())).toEqual(concat([slice(0), slice(90), slice(1)]));
  });

  it('a crash before any audio left the delay line keeps the tail alone (setTail), as the whole file', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const id = await crashed.store.begin(call);
    await crashed.store.setTail(id, tailOf(90, 1000, 0));
    await crashed.store.setTail(id, tailOf(91, 1500, 0));
    crashed.db.close();
    const restarted = makeStore({}, disk);
    await restarted.store.recover(call.startedAt + 60_000);
    expect(await restarted.store.get(id)).toMatchObject({ chunks: 1, endedAt: call.startedAt + 1500, withheld: [{ startMs: 0, endMs: 1500 }] });
    expect(await restarted.store.verify(id)).toEqual({ ok: true });
    expect(new Uint8Array(await (await restarted.store.export(id)).audio.arrayBuffer())).toEqual(concat([slice(91)]));
  });

  it('refuses a tail that ends before its slice', async () => {
    const { store } = makeStore();
    const id = await store.begin(call);
    await expect(store.append(id, slice(0), 2000, tailOf(90, 1500, 1000))).rejects.toThrow(/a tail must end at or after its slice \(2000 ms\)/);
  });
});
