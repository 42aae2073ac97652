/**
 * The upload side of a recording's life: uploading → (retry) → uploaded, then, after retention, the
 * local audio is purged. Audio is deleted only from recordings the store acknowledged (state
 * `uploaded` with an `uploadedAt`); nothing else is ever deleted here.
 */
import type { RecordingManifest, RecordingState } from '../types';
import { updateManifest } from './manifest-ops';
import { chunkRange, type RecordingsDb } from './recordings-db';

const DAY_MS = 86_400_000;

/** States an upload may start (or restart) from. A damaged recording is never uploaded as if sound. */
const UPLOADABLE: readonly RecordingState[] = ['saved', 'recovered', 'uploading'];

/** An upload attempt starts: state `uploading`, one more attempt, no retry pending. */
export function markUploading(db: RecordingsDb, id: string): Promise<RecordingManifest> {
  return updateManifest(db, id, 'start uploading', UPLOADABLE, (manifest) => {
    manifest.state = 'uploading';
    manifest.upload = { ...manifest.upload, attempts: (manifest.upload?.attempts ?? 0) + 1, nextAttemptAt: undefined };
  });
}

/**
 * An attempt failed (possibly before it started, e.g. while reading the audio): the state stays as it
 * is (`uploading` means waiting for its retry); the error and the next attempt's time are kept.
 */
export function markUploadFailed(db: RecordingsDb, id: string, error: string, nextAttemptAt?: number): Promise<RecordingManifest> {
  if (nextAttemptAt !== undefined && !Number.isFinite(nextAttemptAt)) throw new RangeError('nextAttemptAt must be epoch ms');
  // A damaged recording's failed attempt is its quarantine upload's.
  return updateManifest(db, id, 'record an upload failure for', [...UPLOADABLE, 'damaged'], (manifest) => {
    manifest.upload = { attempts: 0, ...manifest.upload, lastError: error.slice(0, 500), nextAttemptAt };
  });
}

/** What the store acknowledged. */
export interface UploadAck {
  urls: string[];
  /** Epoch ms of the acknowledgement (hash matched). */
  uploadedAt: number;
}

/**
 * The store's quarantine acknowledged a damaged recording (what verified, and the verdict): it stays
 * `damaged` with `quarantinedAt`, and its local audio is kept (it is never purged by retention).
 */
export function markQuarantined(db: RecordingsDb, id: string, ack: UploadAck): Promise<RecordingManifest> {
  if (!Number.isFinite(ack.uploadedAt)) throw new RangeError('uploadedAt must be epoch ms');
  return updateManifest(db, id, 'mark quarantined', ['damaged'], (manifest) => {
    manifest.upload = { attempts: (manifest.upload?.attempts ?? 0) + 1, urls: [...ack.urls] };
    manifest.quarantinedAt = ack.uploadedAt;
  });
}

/** The store acknowledged the upload with a matching hash: `uploaded`, local audio kept `retentionDays`. */
export function markUploaded(db: RecordingsDb, id: string, ack: UploadAck, retentionDays: number): Promise<RecordingManifest> {
  if (!Number.isFinite(ack.uploadedAt)) throw new RangeError('uploadedAt must be epoch ms');
  if (!Number.isFinite(retentionDays) || retentionDays < 0) throw new RangeError(`retentionDays must be ≥ 0, got ${retentionDays}`);
  return updateManifest(db, id, 'mark uploaded', ['uploading'], (manifest) => {
    manifest.state = 'uploaded';
    manifest.upload = {
      attempts: manifest.upload?.attempts ?? 1,
      uploadedAt: ack.uploadedAt,
      urls: [...ack.urls],
    };
    manifest.deleteAfter = ack.uploadedAt + retentionDays * DAY_MS;
  });
}

/** Whether the recording's local audio may go: acknowledged by the store and still on this machine. */
export function isPurgeable(manifest: RecordingManifest): boolean {
  return manifest.state === 'uploaded' && manifest.upload?.uploadedAt !== undefined && !manifest.audioDeleted;
}

/** Uploaded recordings whose retention ran out by `now`. */
export async function expiredRecordings(db: RecordingsDb, now: number): Promise<RecordingManifest[]> {
  const uploaded = await db.recordings.where('state').equals('uploaded').toArray();
  return uploaded.filter((manifest) => isPurgeable(manifest) && manifest.deleteAfter !== undefined && manifest.deleteAfter <= now);
}

/** Uploaded recordings that still hold audio, oldest first: what may go early when the cache is full. */
export async function purgeableOldestFirst(db: RecordingsDb): Promise<RecordingManifest[]> {
  const uploaded = await db.recordings.where('state').equals('uploaded').toArray();
  return uploaded.filter(isPurgeable).sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Deletes one recording's chunks and flags the manifest `audioDeleted`, in one transaction, after
 * checking again that the store acknowledged it. Returns the manifest, or undefined if not purgeable.
 */
export function purgeAudio(db: RecordingsDb, id: string): Promise<RecordingManifest | undefined> {
  return db.transaction('rw', db.recordings, db.chunks, async () => {
    const manifest = await db.recordings.get(id);
    if (!manifest || !isPurgeable(manifest)) return undefined;
    await chunkRange(db, id).delete();
    manifest.audioDeleted = true;
    await db.recordings.put(manifest);
    return manifest;
  });
}
