import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reopenAfterFailure } from '@renderer/db/reopen';

describe('reopenAfterFailure', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.restoreAllMocks();
  });

  function database(name: string): Dexie {
    const db = new Dexie(name);
    db.version(1).stores({ rows: 'id' });
    return db;
  }

  it('opens again a database whose open failed (a full disk), so writes work once space is back', async () => {
    const db = database('reopen-failed');
    const realOpen = indexedDB.open.bind(indexedDB);
    // The backing store refuses, as Chromium does on a full disk.
    const refuse = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    });
    await expect(db.table('rows').put({ id: 1 })).rejects.toThrow(/backing store/);
    expect(db.hasFailed()).toBe(true);
    // Without help it stays failed, space or not.
    refuse.mockImplementation(realOpen);
    await expect(db.table('rows').put({ id: 1 })).rejects.toThrow();
    const reopened = vi.fn();
    stops.push(reopenAfterFailure(db, { everyMs: 5, reopened }));
    await vi.waitFor(() => expect(reopened).toHaveBeenCalledOnce());
    await db.table('rows').put({ id: 2 });
    expect(await db.table('rows').count()).toBe(1);
  });

  it('opens again a database closed under the app (Dexie 4 shows it as closed), and stops when told to', async () => {
    const db = database('reopen-closed');
    await db.open();
    // What an external close (the browser closing the connection after an I/O error) leaves behind.
    db.close();
    const reopened = vi.fn();
    const stop = reopenAfterFailure(db, { everyMs: 5, reopened });
    stops.push(stop);
    await vi.waitFor(() => expect(reopened).toHaveBeenCalledOnce());
    expect(db.isOpen()).toBe(true);

    // The app closing it on purpose (another window's upgrade) stops the reopening first.
    stop();
    db.close();
    const open = vi.spyOn(db, 'open');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(open).not.toHaveBeenCalled();
    expect(db.isOpen()).toBe(false);
  });
});
