import { describe, expect, it } from 'vitest';
import { RecordingKeyError } from '@renderer/features/recording/store';
import { loadRecordingKey, RECORDING_KEY_NAME } from '@renderer/features/recording/store/recording-key';
import { concat, electronHost, fakeDisk, makeStore, memoryLog, recordSlices, must } from './store-fixtures';

describe('recording key', () => {
  it('in Electron keeps 32 random bytes in the OS secret store and uses them as a non-extractable key', async () => {
    const { host, values } = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host }, disk);
    const status = await first.store.open();
    expect(status.key).toMatchObject({ protection: 'os', created: true, replacedUnreadableKey: false });
    const secret = JSON.parse(must(values.get(RECORDING_KEY_NAME))) as { id: string; key: string };
    expect(atob(secret.key)).toHaveLength(32);
    expect(secret.id).toBe(status.key.keyId);
    // Nothing in the database holds key material: the row only names the key.
    const row = await first.db.keys.get(RECORDING_KEY_NAME);
    expect(row).toEqual({ name: RECORDING_KEY_NAME, keyId: secret.id, protection: 'os', createdAt: expect.any(Number) });
    const loaded = await loadRecordingKey(first.db, host, memoryLog().log);
    expect(loaded.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', loaded.key)).rejects.toThrow();

    const { id, slices } = await recordSlices(first.store, 2);
    first.db.close();
    const restarted = makeStore({ host }, disk);
    expect((await restarted.store.open()).key).toMatchObject({ keyId: secret.id, created: false });
    expect(new Uint8Array(await (await restarted.store.export(id)).audio.arrayBuffer())).toEqual(concat(slices));
  });

  it('shows a weak (basic_text) secret store in its status and tells IT at every start, without logging key material', async () => {
    const { host, values } = electronHost('weak');
    const disk = fakeDisk();
    const first = makeStore({ host }, disk);
    const status = await first.store.open();
    expect(status.key.protection).toBe('weak');
    expect(first.store.keyWeak).toBe(true);
    const weakLine = (l: { level: string; message: string }) => l.level === 'warn' && /weak secret store.*tell IT/.test(l.message);
    expect(first.lines.some(weakLine)).toBe(true);
    const material = (JSON.parse(must(values.get(RECORDING_KEY_NAME))) as { key: string }).key;
    expect(first.lines.some((l) => l.message.includes(material))).toBe(false);
    first.db.close();
    const restarted = makeStore({ host }, disk);
    expect((await restarted.store.open()).key).toMatchObject({ protection: 'weak', created: false });
    expect(restarted.lines.some(weakLine)).toBe(true);
  });

  it('reports a key the OS can no longer unwrap, makes a new one, and shows old audio as damaged', async () => {
    const { host, values } = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host }, disk);
    const { id } = await recordSlices(first.store, 2);
    first.db.close();
    values.clear(); // keyring reset: safeStorage can no longer decrypt the stored key
    const restarted = makeStore({ host }, disk);
    expect((await restarted.store.open()).key).toMatchObject({ created: true, replacedUnreadableKey: true });
    expect(restarted.lines.some((l) => l.level === 'error' && /can no longer be read/.test(l.message))).toBe(true);
    expect(await restarted.store.verify(id)).toEqual({ ok: false, seq: 0, reason: 'decrypt-failed' });
  });

  it('refuses to record when the OS offers no secret storage at all', async () => {
    const { host } = electronHost();
    host.secrets.set = () => Promise.reject(new Error('the operating system offers no secret storage here; the secret was not stored'));
    const { store } = makeStore({ host });
    await expect(store.open()).rejects.toBeInstanceOf(RecordingKeyError);
    await expect(store.open()).rejects.toThrow(/calls cannot be recorded until IT fixes it/);
  });

  it('in the browser host stores a non-extractable CryptoKey object in the recordings database', async () => {
    const disk = fakeDisk();
    const first = makeStore({}, disk);
    const status = await first.store.open();
    expect(status.key).toMatchObject({ protection: 'os', created: true });
    const row = await first.db.keys.get(RECORDING_KEY_NAME);
    expect(row?.key?.extractable).toBe(false);
    expect(row?.key?.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const { id } = await recordSlices(first.store, 1);
    first.db.close();
    const restarted = makeStore({}, disk);
    expect((await restarted.store.open()).key).toMatchObject({ keyId: status.key.keyId, created: false });
    expect(await restarted.store.verify(id)).toEqual({ ok: true });
  });
});
