/**
 * Crash recovery: a recording still in state `recording` at start has no end marker, because the
 * app died mid-call. It is closed as `recovered` with every chunk that committed, and so joins the
 * upload queue like a saved one.
 */
import type { RecordingManifest } from '../types';
import { closeOpenPause } from './manifest-ops';
import { chunkRange, type RecordingsDb } from './recordings-db';

/**
 * Closes the open recordings `isLive` does not claim. The end is the last committed chunk's time
 * (or the start of a pause still open then), never later than `now`; an open pause is closed there.
 */
export async function recoverOpenRecordings(
  db: RecordingsDb,
  now: number,
  isLive: (id: string) => boolean,
): Promise<RecordingManifest[]> {
  const open = await db.recordings.where('state').equals('recording').primaryKeys();
  const recovered: RecordingManifest[] = [];
  for (const id of open) {
    if (isLive(id)) continue;
    const closed = await db.transaction('rw', db.recordings, db.chunks, async () => {
      const manifest = await db.recordings.get(id);
      if (manifest?.state !== 'recording') return undefined;
      const last = await chunkRange(db, id).last();
      const openPause = manifest.paused.find((interval) => interval.endMs === undefined);
      const endMs = Math.max(last?.atMs ?? 0, openPause?.startMs ?? 0);
      manifest.paused = closeOpenPause(manifest.paused, endMs);
      manifest.endedAt = Math.max(manifest.startedAt, Math.min(now, manifest.startedAt + endMs));
      manifest.state = 'recovered';
      manifest.recoveredAt = now;
      await db.recordings.put(manifest);
      return manifest;
    });
    if (closed) recovered.push(closed);
  }
  return recovered;
}
