// The queue talks to the real tus server double (test/fixtures/recording-store) over loopback. The store
// runs in a child process: happy-dom replaces Request/Response/Headers, which the tus server needs real.
// Under Vitest tus-js-client resolves to its Node build (Node http), which gets the Blobs through
// blobFileReader; the browser build (XHR) runs in the e2e specs.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { RecordingStore } from '@renderer/features/recording/store/recording-store';
import { createRecordingsDb, type RecordingsDb } from '@renderer/features/recording/store/recordings-db';
import { RecordingUploader, type UploaderConfig, type UploaderDeps, type UploadProgress, type UploadQueueStore } from '@renderer/features/recording/upload/uploader';
import { dexieUrlStorage, type TusUploadTable } from '@renderer/features/recording/upload/url-storage';
import { RemoteRecordingStore } from '../../../../../fixtures/recording-store/remote';
import type { StoreRequest } from '../../../../../fixtures/recording-store/server';
import { blobFileReader, FakeRecordingStore, makeRecording } from './support';

// Compile-time (npm run typecheck): the real cache and its tus table fit the queue's narrow interfaces.
expectTypeOf<RecordingStore>().toExtend<UploadQueueStore>();
expectTypeOf<RecordingsDb['tusUploads']>().toExtend<TusUploadTable>();

let server: RemoteRecordingStore;
let store: FakeRecordingStore;
let factory: IDBFactory;
const dbs: RecordingsDb[] = [];
const uploaders: RecordingUploader[] = [];

beforeAll(async () => {
  server = await RemoteRecordingStore.launch();
});
afterAll(() => server.close());

/** Recording ids unique per test: a request a disposed uploader left running cannot match a later test's. */
let testNo = 0;
const rid = (name: string): string => `t${testNo}-${name}`;

beforeEach(async () => {
  testNo++;
  await server.call('reset');
  store = new FakeRecordingStore();
  factory = new IDBFactory();
});

afterEach(async () => {
  for (const u of uploaders.splice(0)) u.dispose();
  for (const db of dbs.splice(0)) db.close();
});

function openDb(): RecordingsDb {
  const db = createRecordingsDb({ indexedDB: factory, IDBKeyRange });
  dbs.push(db);
  return db;
}

function uploader(config: Partial<UploaderConfig> = {}, deps: Partial<UploaderDeps> = {}): RecordingUploader {
  const u = new RecordingUploader(
    { uploadUrl: server.uploadUrl, retentionDays: 7, uploadDuringCalls: false, backoffBaseMs: 40, backoffMaxMs: 400, ...config },
    { store, urlStorage: dexieUrlStorage(openDb().tusUploads), retryDelays: [0, 10, 20], random: () => 0.5, tus: { fileReader: blobFileReader }, ...deps },
  );
  uploaders.push(u);
  return u;
}

const waitFor = (check: () => void | Promise<void>): Promise<void> => vi.waitFor(check, { timeout: 10_000, interval: 5 });
const uploaded = (id: string) => waitFor(() => expect(store.row(id).state).toBe('uploaded'));
const requests = () => server.call('requests');
const verify = (id: string) => server.call('verify', id);
/** Uploads of this part the store created (each POST answered 201 starts one from byte 0). */
const serverPosts = async (part: 'audio' | 'manifest'): Promise<number> =>
  (await requests()).filter((r) => r.method === 'POST' && r.status === 201 && r.metadata?.part === part).length;
// Well over what loopback socket buffers hold in flight (~4 MB here), so a pause really leaves bytes unsent.
const BIG = 16 * 1024 * 1024;
/** The audio went up in two PATCHes: from 0, then from where the store had got to (neither 0 nor the end). */
function expectResumedMidway(all: StoreRequest[]): void {
  const audio = all.filter((r) => r.method === 'PATCH').slice(0, -1);
  expect(audio.map((r) => r.offset)).toEqual([0, expect.any(Number)]);
  expect(audio[1]?.offset).toBeGreaterThan(0);
  expect(audio[1]?.offset).toBeLessThan(BIG);
  expect(all.filter((r) => r.method === 'HEAD').length).toBeGreaterThanOrEqual(1);
}
/** Waits until the store has taken more than `bytes` of some PATCH body: an upload is under way. */
const storeReceived = (bytes: number) =>
  waitFor(async () => expect((await requests()).some((r) => r.method === 'PATCH' && (r.received ?? 0) > bytes)).toBe(true));
/** The store's finished uploads of one recording, by part. */
async function stored(recordingId: string) {
  const mine = (await server.uploads()).filter((u) => u.metadata.recordingId === recordingId);
  return { audio: mine.find((u) => u.metadata.part === 'audio'), manifest: mine.find((u) => u.metadata.part === 'manifest'), count: mine.length };
}

