/** Call history persistence (Dexie). */
import { getDb } from '../../db/db';
import type { CallHistoryEntry } from '../../db/schema';
import type { CallEnd } from '../phone';

/** Builds the history entry for a call that just ended. */
export function historyEntryFor(end: CallEnd): CallHistoryEntry {
  const { call } = end;
  const endedAt = call.endedAt ?? Date.now();
  return {
    id: call.id,
    direction: call.direction,
    number: call.remoteNumber,
    displayName: call.remoteName,
    startedAt: call.startedAt,
    ...(call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
    endedAt,
    durationMs: call.answeredAt !== undefined ? Math.max(0, endedAt - call.answeredAt) : 0,
    outcome: end.outcome,
    cause: end.statusCode ? `${end.statusCode} ${end.cause}` : end.cause,
  };
}

export async function saveCall(entry: CallHistoryEntry): Promise<void> {
  await getDb().callHistory.put(entry);
}

/** The most recent calls, newest first. */
export async function recentCalls(limit = 50): Promise<CallHistoryEntry[]> {
  return getDb().callHistory.orderBy('startedAt').reverse().limit(limit).toArray();
}

/**
 * Writes a wrap-up result into the calls' history entries.
 * @returns the ids whose entry was not found (the call's own save failed), for the log
 */
export async function saveWrapUp(callIds: readonly string[], wrapUp: NonNullable<CallHistoryEntry['wrapUp']>): Promise<string[]> {
  const db = getDb();
  return db.transaction('rw', db.callHistory, async () => {
    const missing: string[] = [];
    for (const id of callIds) if ((await db.callHistory.update(id, { wrapUp })) === 0) missing.push(id);
    return missing;
  });
}
