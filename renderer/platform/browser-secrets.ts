/**
 * Secrets in the browser host: AES-GCM under a non-extractable WebCrypto key kept in IndexedDB.
 * Script can use the key but never read it out, so a copied database alone reveals nothing usable
 * elsewhere; this is the browser's equivalent of Electron's safeStorage.
 */
import type { LingxiApi } from '@common/contract/api';
import { getDb } from '../db/db';

const KEY_ROW = '#key';

async function secretKey(): Promise<CryptoKey> {
  const table = getDb().secrets;
  const row = await table.get(KEY_ROW);
  if (row?.key) return row.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await table.put({ name: KEY_ROW, key });
  return key;
}

export const browserSecrets: LingxiApi['secrets'] = {
  async get(name) {
    const row = await getDb().secrets.get(name);
    if (!row?.data || !row.iv) return null;
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv }, await secretKey(), row.data);
      return new TextDecoder().decode(plain);
    } catch {
      return null;
    }
  },
  async set(name, value) {
    const table = getDb().secrets;
    if (value === null) {
      await table.delete(name);
      return { stored: false, protection: 'os' };
    }
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await secretKey(), new TextEncoder().encode(value));
    await table.put({ name, iv, data });
    return { stored: true, protection: 'os' };
  },
};
