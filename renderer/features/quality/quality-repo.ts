/**
 * Stores a call's quality summary in its call-history row (Dexie).
 *
 * The phone writes the row when the call ends, and may write it after we are ready (its put is queued
 * behind the store update we react to). Both orders are handled without timing assumptions:
 * - row there: update it inside a read-write transaction;
 * - row not there yet: park the summary, and a `creating` hook adds it to the row as the phone puts it.
 *   IndexedDB runs read-write transactions on the same table one after another, so the check and the
 *   put cannot interleave.
 * An `updating` hook keeps the summary when someone later re-puts the row from a copy made before the
 * summary existed (e.g. saving wrap-up notes over the entry kept in memory).
 */
import { getDb } from '../../db/db';
import type { CallHistoryEntry, CallQualitySummary, LingxiDb } from '../../db/schema';

/** Summaries waiting for their row; bounded so a row that never comes cannot grow it forever. */
const parked = new Map<string, CallQualitySummary>();
const PARKED_MAX = 20;
const hooked = new WeakSet<LingxiDb>();

function installHooks(db: LingxiDb): void {
  if (hooked.has(db)) return;
  hooked.add(db);
  db.callHistory.hook('creating', (_key, entry: CallHistoryEntry) => {
    const summary = parked.get(entry.id);
    if (summary && !entry.quality) entry.quality = summary;
    parked.delete(entry.id);
  });
  db.callHistory.hook('updating', (changes: object, _key, existing: CallHistoryEntry) => {
    // A whole-row put without `quality` shows up as { quality: undefined }: keep what we stored.
    const dropsQuality = 'quality' in changes && (changes as { quality?: unknown }).quality === undefined;
    return existing.quality && dropsQuality ? { quality: existing.quality } : undefined;
  });
}

/** Attaches `summary` to the history row of `callId`, now or as soon as the row is written. */
export async function attachQuality(callId: string, summary: CallQualitySummary): Promise<void> {
  const db = getDb();
  installHooks(db);
  await db.transaction('rw', db.callHistory, async () => {
    const updated = await db.callHistory.update(callId, { quality: summary });
    if (updated === 0) {
      parked.set(callId, summary);
      if (parked.size > PARKED_MAX) parked.delete(parked.keys().next().value as string);
    }
  });
}

/** Installs the hooks early (at start), so a re-put before the first call's end already keeps summaries. */
export function watchHistory(): void {
  installHooks(getDb());
}
