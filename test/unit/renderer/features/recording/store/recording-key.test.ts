import { describe, expect, it } from 'vitest';
import { RecordingKeyError } from '@renderer/features/recording/store';
import { loadRecordingKey, RECORDING_KEY_NAME } from '@renderer/features/recording/store/recording-key';
import { concat, electronHost, fakeDisk, makeStore, memoryLog, recordSlices, must } from './store-fixtures';

describe('recording key', () => {
  it('in Electron main keeps 32 random bytes in the OS secret store and hands them once per page load, used as a non-extractable key', async () => {
    const electron = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host: electron.host }, disk);
    const status = await first.store.open();
    expect(status.key).toMatchObject({ protection: 'os', created: true, replacedUnreadableKey: false });
    const secret = JSON.parse(must(electron.values.get(RECORDING_KEY_NAME))) as { id: string; key: string };
    expect(atob(secret.key)).toHaveLength(32);
    expect(secret.id).toBe(status.key.keyId);
    // Nothing in the database holds key material: the row only names the key.
    const row = await first.db.keys.get(RECORDING_KEY_NAME);
    expect(row).toEqual({ name: RECORDING_KEY_NAME, keyId: secret.id, protection: 'os', createdAt: expect.any(Number) });
    // A script that runs later in the same page gets nothing: main hands the key once per page load.
    await expect(loadRecordingKey(first.db, electron.host, memoryLog().log)).rejects.toThrow(/already handed to this page/);
    expect(electron.mainLines.some((l) => l.level === 'warn' && /asked for twice/.test(l.message))).toBe(true);

    const { id, slices } = await recordSlices(first.store, 2);
    first.db.close();
    electron.reload();
    const restarted = makeStore({ host: electron.host }, disk);
    const again = await restarted.store.open();
    expect(again.key).toMatchObject({ keyId: secret.id, created: false });
    expect(new Uint8Array(await (await restarted.store.export(id)).audio.arrayBuffer())).toEqual(concat(slices));
    electron.reload();
    const loaded = await loadRecordingKey(restarted.db, electron.host, memoryLog().log);
    expect(loaded.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', loaded.key)).rejects.toThrow();
  });

  it('shows a weak (basic_text) secret store in its status and tells IT at every start, without logging key material', async () => {
    const electron = electronHost('weak');
    const disk = fakeDisk();
    const first = makeStore({ host: electron.host }, disk);
    const status = await first.store.open();
    expect(status.key.protection).toBe('weak');
    expect(first.store.keyWeak).toBe(true);
    const weakLine = (l: { level: string; message: string }) => l.level === 'warn' && /protected only weakly \(no OS keyring.*tell IT/.test(l.message);
    expect(first.lines.some(weakLine)).toBe(true);
    const material = (JSON.parse(must(electron.values.get(RECORDING_KEY_NAME))) as { key: string }).key;
    expect([...first.lines, ...electron.mainLines].some((l) => l.message.includes(material))).toBe(false);
    first.db.close();
    electron.reload();
    const restarted = makeStore({ host: electron.host }, disk);
    expect((await restarted.store.open()).key).toMatchObject({ protection: 'weak', created: false });
    expect(restarted.lines.some(weakLine)).toBe(true);
  });

  it('never replaces a key the OS cannot decrypt now: recording waits, and once it can be read the old audio plays', async () => {
    const electron = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host: electron.host }, disk);
    const { id, slices } = await recordSlices(first.store, 2);
    first.db.close();
    const stored = electron.values.get(RECORDING_KEY_NAME);
    electron.unreadable.add(RECORDING_KEY_NAME); // keyring locked after a restart
    electron.reload();
    const restarted = makeStore({ host: electron.host }, disk);
    const refused = await restarted.store.open().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RecordingKeyError);
    expect(refused).toMatchObject({ unreadable: true, message: expect.stringMatching(/cannot be read.*it is kept/) });
    expect(electron.values.get(RECORDING_KEY_NAME)).toBe(stored);
    expect(electron.mainLines.some((l) => l.level === 'error' && /kept, not replaced.*tell IT/.test(l.message))).toBe(true);
    // Asked again (the recording service retries every minute) once the keyring opens: same key, old audio intact.
    electron.unreadable.clear();
    expect((await restarted.store.open()).key).toMatchObject({ created: false, replacedUnreadableKey: false });
    expect(new Uint8Array(await (await restarted.store.export(id)).audio.arrayBuffer())).toEqual(concat(slices));
  });

  it('a secret store that lost the key (file deleted) gets a new one; the old audio shows as damaged and IT is told', async () => {
    const electron = electronHost('os');
    const disk = fakeDisk();
    const first = makeStore({ host: electron.host }, disk);
    const { id } = await recordSlices(first.store, 2);
    first.db.close();
    electron.values.clear();
    electron.reload();
    const restarted = makeStore({ host: electron.host }, disk);
    expect((await restarted.store.open()).key).toMatchObject({ created: true, replacedUnreadableKey: true });
    expect(restarted.lines.some((l) => l.level === 'error' && /is gone from the OS secret store/.test(l.message))).toBe(true);
    expect(await restarted.store.verify(id)).toEqual({ ok: false, seq: 0, reason: 'decrypt-failed' });
  });

  it('refuses to record when the OS offers no secret storage at all, and may ask again', async () => {
    const electron = electronHost();
    electron.control.failWrites = true;
    const { store } = makeStore({ host: electron.host });
    await expect(store.open()).rejects.toBeInstanceOf(RecordingKeyError);
    await expect(store.open()).rejects.toThrow(/no secret storage.*calls cannot be recorded until IT fixes it/);
  });

  it('in the browser host stores a non-extractable CryptoKey object in the recordings database, reported as weak', async () => {
    const disk = fakeDisk();
    const first = makeStore({}, disk);
    const status = await first.store.open();
    expect(status.key).toMatchObject({ protection: 'weak', created: true });
    expect(first.lines.some((l) => l.level === 'warn' && /browser host: a copy of this browser profile opens it/.test(l.message))).toBe(true);
    const row = await first.db.keys.get(RECORDING_KEY_NAME);
    expect(row?.key?.extractable).toBe(false);
    expect(row?.key?.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const { id } = await recordSlices(first.store, 1);
    first.db.close();
    const restarted = makeStore({}, disk);
    expect((await restarted.store.open()).key).toMatchObject({ keyId: status.key.keyId, created: false });
    expect(await restarted.store.verify(id)).toEqual({ ok: true });
  });

  it('two browser tabs starting together end up with one key', async () => {
    const disk = fakeDisk();
    const [a, b] = [makeStore({}, disk), makeStore({}, disk)];
    const [first, second] = await Promise.all([a.store.open(), b.store.open()]);
    expect(first.key.keyId).toBe(second.key.keyId);
    expect([first.key.created, second.key.created].filter(Boolean)).toHaveLength(1);
  });
});
