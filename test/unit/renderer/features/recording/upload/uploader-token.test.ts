// The queue against a recording store that requires the client's token (the store double's `requireToken`),
// with the token added per request as the browser host does (`recording.uploadTokenHeader`).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadTokenHeaders } from '@common/recording/upload-token';
import { createRecordingsDb, type RecordingsDb } from '@renderer/features/recording/store/recordings-db';
import { RecordingUploader, type StoreRefusal } from '@renderer/features/recording/upload';
import { dexieUrlStorage } from '@renderer/features/recording/upload/url-storage';
import { RemoteRecordingStore } from '../../../../../fixtures/recording-store/remote';
import { blobFileReader, FakeRecordingStore, makeRecording } from './support';

let server: RemoteRecordingStore;
const dbs: RecordingsDb[] = [];
const uploaders: RecordingUploader[] = [];

beforeAll(async () => {
  server = await RemoteRecordingStore.launch({ requireToken: { header: 'Authorization', value: 'Bearer rec-s3cret' } });
});
afterAll(() => server.close());
afterEach(async () => {
  for (const u of uploaders.splice(0)) u.dispose();
  for (const db of dbs.splice(0)) db.close();
  await server.call('reset');
});

const waitFor = (check: () => void | Promise<void>): Promise<void> => vi.waitFor(check, { timeout: 10_000, interval: 5 });

/** A queue whose token is whatever `holder.token` says at each request, with a 30 s backoff (random 0.5 of 60 s). */
function setup() {
  const holder: { token: string | null } = { token: null };
  const store = new FakeRecordingStore();
  const refusals: Array<StoreRefusal | null> = [];
  const db = createRecordingsDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  dbs.push(db);
  const policy = { uploadUrl: server.uploadUrl, uploadTokenHeader: 'Authorization' };
  const uploader = new RecordingUploader(
    { uploadUrl: server.uploadUrl, retentionDays: 7, uploadDuringCalls: false, backoffBaseMs: 60_000, backoffMaxMs: 600_000 },
    {
      store,
      urlStorage: dexieUrlStorage(db.tusUploads),
      retryDelays: [0, 10, 20],
      random: () => 0.5,
      // Several PATCHes per part: every one of them must carry the token, not just the creation.
      chunkSize: 8_000,
      tus: { fileReader: blobFileReader },
      requestHeaders: async (url) => uploadTokenHeaders(policy, url, holder.token),
      onStoreRefusal: (refusal) => refusals.push(refusal),
    },
  );
  uploaders.push(uploader);
  return { holder, store, refusals, uploader };
}

describe('RecordingUploader and a store that requires its token', { timeout: 20_000 }, () => {
  it('is refused without it (401) and with a wrong one (403), then uploads with it on every request once it is set and the queue retried', async () => {
    const { holder, store, refusals, uploader } = setup();
    const recording = makeRecording('tok-1', 20_000);
    store.add(recording);
    uploader.start();

    await waitFor(() => expect(refusals).toEqual([401]));
    await waitFor(() => expect(store.callsOf('markUploadFailed', 'tok-1')).toHaveLength(1));
    expect(store.callsOf('markUploadFailed', 'tok-1')[0]?.args[0]).toMatch(/401/);
    // Refused, not retried inside the attempt (only the store's answer would change that), and nothing stored.
    expect((await server.call('requests')).map((r) => [r.method, r.status, r.credential])).toEqual([['POST', 401, undefined]]);

    holder.token = 'not-the-token';
    uploader.retryNow();
    await waitFor(() => expect(refusals).toEqual([401, 403]));

    holder.token = 'rec-s3cret';
    // Without retryNow the next attempt would wait out a 30 s backoff.
    uploader.retryNow();
    await waitFor(() => expect(store.row('tok-1').state).toBe('uploaded'));
    expect(refusals.at(-1)).toBeNull();
    expect(await server.call('verify', 'tok-1')).toEqual([]);
    const accepted = (await server.call('requests')).filter((r) => r.status !== 401 && r.status !== 403);
    expect(accepted.filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(4);
    expect(new Set(accepted.map((r) => r.credential))).toEqual(new Set(['Bearer rec-s3cret']));
  });

  it('never tells the app of a refusal for other failures (a 503 is the store’s trouble, not the token’s)', async () => {
    const { holder, store, refusals, uploader } = setup();
    holder.token = 'rec-s3cret';
    store.add(makeRecording('tok-2', 5_000));
    await server.call('failNext', 4, 503);
    uploader.start();
    await waitFor(() => expect(store.callsOf('markUploadFailed', 'tok-2')).toHaveLength(1));
    expect(refusals).toEqual([]);
    uploader.retryNow();
    await waitFor(() => expect(store.row('tok-2').state).toBe('uploaded'));
    expect(refusals).toEqual([null]);
  });
});
