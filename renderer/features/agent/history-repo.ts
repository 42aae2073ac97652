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

/** A call the app went away during (crash, closed window): what survived it, from its recording. */
export interface InterruptedCall {
  id: string;
  direction: CallHistoryEntry['direction'];
  number: string;
  /** Epoch ms the call was connected (its recording's start). */
  startedAt: number;
  /** Epoch ms of the last audio that survived. */
  endedAt: number;
}

/** The history entry for an interrupted call: talk time is what survived, the outcome `interrupted`. */
export function interruptedEntryFor(call: InterruptedCall): CallHistoryEntry {
  return {
    id: call.id,
    direction: call.direction,
    number: call.number,
    displayName: '',
    startedAt: call.startedAt,
    answeredAt: call.startedAt,
    endedAt: call.endedAt,
    durationMs: Math.max(0, call.endedAt - call.startedAt),
    outcome: 'interrupted',
    cause: 'the app closed during the call',
  };
}

/**
 * Adds a history entry for each interrupted call that has none: a call whose own entry was written (it
 * ended before the app went away) keeps it. Idempotent, so it may run at every start.
 * @returns the entries added
 */
export async function saveInterruptedCalls(calls: readonly InterruptedCall[]): Promise<CallHistoryEntry[]> {
  if (calls.length === 0) return [];
  const db = getDb();
  return db.transaction('rw', db.callHistory, async () => {
    const known = await db.callHistory.bulkGet(calls.map((call) => call.id));
    const added = calls.filter((_, index) => known[index] === undefined).map(interruptedEntryFor);
    await db.callHistory.bulkPut(added);
    return added;
  });
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
