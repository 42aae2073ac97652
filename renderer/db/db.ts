/**
 * Opens the database. Only renderer/db and the features' *-repo.ts files touch it (the recording cache keeps
 * a database of its own, with strict durability: recording/store/recordings-db.ts).
 */
import Dexie from 'dexie';
import { reopenAfterFailure } from './reopen';
import { DB_NAME, declareSchema, type LingxiDb } from './schema';

let instance: LingxiDb | undefined;
let stopReopening: () => void = () => undefined;

/** The app's database, opened on first use. */
export function getDb(): LingxiDb {
  if (!instance) {
    const db = new Dexie(DB_NAME) as LingxiDb;
    declareSchema(db);
    // A full disk closes it under the app: open it again once space is back.
    stopReopening = reopenAfterFailure(db);
    // Another window upgraded the schema: close so it can proceed, and reload to pick it up.
    db.on('versionchange', () => {
      stopReopening();
      db.close();
      // In a worker (knowledge search) there is no page to reload: it is restarted with the page.
      if (typeof location !== 'undefined' && 'reload' in location) location.reload();
      return false;
    });
    instance = db;
  }
  return instance;
}

/** For tests: forget the instance so a fresh fake-indexeddb can be used. */
export function resetDbForTests(): void {
  stopReopening();
  instance?.close();
  instance = undefined;
}
