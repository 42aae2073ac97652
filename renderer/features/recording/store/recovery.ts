/**
 * Crash recovery: a recording still in state `recording` at start has no end marker, because the
 * app died mid-call. It is closed as `recovered` with every chunk that committed and its provisional
 * end (the PCI delay line's audio, the customer's withheld; `adoptTail`, which a recorder restart uses too), and so joins the
 * upload queue like a saved one. A keyed (version 2) recording gets an end record of reason `crash`
 * sealing what is known at recovery: the committed chunks, their chain head, the last chunk's time.
 */
import type { EndRecord, RecordingManifest, WithheldSpan } from '../types';
import { advanceManifest } from './chunk-commit';
import { closeOpenPause } from './manifest-ops';
import { chunkRange, type RecordingsDb } from './recordings-db';

/** Seals the end record of a closed manifest (end-record.ts's sealEnd with reason `crash`). */
export type SealCrash = (manifest: RecordingManifest) => Promise<EndRecord>;

/**
 * Appends the recording's provisional end (the audio that was still in the PCI delay line, the customer's
 * withheld) when it follows the last committed chunk, recording the withheld span in the manifest. A tail
 * that does not follow (the recorder restarted, or a chunk committed without one) is dropped.
 */
export async function adoptTail(db: RecordingsDb, id: string, reason: WithheldSpan['reason']): Promise<number | undefined> {
  return db.transaction('rw', db.recordings, db.chunks, db.tails, async () => {
    const [manifest, tail] = await Promise.all([db.recordings.get(id), db.tails.get(id)]);
    if (!tail) return undefined;
    await db.tails.delete(id);
    const { chunk } = tail;
    if (manifest?.state !== 'recording' || chunk.seq !== manifest.chunks || chunk.prevHash !== manifest.chainHead) return undefined;
    await db.chunks.add(chunk);
    advanceManifest(manifest, chunk);
    if (chunk.atMs > tail.withheldFromMs) {
      manifest.withheld = [...(manifest.withheld ?? []), { startMs: tail.withheldFromMs, endMs: chunk.atMs, reason }];
    }
    await db.recordings.put(manifest);
    return chunk.atMs;
  });
}

/** The manifest closed at its last committed chunk (or the start of a pause still open then), never later than `now`. */
async function closedAtLastChunk(db: RecordingsDb, id: string, now: number): Promise<RecordingManifest | undefined> {
  return db.transaction('r', db.recordings, db.chunks, async () => {
    const manifest = await db.recordings.get(id);
    if (manifest?.state !== 'recording') return undefined;
    const last = await chunkRange(db, id).last();
    const openPause = manifest.paused.find((interval) => interval.endMs === undefined);
    const endMs = Math.max(last?.atMs ?? 0, openPause?.startMs ?? 0);
    return {
      ...manifest,
      paused: closeOpenPause(manifest.paused, endMs),
      endedAt: Math.max(manifest.startedAt, Math.min(now, manifest.startedAt + endMs)),
      state: 'recovered',
      recoveredAt: now,
    };
  });
}

/**
 * Closes the open recordings `isLive` does not claim. The seal is computed outside the transaction
 * (IndexedDB commits one that waits on WebCrypto); the write checks nothing was appended meanwhile.
 */
export async function recoverOpenRecordings(
  db: RecordingsDb,
  now: number,
  isLive: (id: string) => boolean,
  sealCrash: SealCrash,
): Promise<RecordingManifest[]> {
  const open = await db.recordings.where('state').equals('recording').primaryKeys();
  const recovered: RecordingManifest[] = [];
  for (const id of open) {
    if (isLive(id)) continue;
    await adoptTail(db, id, 'unvetted-at-crash');
    const closed = await closedAtLastChunk(db, id, now);
    if (!closed) continue;
    if (closed.chain === 2) closed.end = await sealCrash(closed);
    const written = await db.transaction('rw', db.recordings, async () => {
      const current = await db.recordings.get(id);
      if (current?.state !== 'recording' || current.chunks !== closed.chunks || current.chainHead !== closed.chainHead) return undefined;
      await db.recordings.put(closed);
      return closed;
    });
    if (written) recovered.push(written);
  }
  return recovered;
}
