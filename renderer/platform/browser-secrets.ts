/**
 * Secrets in the browser host: kept in this page's memory only, for the session. Anything a browser keeps
 * on disk (IndexedDB, even a non-extractable CryptoKey; sessionStorage, which session restore writes out)
 * a copied profile opens, so the CRM token and the recording store's token are never written anywhere: the
 * agent enters them again after a reload, and their protection is reported as `weak`. The host's own calls
 * read them from here (`crm.lookup`; `recordingUpload.headers` for the page's tus requests to the store);
 * nothing hands them back to other scripts.
 */
import type { LingxiApi } from '@common/contract/api';
import type { SecretName, SecretStatus } from '@common/contract/ipc';

export interface SessionSecrets {
  /** The write side the page's features get (LingxiApi.secrets). */
  readonly api: LingxiApi['secrets'];
  /** The host's own read, for the calls it makes with the secret attached. */
  read(name: SecretName): string | null;
}

/** A fresh, empty session store (one per page). */
export function createSessionSecrets(): SessionSecrets {
  const values = new Map<SecretName, string>();
  const status = (stored: boolean): SecretStatus => ({ stored, protection: 'weak', persistence: 'session' });
  return {
    api: {
      async set(name, value) {
        if (value === null) values.delete(name);
        else values.set(name, value);
        return status(value !== null);
      },
    },
    read: (name) => values.get(name) ?? null,
  };
}
