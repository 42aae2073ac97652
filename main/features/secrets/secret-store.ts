/**
 * Secrets (the CRM token, the recording key) encrypted with Electron's safeStorage (Keychain, DPAPI,
 * libsecret/kwallet) in <userData>/secrets.json, never in the policy file or a log, and never handed to the
 * renderer: it may store the CRM token (write-only) and is handed the recording key once per page load
 * (recording-key-grant.ts).
 * On Linux without a keyring safeStorage falls back to `basic_text` (a hard-coded key): the secret is
 * still stored, but reported as weak so IT hears about it instead of it being silently accepted.
 * Every read-modify-write of the file runs one at a time, each through its own temporary file, so
 * concurrent writers never lose each other's secret.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretName, SecretStatus } from '@common/contract/ipc';

/** The part of Electron's safeStorage this module uses (injected for tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStoreOptions {
  safeStorage: SafeStorageLike;
  /** <userData>/secrets.json */
  file: string;
  platform: NodeJS.Platform;
  onWeak?: (backend: string) => void;
}

/** What main keeps: the renderer-writable names plus the recording key, which only main reads. */
export type StoredSecretName = SecretName | 'recording-key' | 'sip.credentials';

/**
 * A secret as read back. `unreadable` (stored, but the OS will not decrypt it: keyring locked or changed,
 * another OS user) is not `absent`: whoever reads it must not write a new secret over the old one blindly.
 */
export type SecretRead = { kind: 'absent' } | { kind: 'unreadable'; reason: string } | { kind: 'present'; value: string };

type SecretFile = Partial<Record<StoredSecretName, string>>;

export type SecretStore = ReturnType<typeof createSecretStore>;

export function createSecretStore({ safeStorage, file, platform, onWeak }: SecretStoreOptions) {
  let turn: Promise<unknown> = Promise.resolve();
  /** Runs fn after every earlier store operation has settled. */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = turn.then(fn, fn);
    turn = result.catch(() => undefined);
    return result;
  }

  async function readAll(): Promise<SecretFile> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as SecretFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`secret store ${file} is unreadable: ${(error as Error).message}`, { cause: error });
    }
  }

  async function writeAll(secrets: SecretFile): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    // Write then rename: a crash mid-write never leaves a half-written store. A name of its own per write,
    // so no two writers (this process or another instance) ever share a temporary file.
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(secrets), { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  function protection(): SecretStatus['protection'] {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
      onWeak?.(backend);
      return 'weak';
    }
    return 'os';
  }

  async function read(name: StoredSecretName): Promise<SecretRead> {
    const encrypted = (await exclusive(readAll))[name];
    if (!encrypted) return { kind: 'absent' };
    if (!safeStorage.isEncryptionAvailable()) return { kind: 'unreadable', reason: 'the OS secret storage is not available now' };
    try {
      return { kind: 'present', value: safeStorage.decryptString(Buffer.from(encrypted, 'base64')) };
    } catch (error) {
      return { kind: 'unreadable', reason: `the OS secret storage could not decrypt it (${(error as Error).message})` };
    }
  }

  return {
    read,
    /** How well secrets are protected on this machine now. */
    protection,
    /** The secret, or null when it is absent or unreadable (callers that may replace it). */
    async get(name: StoredSecretName): Promise<string | null> {
      const found = await read(name);
      return found.kind === 'present' ? found.value : null;
    },
    /** Stores (null: deletes) one secret; every other secret in the file is kept. */
    set(name: StoredSecretName, value: string | null): Promise<SecretStatus> {
      return exclusive(async () => {
        if (value !== null && !safeStorage.isEncryptionAvailable()) {
          throw new Error('the operating system offers no secret storage here; the secret was not stored');
        }
        const { [name]: _previous, ...others } = await readAll();
        await writeAll(value === null ? others : { ...others, [name]: safeStorage.encryptString(value).toString('base64') });
        return { stored: value !== null, protection: protection(), persistence: 'kept' };
      });
    },
  };
}
