import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSecretStore, type SafeStorageLike } from '@main/features/secrets/secret-store';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A reversible stand-in for the OS cipher: enough to prove nothing is written in plain text. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('secret store', () => {
  it('round-trips a secret without writing it in plain text, owner-only', async () => {
    const file = join(dir, 'a', 'secrets.json');
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'linux' });
    expect(await store.get('crm.token')).toBeNull();
    expect(await store.set('crm.token', 'tok-123456')).toEqual({ stored: true, protection: 'os', persistence: 'kept' });
    expect(readFileSync(file, 'utf8')).not.toContain('tok-123456');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('crm.token')).toBe('tok-123456');
    expect(await store.set('crm.token', null)).toMatchObject({ stored: false });
    expect(await store.get('crm.token')).toBeNull();
  });

  it('reports the basic_text fallback on Linux as weak', async () => {
    const onWeak = vi.fn();
    const store = createSecretStore({ safeStorage: fakeSafeStorage('basic_text'), file: join(dir, 'b.json'), platform: 'linux', onWeak });
    expect(await store.set('crm.token', 'x')).toEqual({ stored: true, protection: 'weak', persistence: 'kept' });
    expect(onWeak).toHaveBeenCalledWith('basic_text');
  });

  it('refuses to store when the OS has no secret storage, and says so', async () => {
    const store = createSecretStore({ safeStorage: fakeSafeStorage('unknown', false), file: join(dir, 'c.json'), platform: 'win32' });
    await expect(store.set('crm.token', 'x')).rejects.toThrow(/no secret storage/);
  });

  it('treats an undecryptable or corrupt store as a clear condition, not a crash', async () => {
    const file = join(dir, 'd.json');
    writeFileSync(file, JSON.stringify({ 'crm.token': 'AAAA' }));
    const broken = { ...fakeSafeStorage(), decryptString: () => { throw new Error('bad key'); } };
    expect(await createSecretStore({ safeStorage: broken, file, platform: 'darwin' }).get('crm.token')).toBeNull();
    // Unreadable is not absent: whoever might replace the secret is told which it is.
    expect(await createSecretStore({ safeStorage: broken, file, platform: 'darwin' }).read('crm.token')).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/could not decrypt it \(bad key\)/) });
    const locked = fakeSafeStorage('gnome_libsecret', false);
    expect(await createSecretStore({ safeStorage: locked, file, platform: 'linux' }).read('crm.token')).toMatchObject({ kind: 'unreadable' });
    expect(await createSecretStore({ safeStorage: locked, file, platform: 'linux' }).read('recording-key')).toEqual({ kind: 'absent' });
    writeFileSync(file, '{not json');
    await expect(createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' }).get('crm.token')).rejects.toThrow(/unreadable/);
  });

  it('loses no secret when writers race: every write lands, through a temporary file of its own', async () => {
    const file = join(dir, 'e', 'secrets.json');
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' });
    const other = createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' });
    // Two stores over one file (a second window or instance) and one store racing with itself.
    await Promise.all([
      store.set('crm.token', 'tok-a'),
      store.set('recording-key', 'key-a'),
      ...Array.from({ length: 20 }, (_, n) => (n % 2 ? store : other).get('crm.token')),
      store.set('crm.token', 'tok-b'),
    ]);
    expect(await store.get('crm.token')).toBe('tok-b');
    expect(await store.get('recording-key')).toBe('key-a');
    const results = await Promise.all(Array.from({ length: 25 }, (_, n) => store.set(n % 2 ? 'crm.token' : 'recording-key', `v${n}`)));
    expect(results.every((result) => result.stored)).toBe(true);
    expect(await store.get('crm.token')).toBe('v23');
    expect(await store.get('recording-key')).toBe('v24');
    expect(readdirSync(join(dir, 'e'))).toEqual(['secrets.json']);
  });

  it('a failed write leaves the previous file whole and no temporary file behind', async () => {
    const file = join(dir, 'f', 'secrets.json');
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' });
    await store.set('crm.token', 'tok-1');
    const failing = createSecretStore({ safeStorage: { ...fakeSafeStorage(), encryptString: () => { throw new Error('keyring locked'); } }, file, platform: 'darwin' });
    await expect(failing.set('crm.token', 'tok-2')).rejects.toThrow(/keyring locked/);
    // The next operation of the same store still runs after a failed one.
    expect(await failing.get('crm.token')).toBe('tok-1');
    expect(readdirSync(join(dir, 'f'))).toEqual(['secrets.json']);
  });
});
