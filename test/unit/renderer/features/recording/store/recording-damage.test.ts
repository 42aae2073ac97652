import { describe, expect, it } from 'vitest';
import { DamagedRecordingError } from '@renderer/features/recording/store';
import { entryHash, sha256Hex } from '@renderer/features/recording/store/hash-chain';
import { makeStore, recordSlices, type TestStore, must } from './store-fixtures';

async function recorded(count = 5): Promise<TestStore & { id: string }> {
  const test = makeStore();
  const { id } = await recordSlices(test.store, count);
  return { ...test, id };
}

describe('recording store: damage is found at export and verify', () => {
  it('reports an altered chunk in IndexedDB as damaged at that chunk, and never exports it', async () => {
    const { store, db, id, lines } = await recorded();
    const row = must(await db.chunks.get([id, 2]));
    const bytes = new Uint8Array(row.ciphertext.slice(0));
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    await db.chunks.put({ ...row, ciphertext: bytes.buffer });
    const error = await store.export(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedRecordingError);
    expect(error).toMatchObject({ recordingId: id, seq: 2, reason: 'altered' });
    expect(await store.get(id)).toMatchObject({ state: 'damaged', damage: { seq: 2, reason: 'altered' } });
    expect(lines.some((l) => l.level === 'error' && l.message.includes(`${id} is damaged at chunk 2`))).toBe(true);
  });

  it('reports a removed chunk as missing', async () => {
    const { store, db, id } = await recorded();
    await db.chunks.delete([id, 3]);
    expect(await store.verify(id)).toEqual({ ok: false, seq: 3, reason: 'missing' });
    expect((await store.get(id)).state).toBe('damaged');
  });

  it('reports two chunks that swapped seq as reordered', async () => {
    const { store, db, id } = await recorded();
    const one = must(await db.chunks.get([id, 1]));
    const two = must(await db.chunks.get([id, 2]));
    await db.chunks.bulkPut([
      { ...two, seq: 1 },
      { ...one, seq: 2 },
    ]);
    expect(await store.verify(id)).toEqual({ ok: false, seq: 1, reason: 'reordered' });
  });

  it('refuses a chunk copied from another recording even with its (unkeyed) hash chain rebuilt', async () => {
    const { store, db, id } = await recorded(3);
    const other = await recordSlices(store, 3);
    // A forger without the chain key rebuilds the chain around a foreign ciphertext with plain SHA-256: the keyed chain refuses it.
    const foreign = must(await db.chunks.get([other.id, 1]));
    const prev = must(await db.chunks.get([id, 0]));
    const cipherSha256 = await sha256Hex(foreign.ciphertext);
    const forged = { ...foreign, recordingId: id, seq: 1, prevHash: prev.entryHash, cipherSha256, entryHash: await entryHash(prev.entryHash, 1, cipherSha256) };
    await db.chunks.put(forged);
    const last = must(await db.chunks.get([id, 2]));
    const lastEntry = await entryHash(forged.entryHash, 2, last.cipherSha256);
    await db.chunks.put({ ...last, prevHash: forged.entryHash, entryHash: lastEntry });
    await db.recordings.update(id, { chainHead: lastEntry });
    expect(await store.verify(id)).toEqual({ ok: false, seq: 1, reason: 'altered' });
    await expect(store.export(id)).rejects.toMatchObject({ seq: 1, reason: 'altered' });
  });

  it('leaves a sound recording untouched by verify', async () => {
    const { store, id } = await recorded();
    expect(await store.verify(id)).toEqual({ ok: true });
    const manifest = await store.get(id);
    expect(manifest.state).toBe('saved');
    expect(manifest.damage).toBeUndefined();
  });
});
