/**
 * Secrets (the CRM token, later more) encrypted with Electron's safeStorage (Keychain, DPAPI,
 * libsecret/kwallet) in <userData>/secrets.json, never in the policy file or a log.
 * On Linux without a keyring safeStorage falls back to `basic_text` (a hard-coded key): the secret is
 * still stored, but reported as weak so IT hears about it instead of it being silently accepted.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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

type SecretFile = Partial<Record<SecretName, string>>;

export function createSecretStore({ safeStorage, file, platform, onWeak }: SecretStoreOptions) {
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
    // Write then rename: a crash mid-write never leaves a half-written store.
    const temporary = `${file}.tmp`;
    await writeFile(temporary, JSON.stringify(secrets), { mode: 0o600 });
    await rename(temporary, file);
  }

  function protection(): SecretStatus['protection'] {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
      onWeak?.(backend);
      return 'weak';
    }
    return 'os';
  }

  return {
    async get(name: SecretName): Promise<string | null> {
      const encrypted = (await readAll())[name];
      if (!encrypted || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Encrypted under another OS user or keyring: unusable, ask again rather than crash.
        return null;
      }
    },
    async set(name: SecretName, value: string | null): Promise<SecretStatus> {
      const secrets = await readAll();
      if (value === null) {
        await writeAll(Object.fromEntries(Object.entries(secrets).filter(([key]) => key !== name)));
        return { stored: false, protection: protection() };
      }
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('the operating system offers no secret storage here; the secret was not stored');
      }
      secrets[name] = safeStorage.encryptString(value).toString('base64');
      await writeAll(secrets);
      return { stored: true, protection: protection() };
    },
  };
}
