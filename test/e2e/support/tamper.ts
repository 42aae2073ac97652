/** Tampering with the recording cache on disk, as someone with the profile's files could. */
import type { Page } from '@playwright/test';

/** Flips one byte of chunk `seq`'s ciphertext straight in IndexedDB (`lingxi-recordings`); false if there is no such chunk. */
export function alterChunk(page: Page, seq: number): Promise<boolean> {
  return page.evaluate(async (target) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lingxi-recordings');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('chunks', 'readwrite').objectStore('chunks');
    const rows = await new Promise<{ seq: number; ciphertext: ArrayBuffer }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as { seq: number; ciphertext: ArrayBuffer }[]);
    });
    const chunk = rows.find((r) => r.seq === target);
    if (!chunk) return false;
    const bytes = new Uint8Array(chunk.ciphertext);
    bytes[8] = (bytes[8] ?? 0) ^ 0xff;
    await new Promise((resolve) => {
      store.put(chunk).onsuccess = resolve;
    });
    db.close();
    return true;
  }, seq);
}
