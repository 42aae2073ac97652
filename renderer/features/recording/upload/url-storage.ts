/**
 * tus-js-client's UrlStorage over the recording cache's Dexie table `tusUploads`, so an upload cut short
 * by a crash, a restart or a pause resumes where the store left it (findPreviousUploads →
 * resumeFromPreviousUpload) instead of sending the recording again from byte 0.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';

/** One stored upload URL: tus-js-client's PreviousUpload without its key, under the key and the fingerprint. */
export interface TusUploadRow {
  urlStorageKey: string;
  fingerprint: string;
  upload: unknown;
}

/** The part of a Dexie table the adapter uses (the store's `tusUploads` table satisfies it). */
export interface TusUploadTable {
  toArray(): PromiseLike<TusUploadRow[]>;
  put(row: TusUploadRow): PromiseLike<unknown>;
  delete(key: string): PromiseLike<void>;
  where(index: 'fingerprint'): { equals(value: string): { toArray(): PromiseLike<TusUploadRow[]> } };
}

/** The fingerprint of one part of one recording: the same bytes of the same recording resume the same upload. */
export function uploadFingerprint(recordingId: string, part: string, sha256: string): string {
  return `lingxi:${recordingId}:${part}:${sha256}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A stored row back as a PreviousUpload; null for a row some other version wrote in a shape we do not know. */
function toPreviousUpload(row: TusUploadRow): PreviousUpload | null {
  const u = row.upload;
  if (!isRecord(u) || (typeof u.uploadUrl !== 'string' && !Array.isArray(u.parallelUploadUrls))) return null;
  const metadata = isRecord(u.metadata) ? Object.fromEntries(Object.entries(u.metadata).map(([k, v]) => [k, String(v)])) : {};
  return {
    size: typeof u.size === 'number' ? u.size : null,
    metadata,
    creationTime: typeof u.creationTime === 'string' ? u.creationTime : '',
    urlStorageKey: row.urlStorageKey,
    uploadUrl: typeof u.uploadUrl === 'string' ? u.uploadUrl : null,
    parallelUploadUrls: Array.isArray(u.parallelUploadUrls) ? u.parallelUploadUrls.map(String) : null,
  };
}

const rowsToUploads = (rows: TusUploadRow[]): PreviousUpload[] =>
  rows.map(toPreviousUpload).filter((u): u is PreviousUpload => u !== null);

/** Keys must be unique per stored upload; the fingerprint prefix keeps the table readable for support. */
const newKey = (fingerprint: string): string => `${fingerprint}#${crypto.randomUUID()}`;

/** Builds the UrlStorage tus-js-client calls (findUploadsByFingerprint, addUpload, removeUpload, findAllUploads). */
export function dexieUrlStorage(table: TusUploadTable): UrlStorage {
  return {
    findAllUploads: async () => rowsToUploads(await table.toArray()),
    findUploadsByFingerprint: async (fingerprint) => rowsToUploads(await table.where('fingerprint').equals(fingerprint).toArray()),
    removeUpload: async (urlStorageKey) => {
      await table.delete(urlStorageKey);
    },
    addUpload: async (fingerprint, upload) => {
      const urlStorageKey = newKey(fingerprint);
      // tus-js-client hands over an object without urlStorageKey; store exactly what it gave.
      const { urlStorageKey: _ignored, ...rest } = upload as Partial<PreviousUpload>;
      await table.put({ urlStorageKey, fingerprint, upload: rest });
      return urlStorageKey;
    },
  };
}
