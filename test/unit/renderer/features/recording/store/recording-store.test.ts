import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { RecordingManifest } from '@renderer/features/recording/types';
import { RecordingStateError } from '@renderer/features/recording/store';
import { call, concat, fakeDisk, makeStore, recordSlices, slice, must } from './store-fixtures';

describe('recording store: capture to export', () => {
  it('asks for persistent storage at open and reports it; a refusal or a missing API is logged for IT', async () => {
    expect((await makeStore().store.open()).persisted).toBe(true);
    const refused = makeStore({ storage: { persist: async () => false } });
    expect((await refused.store.open()).persisted).toBe(false);
    expect(refused.lines.some((l) => l.level === 'warn' && /not persistent/.test(l.message))).toBe(true);
    expect((await makeStore({ storage: null }).store.open()).persisted).toBe(false);
  });

  it('writes every transaction of the recordings database with strict durability', async () => {
    const { store, db } = makeStore();
    await store.open();
    const durability = await db.transaction('rw', db.recordings, () => Dexie.currentTransaction.idbtrans.durability);
    expect(durability).toBe('strict');
  });

  it('exports the verified concatenation of the slices with its SHA-256 and an upload manifest', async () => {
    const { store } = makeStore();
    const { id, slices } = await recordSlices(store, 4);
    const exported = await store.export(id);
    const audio = new Uint8Array(await exported.audio.arrayBuffer());
    expect(audio).toEqual(concat(slices));
    expect(exported.audio.type).toBe(call.mimeType);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', audio));
    expect(exported.audioSha256).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(exported.manifest).toMatchObject({
      format: 'lingxi-recording/1',
      recordingId: id,
      callId: call.callId,
      number: call.number,
      startedAt: '2025-01-06T09:00:00.000Z',
      endedAt: '2025-01-06T09:00:04.000Z',
      recovered: false,
      channels: { left: 'customer', right: 'agent' },
      audioSha256: exported.audioSha256,
    });
    expect(exported.manifest.chunks.map((c) => [c.seq, c.atMs, c.bytes])).toEqual([
      [0, 1000, 64],
      [1, 2000, 64],
      [2, 3000, 64],
      [3, 4000, 64],
    ]);
    expect((await store.get(id)).state).toBe('saved');
  });

  it('keeps only ciphertext on disk, and the manifest counts what committed', async () => {
    const { store, db } = makeStore();
    const { id, slices } = await recordSlices(store, 3, { size: 128 });
    const rows = await db.chunks.toArray();
    for (const [n, row] of rows.entries()) {
      expect(new Uint8Array(row.ciphertext).slice(0, 128)).not.toEqual(new Uint8Array(must(slices[n])));
    }
    const manifest = await store.get(id);
    expect(manifest).toMatchObject({ chunks: 3, bytes: 384, chainHead: must(rows[2]).entryHash });
  });

  it('resolves append only after commit, and reports how long that took', async () => {
    const { store, db } = makeStore();
    await store.open();
    const id = await store.begin(call);
    const result = await store.append(id, new Blob([new Uint8Array(slice(1))]), 1000);
    expect(result.seq).toBe(0);
    expect(result.commitMs).toBeGreaterThan(0);
    expect(result.commitMs).toBeLessThan(5000);
    // Committed means readable by anyone else at once (a second connection, as after a crash).
    const other = new Dexie(db.name, { indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange });
    await other.open();
    expect(await other.table('chunks').count()).toBe(1);
    other.close();
  });

  it('commits overlapping appends in call order', async () => {
    const { store } = makeStore();
    await store.open();
    const id = await store.begin(call);
    // A big first slice takes longest to encrypt: it must still be seq 0.
    const sizes = [200_000, 10, 5000, 1, 64, 3];
    const results = await Promise.all(sizes.map((size, n) => store.append(id, slice(n, size), (n + 1) * 1000)));
    expect(results.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    await store.finish(id, call.startedAt + 6000);
    const exported = await store.export(id);
    expect(exported.manifest.chunks.map((c) => c.bytes)).toEqual(sizes);
    expect(await store.verify(id)).toEqual({ ok: true });
  });

  it('verifies long recordings (read in pages) and a live one while chunks keep arriving', async () => {
    const { store } = makeStore();
    await store.open();
    const id = await store.begin(call);
    for (let n = 0; n < 140; n++) await store.append(id, slice(n, 8), (n + 1) * 1000);
    const more = Array.from({ length: 20 }, (_, n) => store.append(id, slice(140 + n, 8), (141 + n) * 1000));
    expect(await store.verify(id)).toEqual({ ok: true });
    await Promise.all(more);
    await store.finish(id, call.startedAt + 400_000);
    const exported = await store.export(id);
    expect(exported.manifest.chunks).toHaveLength(160);
    expect(exported.audio.size).toBe(160 * 8);
  });

  it('lets finish wait for queued chunks, closes an open pause, and refuses later appends', async () => {
    const { store } = makeStore();
    await store.open();
    const id = await store.begin(call);
    void store.append(id, slice(0), 1000);
    await store.setPaused(id, [{ startMs: 1200, by: 'pci-guard', reason: 'card number' }]);
    await store.finish(id, call.startedAt + 9000);
    const manifest = await store.get(id);
    expect(manifest).toMatchObject({ state: 'saved', chunks: 1, endedAt: call.startedAt + 9000 });
    expect(manifest.paused).toEqual([{ startMs: 1200, endMs: 9000, by: 'pci-guard', reason: 'card number' }]);
    await expect(store.append(id, slice(1), 10_000)).rejects.toBeInstanceOf(RecordingStateError);
  });

  it('marks a recorder restart at the first chunk after every queued one, and hands it to the bank', async () => {
    const { store } = makeStore();
    await store.open();
    const id = await store.begin(call);
    void store.append(id, slice(0), 1000);
    void store.append(id, slice(1), 2000);
    await store.markRestart(id, { atMs: 3100, lastAudioMs: 2000, mimeType: 'audio/webm;codecs=opus' });
    await store.append(id, slice(2), 4000);
    await store.finish(id, call.startedAt + 4000);
    const restart = { atMs: 3100, lastAudioMs: 2000, seq: 2, mimeType: 'audio/webm;codecs=opus' };
    expect((await store.get(id)).restarts).toEqual([restart]);
    expect((await store.export(id)).manifest.restarts).toEqual([restart]);
    await expect(store.markRestart(id, restart)).rejects.toBeInstanceOf(RecordingStateError);
  });

  it('rejects malformed input with an actionable message', async () => {
    const { store } = makeStore();
    await expect(store.begin({ ...call, mimeType: '' })).rejects.toThrow(/mimeType is required/);
    const id = await store.begin(call);
    await expect(store.append(id, slice(0), -1)).rejects.toThrow(/atMs/);
    await expect(store.setPaused(id, [{ startMs: 100 }, { startMs: 200, endMs: 300, by: 'agent' }] as never)).rejects.toThrow(/paused\[0\]/);
    await expect(store.setPaused(id, [{ startMs: 500, endMs: 400, by: 'agent' }])).rejects.toThrow(/endMs must be ≥ its startMs/);
    await expect(store.markRestart(id, { atMs: 1000, lastAudioMs: 1500, mimeType: 'audio/webm' })).rejects.toThrow(/lastAudioMs ≤ atMs/);
    await expect(store.markRestart(id, { atMs: 1000, lastAudioMs: 500, mimeType: '' })).rejects.toThrow(/mimeType is required/);
    await expect(store.get('nope')).rejects.toThrow(/no recording nope/);
  });

  it('tells listeners about every manifest change and lists newest first', async () => {
    const { store } = makeStore();
    const seen: RecordingManifest[] = [];
    store.onChange((m) => seen.push(m));
    const first = await recordSlices(store, 2);
    const id = await store.begin({ ...call, callId: 'call-2', startedAt: call.startedAt + 60_000 });
    expect(seen.map((m) => [m.id === first.id, m.state, m.chunks])).toEqual([
      [true, 'recording', 0],
      [true, 'recording', 1],
      [true, 'recording', 2],
      [true, 'saved', 2],
      [false, 'recording', 0],
    ]);
    expect((await store.list()).map((m) => m.id)).toEqual([id, first.id]);
  });

  it('keeps recordings across a restart (a new store on the same disk)', async () => {
    const disk = fakeDisk();
    const before = makeStore({}, disk);
    const { id, slices } = await recordSlices(before.store, 3);
    before.db.close();
    const after = makeStore({}, disk);
    const audio = await (await after.store.export(id)).audio.arrayBuffer();
    expect(new Uint8Array(audio)).toEqual(concat(slices));
  });
});