describe('RecordingUploader against a real tus store', { timeout: 20_000 }, () => {
  it('uploads audio and manifest of every finished recording, and marks it uploaded with both URLs', async () => {
    const saved = makeRecording(rid('r-saved'), 150_000);
    const recovered = makeRecording(rid('r-recovered'), 20_000, 'recovered');
    const interrupted = makeRecording(rid('r-interrupted'), 20_000, 'uploading');
    const live = makeRecording(rid('r-live'), 20_000, 'recording');
    for (const r of [saved, recovered, interrupted, live]) store.add(r);
    const progress: UploadProgress[] = [];
    uploader({}, { onProgress: (p) => progress.push(p) }).start();

    for (const name of ['r-saved', 'r-recovered', 'r-interrupted']) await uploaded(rid(name));
    expect(await verify(rid('r-saved'))).toEqual([]);
    const { audio, manifest } = await stored(rid('r-saved'));
    expect(audio?.metadata).toEqual({ recordingId: rid('r-saved'), callId: `call-${saved.manifest.id}`, part: 'audio', filetype: 'audio/webm;codecs=opus', sha256: saved.exported.audioSha256 });
    expect(manifest?.metadata).toMatchObject({ recordingId: rid('r-saved'), part: 'manifest', filetype: 'application/json' });
    expect(JSON.parse((await server.read(manifest?.id ?? '')).toString())).toEqual(saved.exported.manifest);
    const [ack, retentionDays] = (store.callsOf('markUploaded', rid('r-saved'))[0]?.args ?? []) as [{ urls: string[] }, number];
    expect(ack.urls).toEqual([audio?.url, manifest?.url]);
    expect(retentionDays).toBe(7);
    expect(store.row(rid('r-live')).state).toBe('recording');
    expect((await stored(rid('r-live'))).count).toBe(0);
    expect(await dbs[0]?.tusUploads.count()).toBe(0);
    expect(progress.filter((p) => p.recordingId === rid('r-saved') && p.part === 'audio').at(-1)).toMatchObject({ sent: 150_000, total: 150_000 });
  });

  it('rides out 503s inside one attempt (tus retries) without recording a failure', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 50_000));
    await server.call('failNext', 3);
    uploader().start();
    await uploaded(id);
    expect((await requests()).filter((r) => r.status === 503)).toHaveLength(3);
    expect(store.callsOf('markUploadFailed')).toEqual([]);
    expect(await verify(id)).toEqual([]);
  });

  it('after a failed attempt waits a jittered, doubling backoff, then tries again', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 20_000));
    await server.call('failNext', 8); // two attempts of 1 + 3 tries each
    uploader().start();
    await uploaded(id);
    const failures = store.callsOf('markUploadFailed', id);
    expect(failures).toHaveLength(2);
    // random() = 0.5: half of base·2^attempt = 20 ms, then 40 ms.
    const delays = failures.map((f) => (f.args[1] as number) - f.at);
    expect(delays[0]).toBeGreaterThan(20 - 15);
    expect(delays[0]).toBeLessThanOrEqual(20);
    expect(delays[1]).toBeGreaterThan(40 - 15);
    expect(delays[1]).toBeLessThanOrEqual(40);
    expect(failures[0]?.args[0]).toMatch(/503/);
    expect(store.row(id).upload?.attempts).toBe(3);
  });

  it('resumes a dropped upload from the store offset instead of byte 0', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 300_000));
    await server.call('dropAfter', 100_000);
    uploader().start();
    await uploaded(id);
    const patches = (await requests()).filter((r) => r.method === 'PATCH');
    expect(patches[0]).toMatchObject({ offset: 0, fault: 'dropped' });
    expect(patches[1]).toMatchObject({ offset: 100_000, status: 204 });
    expect(await serverPosts('audio')).toBe(1);
    expect(await verify(id)).toEqual([]);
  });

  it('treats an acknowledgement with the wrong hash as a failure and sends the audio again', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 30_000));
    await server.call('tamperAck', 1);
    uploader().start();
    await uploaded(id);
    const failure = store.callsOf('markUploadFailed', id)[0];
    expect(failure?.args[0]).toMatch(/acknowledged SHA-256 .* expected/);
    const methods = store.calls.filter((c) => c.id === id).map((c) => c.method);
    expect(methods.indexOf('markUploadFailed')).toBeLessThan(methods.indexOf('markUploaded'));
    expect(await serverPosts('audio')).toBe(2);
    expect(await verify(id)).toEqual([]);
  });

  it('re-uploads from the start when the store rejects a corrupted copy (460)', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 30_000));
    await server.call('corruptNext');
    uploader().start();
    await uploaded(id);
    expect((await requests()).find((r) => r.fault === 'corrupted')?.status).toBe(460);
    expect(store.callsOf('markUploadFailed', id)).toHaveLength(1);
    expect(await serverPosts('audio')).toBe(2);
    expect(await verify(id)).toEqual([]);
  });

  it('never marks a recording uploaded while its manifest is unacknowledged, and does not resend the acknowledged audio', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 30_000));
    await server.call('failPart', 'manifest');
    uploader().start();
    await waitFor(() => expect(store.callsOf('markUploadFailed', id).length).toBeGreaterThanOrEqual(2));
    expect(store.callsOf('markUploaded')).toEqual([]);
    expect(store.row(id).state).toBe('uploading');
    expect(await stored(id)).toMatchObject({ manifest: undefined, count: 1 });
    await server.call('clearFaults');
    await uploaded(id);
    expect(await serverPosts('audio')).toBe(1);
    expect(await verify(id)).toEqual([]);
  });

  it('sends a damaged recording to the quarantine with its verdict (never as sound), and uploads the others', async () => {
    store.add(makeRecording(rid('r-bad'), 20_000));
    store.add(makeRecording(rid('r-good'), 20_000));
    store.breakChain(rid('r-bad'));
    uploader({ metadata: { appVersion: '9.9.9', policySha256: 'ab'.repeat(32) } }).start();
    await uploaded(rid('r-good'));
    await waitFor(() => expect(store.callsOf('markQuarantined', rid('r-bad'))).toHaveLength(1));
    expect(store.row(rid('r-bad'))).toMatchObject({ state: 'damaged', quarantinedAt: expect.any(Number) });
    expect(store.callsOf('markUploading', rid('r-bad'))).toEqual([]);
    expect(await server.call('recording', rid('r-bad'))).toEqual({});
    const quarantined = await server.call('quarantined', rid('r-bad'));
    expect(quarantined.manifest?.metadata).toMatchObject({ quarantine: '1', appVersion: '9.9.9', policySha256: 'ab'.repeat(32) });
    expect((await stored(rid('r-good'))).audio?.metadata).toMatchObject({ appVersion: '9.9.9', policySha256: 'ab'.repeat(32) });
    expect((await stored(rid('r-good'))).audio?.metadata.quarantine).toBeUndefined();
    expect(quarantined.verdict).toMatchObject({ seq: 1, reason: 'altered', claimedChunks: 3 });
    expect(quarantined.problems).toEqual([]);
    expect(quarantined.audio?.metadata).toMatchObject({ quarantine: '1', part: 'audio' });
  });

  it('pause() stops mid-upload without a failure; resume() continues from the store offset', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, BIG));
    await server.call('slow', 200_000);
    const u = uploader();
    u.start();
    await storeReceived(20_000);
    u.pause();
    await waitFor(() => expect(u.uploading).toBeNull());
    expect(u.paused).toBe(true);
    expect(store.row(id).state).toBe('uploading');
    await server.call('slow', null);
    u.resume();
    await uploaded(id);
    expect(store.callsOf('markUploadFailed')).toEqual([]);
    expect(await serverPosts('audio')).toBe(1);
    expectResumedMidway(await requests());
    expect(await verify(id)).toEqual([]);
  });

  it('holds uploads during a call unless the policy allows uploading during calls', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 100_000));
    await server.call('slow', 100_000);
    const held = uploader();
    held.start();
    await storeReceived(10_000);
    held.setCallActive(true);
    await waitFor(() => expect(held.uploading).toBeNull());
    expect(held.paused).toBe(true);
    held.dispose();

    const allowed = uploader({ uploadDuringCalls: true });
    allowed.setCallActive(true);
    await server.call('slow', null);
    allowed.start();
    await uploaded(id);
    expect(allowed.paused).toBe(false);
  });

  it('resumes after an app restart from the URL kept in IndexedDB', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, BIG));
    await server.call('slow', 200_000);
    const first = uploader();
    first.start();
    await storeReceived(20_000);
    first.dispose();
    dbs[0]?.close();
    expect(await openDb().tusUploads.count()).toBe(1);

    await server.call('slow', null);
    uploader().start();
    await uploaded(id);
    expect(await serverPosts('audio')).toBe(1);
    expectResumedMidway(await requests());
    expect(await verify(id)).toEqual([]);
  });

  it('runs retention: with retentionDays 0 the local audio goes right after the acknowledgement', async () => {
    const id = rid('r1');
    store.add(makeRecording(id, 10_000));
    uploader({ retentionDays: 0 }).start();
    await waitFor(() => expect(store.row(id).audioDeleted).toBe(true));
    expect(store.callsOf('markUploaded', id)[0]?.args[1]).toBe(0);
  });

  it('refuses settings that cannot work, saying which', () => {
    expect(() => uploader({ uploadUrl: 'ftp://store' })).toThrow(/recording.uploadUrl must be an http\(s\) URL/);
    expect(() => uploader({ backoffBaseMs: 0 })).toThrow(/backoff base must be a positive/);
  });
});
