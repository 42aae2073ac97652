/**
 * Persistent storage: without it the browser may evict the whole origin's storage, recordings
 * included, under disk pressure. Asked for at every start; the answer is shown in settings.
 */
import type { Logger } from '@common/logging/logger';

/** The part of navigator.storage used here. */
export type StorageLike = Partial<Pick<StorageManager, 'persist'>>;

/** The page's StorageManager, if it has one. */
export function pageStorage(): StorageLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** Asks for persistent storage; false (and a line in IT's log) when refused or unavailable. */
export async function requestPersistence(storage: StorageLike | null, log: Logger): Promise<boolean> {
  let persisted = false;
  let why = 'this browser offers no navigator.storage.persist()';
  if (storage?.persist) {
    try {
      persisted = await storage.persist();
      why = 'the browser refused navigator.storage.persist()';
    } catch (error) {
      why = `navigator.storage.persist() failed: ${(error as Error).message}`;
    }
  }
  if (!persisted) log.warn(`recording cache storage is not persistent (${why}): the browser may evict it under disk pressure`);
  return persisted;
}
