/**
 * Time in each agent state (Dexie table agentStates): one row per stretch, opened when the state begins
 * and closed when it ends. A crash leaves the last row open; the next start closes it at its last
 * heartbeat, so the time the app was not running is never counted as Ready.
 */
import { getDb } from '../../db/db';
import type { AgentStateEntry } from '../../db/schema';

/** Only the newest rows can be open (every new stretch closes the one before), so look at a few. */
const OPEN_SCAN = 10;

async function closeOpen(at: number | undefined): Promise<number> {
  const db = getDb();
  const recent = await db.agentStates.orderBy('startedAt').reverse().limit(OPEN_SCAN).toArray();
  let closed = 0;
  for (const row of recent) {
    if (row.endedAt !== undefined || row.id === undefined) continue;
    // `at` undefined = recovery after a crash: the row ends where it was last known to be alive.
    const endedAt = Math.max(row.startedAt, at ?? row.lastSeenAt ?? row.startedAt);
    await db.agentStates.update(row.id, { endedAt });
    closed++;
  }
  return closed;
}

/**
 * Closes stretches a previous run left open (crash, killed tab) at their last heartbeat.
 * @returns how many were closed
 */
export async function recoverOpenStretches(): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.agentStates, () => closeOpen(undefined));
}

/**
 * Starts a new stretch at entry.startedAt, closing any open one at that moment (one transaction, so a
 * crash cannot leave two open rows).
 * @returns the new row's id
 */
export async function beginStretch(entry: Pick<AgentStateEntry, 'state' | 'reason' | 'startedAt'>): Promise<number> {
  const db = getDb();
  return db.transaction('rw', db.agentStates, async () => {
    await closeOpen(entry.startedAt);
    const row: AgentStateEntry = { state: entry.state, startedAt: entry.startedAt, lastSeenAt: entry.startedAt };
    if (entry.reason !== undefined) row.reason = entry.reason;
    const id = await db.agentStates.add(row);
    if (id === undefined) throw new Error('agentStates row got no id');
    return id;
  });
}

/** Heartbeat: the stretch was still going at `at`. */
export async function touchStretch(id: number, at: number): Promise<void> {
  await getDb().agentStates.update(id, { lastSeenAt: at });
}

/** Closes the open stretch at `at` (the app is closing). */
export async function endStretch(id: number, at: number): Promise<void> {
  await getDb().agentStates.update(id, { endedAt: at, lastSeenAt: at });
}

/** Stretches that started at or after `from`, oldest first (reports, tests). */
export async function stretchesSince(from: number): Promise<AgentStateEntry[]> {
  return getDb().agentStates.where('startedAt').aboveOrEqual(from).sortBy('startedAt');
}
