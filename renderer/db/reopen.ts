/**
 * Reopens a database whose reopening failed. When the disk fills up (or the profile's storage fails), Chromium
 * aborts the write, closes the database under the app, and Dexie's automatic reopen fails with UnknownError
 * ("Internal error opening backing store"). Dexie then rejects every later call with DatabaseClosedError until
 * db.open() is called again (Dexie issue #2098), so space coming back would not be enough: every `everyMs` a
 * database in that state tries to open again. Since Dexie 4.1 a database closed under the app looks the same as
 * one the app closed (both `hasBeenClosed()`), so a caller that closes its database on purpose calls the returned
 * stop function first.
 */
import type Dexie from 'dexie';
import { storageBack } from './storage-refusal';

export function reopenAfterFailure(db: Dexie, { everyMs = 2_000, reopened }: { everyMs?: number; reopened?: () => void } = {}): () => void {
  let opening = false;
  const timer = setInterval(() => {
    if (opening || db.isOpen() || !db.hasFailed()) return;
    opening = true;
    db.open().then(
      () => {
        opening = false;
        storageBack();
        reopened?.();
      },
      () => {
        opening = false;
      },
    );
  }, everyMs);
  return () => clearInterval(timer);
}
