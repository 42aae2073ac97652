import { describe, expect, it } from 'vitest';
import { entryHash, sha256Hex } from '@renderer/features/recording/store/hash-chain';
import { RECORDING_KEY_NAME } from '@renderer/features/recording/store/recording-key';
import { call, concat, electronHost, fakeDisk, makeStore, must, recordSlices, slice } from './store-fixtures';

/** Deletes the last `drop` chunk rows and edits the manifest to match, as someone without the key could. */
async function truncate(db: ReturnType<typeof makeStore>['db'], id: string, keep: number): Promise<void> {
  const manifest = must(await db.recordings.get(id));
  for (let seq = keep; seq < manifest.chunks; seq++) await db.chunks.delete([id, seq]);
  const last = must(await db.chunks.get([id, keep - 1]));
  const rows = await db.chunks.where('[recordingId+seq]').between([id, 0], [id, keep], true, false).toArray();
  await db.recordings.update(id, { chunks: keep, chainHead: last.entryHash, bytes: rows.reduce((sum, row) => sum + row.plainBytes, 0) });
}

describe('recording store: keyed chain and end record', () => {
  it('seals an intact recording with its chunk count, chain head and end reason, and it verifies', async () => {
    const { store, id } = await (async () => {
      const test = makeStore();
      return { ...test, ...(await recordSlices(test.store, 4)) };
    })();
    const manifest = await store.get(id);
    expect(manifest).toMatchObject({ state: 'saved', chain: 2, end: { chunks: 4, chainHead: manifest.chainHead, reason: 'call-ended' } });
    expect(manifest.end?.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.verify(id)).toEqual({ ok: true });
    const exported = await store.export(id);
    expect(exported.manifest).toMatchObject({ chainVersion: 2, endReason: 'call-ended' });
  });

  it('finds the last chunks deleted and the manifest edited to match: damaged, truncated at the first missing chunk', async () => {
    const { store, db } = makeStore();
    const { id } = await recordSlices(store, 6);
    await truncate(db, id, 4);
    expect(await store.verify(id)).toEqual({ ok: false, seq: 4, reason: 'truncated' });
    expect(await store.get(id)).toMatchObject({ state: 'damaged', damage: { seq: 4, reason: 'truncated' } });
  });

  it('finds the end record edited to the shorter length, or removed, or a PCI pause shortened', async () => {
    const { store, db } = makeStore();
    const edited = await recordSlices(store, 5);
    await truncate(db, edited.id, 3);
    const end = must((await db.recordings.get(edited.id))?.end);
    await db.recordings.update(edited.id, { end: { ...end, chunks: 3, chainHead: must(await db.chunks.get([edited.id, 2])).entryHash } });
    expect(await store.verify(edited.id)).toEqual({ ok: false, seq: 3, reason: 'seal-invalid' });

    const removed = await recordSlices(store, 3);
    await db.recordings.update(removed.id, { end: undefined });
    expect(await store.verify(removed.id)).toEqual({ ok: false, seq: 3, reason: 'unsealed' });

    const paused = await store.begin(call);
    await store.append(paused, slice(0), 1000);
    await store.setPaused(paused, [{ startMs: 200, endMs: 900, by: 'pci-guard' }]);
    await store.finish(paused, call.startedAt + 1000);
    await db.recordings.update(paused, { paused: [{ startMs: 200, endMs: 300, by: 'pci-guard' }] });
    expect(await store.verify(paused)).toEqual({ ok: false, seq: 1, reason: 'seal-invalid' });
  });

  it('exports a damaged recording for the quarantine: the chunks that verified before the break, and the verdict', async () => {
    const { store, db } = makeStore();
    const { id, slices } = await recordSlices(store, 5);
    const row = must(await db.chunks.get([id, 3]));
    await db.chunks.put({ ...row, ciphertext: new Uint8Array(row.ciphertext.byteLength).buffer });
    const quarantine = await store.exportQuarantine(id);
    expect(quarantine.manifest.quarantine).toMatchObject({ seq: 3, reason: 'altered', claimedChunks: 5 });
    expect(quarantine.manifest.quarantine.detail).toContain('chunk 3 of 5: altered');
    expect(quarantine.manifest.chunks.map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(new Uint8Array(await quarantine.audio.arrayBuffer())).toEqual(concat(slices.slice(0, 3)));
    expect((await store.get(id)).state).toBe('damaged');
    await store.markQuarantined(id, { urls: ['https://store/q/1'], uploadedAt: 1 });
    expect(await store.get(id)).toMatchObject({ state: 'damaged', quarantinedAt: 1 });

    const sound = await recordSlices(store, 2);
    await expect(store.exportQuarantine(sound.id)).rejects.toThrow(/it verifies/);
  });

  it('refuses a chain rebuilt without the key after the last chunk was deleted', async () => {
    const { store, db } = makeStore();
    const { id } = await recordSlices(store, 3);
    // Without the chain key the only recipe at hand is plain SHA-256 (version 1's): the first entry fails.
    const rows = await db.chunks.where('[recordingId+seq]').between([id, 0], [id, 2], true, false).toArray();
    let prev = '';
    for (const row of rows) {
      const rebuilt = await entryHash(prev, row.seq, await sha256Hex(row.ciphertext));
      await db.chunks.put({ ...row, prevHash: prev, entryHash: rebuilt });
      prev = rebuilt;
    }
    await db.chunks.delete([id, 2]);
    await db.recordings.update(id, { chunks: 2, chainHead: prev });
    expect(await store.verify(id)).toEqual({ ok: false, seq: 0, reason: 'altered' });
  });

  it('closes a crashed recording as recovered with what is known, sealed with reason crash, and it verifies', async () => {
    const disk = fakeDisk();
    const crashed = makeStore({}, disk);
    const id = await crashed.store.begin(call);
    const slices = [slice(0), slice(1), slice(2)];
    for (const [n, data] of slices.entries()) await crashed.store.append(id, data, (n + 1) * 1000);
    expect((await crashed.store.get(id)).end).toBeUndefined();
    crashed.db.close();

    const restarted = makeStore({}, disk);
    const now = call.startedAt + 60_000;
    await restarted.store.recover(now);
    const manifest = await restarted.store.get(id);
    expect(manifest).toMatchObject({ state: 'recovered', chunks: 3, endedAt: call.startedAt + 3000, end: { chunks: 3, reason: 'crash', chainHead: manifest.chainHead } });
    expect(await restarted.store.verify(id)).toEqual({ ok: true });
    const exported = await restarted.store.export(id);
    expect(exported.manifest).toMatchObject({ recovered: true, chainVersion: 2, endReason: 'crash' });
    expect(new Uint8Array(await exported.audio.arrayBuffer())).toEqual(concat(slices));
    await truncate(restarted.db, id, 2);
    expect(await restarted.store.verify(id)).toEqual({ ok: false, seq: 2, reason: 'truncated' });
  });

  it('still reads a recording from before the chain was keyed (version 1, no end record)', async () => {
    const { store, db } = makeStore();
    await store.open();
    const id = await store.begin(call);
    // Written the old way: no `chain` in the manifest, so chunks are hashed with plain SHA-256.
    await db.recordings.update(id, { chain: undefined });
    await store.append(id, slice(0), 1000);
    await store.append(id, slice(1), 2000);
    await store.finish(id, call.startedAt + 2000);
    const manifest = await store.get(id);
    expect(manifest.end).toBeUndefined();
    const first = must(await db.chunks.get([id, 0]));
    expect(first.entryHash).toBe(await entryHash('', 0, first.cipherSha256));
    expect(await store.verify(id)).toEqual({ ok: true });
    expect((await store.export(id)).manifest.chainVersion).toBe(1);
  });

  it('in Electron derives the chain key from the recording key: the same after a restart, and a browser row gets its own', async () => {
    const electron = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host: electron.host }, disk);
    const { id } = await recordSlices(first.store, 2);
    first.db.close();
    electron.reload();
    const again = makeStore({ host: electron.host }, disk);
    expect(await again.store.verify(id)).toEqual({ ok: true });

    const browser = makeStore();
    await browser.store.open();
    const row = must(await browser.db.keys.get(RECORDING_KEY_NAME));
    expect(row.chainKey).toMatchObject({ extractable: false, algorithm: { name: 'HMAC' }, usages: expect.arrayContaining(['sign', 'verify']) });
  });

  it('gives a browser key row from before the chain was keyed a chain key, keeping the AES key', async () => {
    const disk = fakeDisk();
    const old = makeStore({}, disk);
    await old.store.open();
    const row = must(await old.db.keys.get(RECORDING_KEY_NAME));
    await old.db.keys.put({ ...row, chainKey: undefined });
    old.db.close();
    const upgraded = makeStore({}, disk);
    const status = await upgraded.store.open();
    const after = must(await upgraded.db.keys.get(RECORDING_KEY_NAME));
    expect(after.keyId).toBe(row.keyId);
    expect(status.key.created).toBe(false);
    expect(after.chainKey).toBeDefined();
  });
});
