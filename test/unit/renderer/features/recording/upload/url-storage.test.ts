import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingsDb, type RecordingsDb } from '@renderer/features/recording/store/recordings-db';
import { dexieUrlStorage, uploadFingerprint } from '@renderer/features/recording/upload/url-storage';

const dbs: RecordingsDb[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function openDb(factory: IDBFactory): RecordingsDb {
  const db = createRecordingsDb({ indexedDB: factory, IDBKeyRange });
  dbs.push(db);
  return db;
}

const previous = { size: 1000, metadata: { part: 'audio', sha256: 'ab' }, creationTime: 'Mon Nov 23 2026 10:00:00 GMT+0000', uploadUrl: 'http://127.0.0.1:1/files/x', parallelUploadUrls: null };

describe('dexieUrlStorage', () => {
  it('names an upload by recording, part and SHA-256', () => {
    expect(uploadFingerprint('rec-1', 'audio', 'ab12')).toBe('lingxi:rec-1:audio:ab12');
  });

  it('keeps an upload URL across a restart (a new database connection) until it is removed', async () => {
    const factory = new IDBFactory();
    const fp = uploadFingerprint('rec-1', 'audio', 'ab');
    const key = await dexieUrlStorage(openDb(factory).tusUploads).addUpload(fp, { ...previous, urlStorageKey: '' });
    dbs[0]?.close();

    const storage = dexieUrlStorage(openDb(factory).tusUploads);
    expect(await storage.findUploadsByFingerprint(fp)).toEqual([{ ...previous, urlStorageKey: key }]);
    expect(await storage.findUploadsByFingerprint(uploadFingerprint('rec-1', 'manifest', 'ab'))).toEqual([]);
    expect(await storage.findAllUploads()).toHaveLength(1);
    await storage.removeUpload(key);
    expect(await storage.findUploadsByFingerprint(fp)).toEqual([]);
  });

  it('gives each stored upload its own key, so removing one keeps the others', async () => {
    const storage = dexieUrlStorage(openDb(new IDBFactory()).tusUploads);
    const fp = uploadFingerprint('rec-1', 'audio', 'ab');
    const first = await storage.addUpload(fp, { ...previous, urlStorageKey: '' });
    const second = await storage.addUpload(fp, { ...previous, uploadUrl: 'http://127.0.0.1:1/files/y', urlStorageKey: '' });
    expect(first).not.toBe(second);
    await storage.removeUpload(first);
    expect((await storage.findUploadsByFingerprint(fp)).map((u) => u.uploadUrl)).toEqual(['http://127.0.0.1:1/files/y']);
  });

  it('ignores rows it cannot read as an upload instead of failing the upload', async () => {
    const db = openDb(new IDBFactory());
    await db.tusUploads.put({ urlStorageKey: 'junk', fingerprint: 'lingxi:r:audio:ab', upload: 'not an upload' });
    expect(await dexieUrlStorage(db.tusUploads).findUploadsByFingerprint('lingxi:r:audio:ab')).toEqual([]);
  });
});
