/** Callbacks and their attempts in Dexie (`callbacks`, `callbackAttempts`). */
import { getDb } from '../../db/db';
import type { CallbackOutcome, StoredCallback, StoredCallbackAttempt } from '../../db/schema';

/** The callbacks still to be made. */
export async function openCallbacks(): Promise<StoredCallback[]> {
  return getDb().callbacks.where('status').equals('open').sortBy('windowStart');
}

export async function saveCallback(callback: StoredCallback): Promise<void> {
  await getDb().callbacks.put(callback);
}

export async function getCallback(id: string): Promise<StoredCallback | undefined> {
  return getDb().callbacks.get(id);
}

/** Records a call placed for a callback. */
export async function addAttempt(attempt: Omit<StoredCallbackAttempt, 'id'>): Promise<void> {
  await getDb().callbackAttempts.add(attempt);
}

/** Sets the outcome of the attempt that was call `callId`. @returns whether there was one */
export async function setAttemptOutcome(callId: string, outcome: CallbackOutcome): Promise<boolean> {
  return (await getDb().callbackAttempts.where('callId').equals(callId).modify({ outcome })) > 0;
}

/** The attempts made in these calls (the history rows shown), for their callback tags. */
export async function attemptsOfCalls(callIds: readonly string[]): Promise<StoredCallbackAttempt[]> {
  if (callIds.length === 0) return [];
  return getDb().callbackAttempts.where('callId').anyOf([...callIds]).toArray();
}

/** The callbacks changed here since the last sync. */
export async function dirtyCallbacks(): Promise<StoredCallback[]> {
  return (await getDb().callbacks.toArray()).filter((c) => c.dirty);
}

/** Marks these callbacks as sent, unless they changed again meanwhile. */
export async function markClean(sent: readonly StoredCallback[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.callbacks, async () => {
    for (const callback of sent) {
      const now = await db.callbacks.get(callback.id);
      if (now && now.updatedAt === callback.updatedAt) await db.callbacks.update(callback.id, { dirty: false });
    }
  });
}

export async function deleteCallbacks(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await getDb().callbacks.bulkDelete([...ids]);
}
