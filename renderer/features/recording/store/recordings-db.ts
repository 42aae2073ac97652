/**
 * The recording cache's own Dexie database, `lingxi-recordings`, separate from the app's `lingxi`
 * database so that only recordings pay for strict durability: every transaction here is reported
 * committed only once the data is on stable storage, which is what "a chunk counts as saved" means.
 * Versions are appended only (Dexie's upgrade rule).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { reopenAfterFailure } from '../../../db/reopen';
import type { RecordingChunk, RecordingManifest } from '../types';

/**
 * A recording's provisional end (ProvisionalTail), sealed as the chunk that would follow the last one
 * committed: encrypted and chained at that position, so recovery can append it as it is.
 */
export interface TailRow {
  chunk: RecordingChunk;
  withheldFromMs: number;
}

export const RECORDINGS_DB_NAME = 'lingxi-recordings';

/**
 * The recording key's bookkeeping. In the browser host `key` is the non-extractable AES-GCM CryptoKey
 * itself (IndexedDB stores the object; script can use it but never read it out). In Electron the key
 * lives in the host's secret store (safeStorage) and this row holds no key: it only remembers which key
 * the cache was written under, so a key the OS can no longer unwrap is noticed and reported.
 */
export interface RecordingKeyRow {
  name: string;
  /** Random id of the key (not derived from it). */
  keyId: string;
  /** How the key is protected at rest, as the host reported when it was stored. */
  protection: 'os' | 'weak';
  createdAt: number;
  key?: CryptoKey;
  /** Browser host: the hash chain's non-extractable HMAC-SHA-256 key, written with (or after) `key`. */
  chainKey?: CryptoKey;
}

/** One entry of tus-js-client's UrlStorage (the uploader's adapter maps it 1:1). */
export interface TusUploadRow {
  /** The key tus-js-client hands back to removeUpload (primary key). */
  urlStorageKey: string;
  /** tus-js-client's fingerprint of the upload (indexed: findUploadsByFingerprint). */
  fingerprint: string;
  /** tus-js-client's PreviousUpload object, stored as given. */
  upload: unknown;
}

export type RecordingsDb = Dexie & {
  recordings: EntityTable<RecordingManifest, 'id'>;
  /** Primary key [recordingId+seq]: a range over one recording reads its chunks in capture order. */
  chunks: Table<RecordingChunk, [string, number]>;
  keys: EntityTable<RecordingKeyRow, 'name'>;
  tusUploads: EntityTable<TusUploadRow, 'urlStorageKey'>;
  /** One row per recording being made with a PCI delay line, primary key `chunk.recordingId`. */
  tails: Table<TailRow, string>;
};

/** Where the database lives; tests pass fake-indexeddb's factory so each test gets a fresh one. */
export interface RecordingsDbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Creates (does not open) a recordings database with strict durability on every transaction. */
export function createRecordingsDb(options: RecordingsDbOptions = {}): RecordingsDb {
  const db = new Dexie(RECORDINGS_DB_NAME, {
    chromeTransactionDurability: 'strict',
    // Nothing here uses liveQuery: no query cache, and no change notices (below).
    cache: 'disabled',
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as RecordingsDb;
  // Dexie's change notices for liveQuery cost each write transaction (every 500 ms slice of a recorded call)
  // its changed key ranges, an event and a BroadcastChannel message to every other tab and worker; the
  // store tells its own listeners what changed (RecordingStore.onChange).
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.version(1).stores({
    recordings: 'id, state, startedAt, callId',
    chunks: '[recordingId+seq]',
    keys: 'name',
    tusUploads: 'urlStorageKey, fingerprint',
  });
  db.version(2).stores({ tails: 'chunk.recordingId' });
  // Another window upgraded the schema: step aside so it can proceed (see renderer/db/db.ts).
  db.on('versionchange', () => {
    db.close();
    if (typeof location !== 'undefined' && 'reload' in location) location.reload();
    return false;
  });
  return db;
}

let instance: RecordingsDb | undefined;

/** The app's recordings database, created on first use. */
export function getRecordingsDb(): RecordingsDb {
  if (!instance) {
    const db = createRecordingsDb();
    // A full disk closes it under the app: open it again once space is back; not after the app closed it for
    // another window's upgrade.
    const stop = reopenAfterFailure(db);
    db.on('versionchange', () => stop());
    instance = db;
  }
  return instance;
}

/** For tests: close and forget the shared instance. */
export function resetRecordingsDbForTests(): void {
  instance?.close();
  instance = undefined;
}

/** The key range of one recording's chunks in the [recordingId+seq] primary key. */
export function chunkRange(db: RecordingsDb, recordingId: string) {
  return db.chunks.where('[recordingId+seq]').between([recordingId, Dexie.minKey], [recordingId, Dexie.maxKey]);
}
