import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
    expect(await store.set('crm.token', 'tok-123456')).toEqual({ stored: true, protection: 'os' });
    expect(readFileSync(file, 'utf8')).not.toContain('tok-123456');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('crm.token')).toBe('tok-123456');
    expect(await store.set('crm.token', null)).toMatchObject({ stored: false });
    expect(await store.get('crm.token')).toBeNull();
  });

  it('reports the basic_text fallback on Linux as weak', async () => {
    const onWeak = vi.fn();
    const store = createSecretStore({ safeStorage: fakeSafeStorage('basic_text'), file: join(dir, 'b.json'), platform: 'linux', onWeak });
    expect(await store.set('crm.token', 'x')).toEqual({ stored: true, protection: 'weak' });
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
    writeFileSync(file, '{not json');
    await expect(createSecretStore({ safeStorage: fakeSafeStorage(), file, platform: 'darwin' }).get('crm.token')).rejects.toThrow(/unreadable/);
  });
});
