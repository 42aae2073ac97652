/**
 * The recording key, kept by main in the secret store (safeStorage) and handed to the page once per page
 * load (`recording:take-key`): the renderer imports the 32 bytes as a non-extractable CryptoKey and zeroes
 * them, so a script that runs later in the page can neither read the key out of the CryptoKey nor ask main
 * for it again. A reload (or a crashed renderer) starts a new page load, which may ask once more.
 * A key that is stored but cannot be decrypted now (keyring locked or changed, another OS user) is never
 * overwritten: the page is told, recording waits, and the next ask tries again; IT hears it in the log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { RecordingKeyGrant } from '@common/contract/ipc';
import type { Logger } from '@common/logging/logger';
import type { SecretStore } from './secret-store';

const NAME = 'recording-key';

/** The key's stored form: JSON `{ v: 1, id, key: base64 of 32 bytes }`. */
function parse(value: string): { id: string; key: Buffer } | null {
  try {
    const parsed = JSON.parse(value) as { v?: unknown; id?: unknown; key?: unknown };
    if (parsed.v !== 1 || typeof parsed.id !== 'string' || typeof parsed.key !== 'string') return null;
    const key = Buffer.from(parsed.key, 'base64');
    return key.length === 32 ? { id: parsed.id, key } : null;
  } catch {
    return null;
  }
}

export interface RecordingKeyGrants {
  /** Hands the key to a page (sender id) unless it already had it in this page load. */
  take(sender: number): Promise<RecordingKeyGrant>;
  /** The sender starts a new page load (navigation, reload, renderer crash): it may ask once more. */
  forget(sender: number): void;
}

export function createRecordingKeyGrants(store: Pick<SecretStore, 'read' | 'set' | 'protection'>, log: Logger): RecordingKeyGrants {
  const handed = new Set<number>();
  let creating: Promise<RecordingKeyGrant> | undefined;

  async function create(): Promise<RecordingKeyGrant> {
    const key = randomBytes(32);
    const keyId = randomUUID();
    try {
      const status = await store.set(NAME, JSON.stringify({ v: 1, id: keyId, key: key.toString('base64') }));
      log.info(`recording key ${keyId} created (protection: ${status.protection})`);
      return { ok: true, keyId, key: new Uint8Array(key), protection: status.protection, created: true };
    } catch (error) {
      return { ok: false, reason: 'refused', error: `the recording key could not be stored in the OS secret store (${(error as Error).message})` };
    } finally {
      key.fill(0);
    }
  }

  async function load(): Promise<RecordingKeyGrant> {
    const found = await store.read(NAME);
    if (found.kind === 'absent') return (creating ??= create().finally(() => (creating = undefined)));
    if (found.kind === 'unreadable') {
      log.error(`recording key cannot be read from the OS secret store (${found.reason}): it is kept, not replaced; calls are not recorded until it can be read (tell IT)`);
      return { ok: false, reason: 'unreadable', error: found.reason };
    }
    const parsed = parse(found.value);
    if (!parsed) {
      log.error('the stored recording key is malformed: it is kept, not replaced; calls are not recorded (tell IT)');
      return { ok: false, reason: 'unreadable', error: 'the stored recording key is malformed' };
    }
    const grant: RecordingKeyGrant = { ok: true, keyId: parsed.id, key: new Uint8Array(parsed.key), protection: store.protection(), created: false };
    parsed.key.fill(0);
    return grant;
  }

  return {
    async take(sender) {
      if (handed.has(sender)) {
        log.warn(`recording key asked for twice in one page load (renderer ${sender}): refused`);
        return { ok: false, reason: 'refused', error: 'the recording key was already handed to this page' };
      }
      handed.add(sender);
      const grant = await load().catch((error: unknown): RecordingKeyGrant => ({ ok: false, reason: 'unreadable', error: (error as Error).message }));
      if (!grant.ok) handed.delete(sender); // nothing was handed: the page may ask again
      return grant;
    },
    forget(sender) {
      handed.delete(sender);
    },
  };
}
