import { describe, expect, it } from 'vitest';
import { RecordingStateError } from '@renderer/features/recording/store';
import { call, makeStore, recordSlices } from './store-fixtures';

const DAY = 86_400_000;
const ack = (uploadedAt: number) => ({ urls: ['https://rec.bank.example/files/a', 'https://rec.bank.example/files/m'], uploadedAt });

describe('recording store: upload states and retention', () => {
  it('moves saved → uploading → (failed, retry) → uploaded with the bookkeeping IT needs', async () => {
    const { store } = makeStore();
    const { id } = await recordSlices(store, 2);
    await store.markUploading(id);
    await store.markUploadFailed(id, 'HTTP 503 from the store', call.startedAt + 5000);
    expect(await store.get(id)).toMatchObject({
      state: 'uploading',
      upload: { attempts: 1, lastError: 'HTTP 503 from the store', nextAttemptAt: call.startedAt + 5000 },
    });
    await store.markUploading(id);
    const uploadedAt = call.startedAt + 10_000;
    await store.markUploaded(id, ack(uploadedAt), 7);
    expect(await store.get(id)).toMatchObject({
      state: 'uploaded',
      upload: { attempts: 2, uploadedAt, urls: ack(uploadedAt).urls },
      deleteAfter: uploadedAt + 7 * DAY,
    });
  });

  it('never starts an upload of a recording still recording or damaged, and marks uploaded only from uploading', async () => {
    const { store, db } = makeStore();
    const live = await store.begin(call);
    await expect(store.markUploading(live)).rejects.toBeInstanceOf(RecordingStateError);
    const { id } = await recordSlices(store, 2);
    await expect(store.markUploaded(id, ack(1), 7)).rejects.toThrow(/cannot mark uploaded recording .* while it is saved/);
    await db.chunks.delete([id, 1]);
    await store.verify(id);
    await expect(store.markUploading(id)).rejects.toThrow(/while it is damaged/);
  });

  it('deletes local audio only after the upload was acknowledged and retention ran out, keeping the manifest', async () => {
    const { store, db } = makeStore();
    const uploaded = (await recordSlices(store, 3)).id;
    const pending = (await recordSlices(store, 3)).id;
    const uploading = (await recordSlices(store, 3)).id;
    await store.markUploading(uploading);
    const uploadedAt = call.startedAt + 60_000;
    await store.markUploading(uploaded);
    await store.markUploaded(uploaded, ack(uploadedAt), 2);

    expect(await store.purgeExpired(uploadedAt + 2 * DAY - 1)).toEqual([]);
    expect(await db.chunks.count()).toBe(9);

    expect(await store.purgeExpired(uploadedAt + 100 * DAY)).toEqual([uploaded]);
    expect(await store.get(uploaded)).toMatchObject({ state: 'uploaded', audioDeleted: true, chunks: 3 });
    expect(await db.chunks.where('[recordingId+seq]').between([uploaded, 0], [uploaded, Infinity]).count()).toBe(0);
    expect(await db.chunks.count()).toBe(6);
    expect(await store.verify(pending)).toEqual({ ok: true });
    expect(await store.verify(uploading)).toEqual({ ok: true });
    await expect(store.export(uploaded)).rejects.toThrow(/local audio was deleted after upload/);
  });

  it('with retention 0 the audio may go as soon as it is acknowledged', async () => {
    const { store } = makeStore();
    const { id } = await recordSlices(store, 1);
    await store.markUploading(id);
    await store.markUploaded(id, ack(5000), 0);
    expect(await store.purgeExpired(5000)).toEqual([id]);
  });

  it('rejects a negative retention', async () => {
    const { store } = makeStore();
    const { id } = await recordSlices(store, 1);
    await store.markUploading(id);
    await expect(store.markUploaded(id, ack(5000), -1)).rejects.toThrow(/retentionDays must be ≥ 0/);
  });
});
