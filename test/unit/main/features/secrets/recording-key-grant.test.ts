import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '@common/logging/logger';
import { createRecordingKeyGrants } from '@main/features/secrets/recording-key-grant';
import { createSecretStore, type SafeStorageLike } from '@main/features/secrets/secret-store';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function safeStorage(state = { readable: true }): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(plain).reverse(),
    decryptString: (encrypted) => {
      if (!state.readable) throw new Error('keyring locked');
      return Buffer.from(encrypted).reverse().toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

function logLines(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

describe('recording key grants (main)', () => {
  it('create one key for two first asks at once, hand it once per page load, and never log its bytes', async () => {
    const store = createSecretStore({ safeStorage: safeStorage(), file: join(dir, 'a.json'), platform: 'darwin' });
    const { log, lines } = logLines();
    const grants = createRecordingKeyGrants(store, log);
    const [a, b] = await Promise.all([grants.take(1), grants.take(2)]);
    if (!a.ok || !b.ok) throw new Error('expected two grants');
    expect(a.keyId).toBe(b.keyId);
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(true);
    expect(await grants.take(1)).toMatchObject({ ok: false, reason: 'refused' });
    grants.forget(1);
    expect(await grants.take(1)).toMatchObject({ ok: true, keyId: a.keyId, created: false });
    const material = Buffer.from(a.key).toString('base64');
    expect(lines.some((line) => line.includes(material))).toBe(false);
    expect(lines.filter((line) => line.includes('created'))).toHaveLength(1);
  });

  it('an unreadable key is kept as it is, reported, and handed once it can be read again', async () => {
    const state = { readable: true };
    const file = join(dir, 'b.json');
    const store = createSecretStore({ safeStorage: safeStorage(state), file, platform: 'darwin' });
    const { log, lines } = logLines();
    const grants = createRecordingKeyGrants(store, log);
    const first = await grants.take(1);
    if (!first.ok) throw new Error('expected a grant');
    grants.forget(1);
    state.readable = false;
    const before = readFileSync(file, 'utf8');
    expect(await grants.take(1)).toMatchObject({ ok: false, reason: 'unreadable', error: expect.stringMatching(/keyring locked/) });
    expect(await grants.take(1)).toMatchObject({ ok: false, reason: 'unreadable' }); // a failed ask did not use up the page's one
    expect(lines.some((line) => /^error .*kept, not replaced.*tell IT/.test(line))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(before); // nothing written over it
    state.readable = true;
    expect(await grants.take(1)).toMatchObject({ ok: true, keyId: first.keyId, created: false });
  });
});
