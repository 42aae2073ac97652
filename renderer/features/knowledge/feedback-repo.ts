/**
 * Search feedback storage (Dexie `kbFeedback`): opened search results for knowledge-base authors, at most
 * MAX_FEEDBACK_ENTRIES, the oldest dropped first. Written only while knowledge.feedbackExport is on.
 */
import { getDb } from '../../db/db';
import { MAX_FEEDBACK_ENTRIES, type SearchFeedbackEntry } from './search-feedback';

/** Keeps one entry and drops the oldest beyond the limit, in one transaction. */
export async function addFeedback(entry: Omit<SearchFeedbackEntry, 'id'>, max = MAX_FEEDBACK_ENTRIES): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.kbFeedback, async () => {
    await db.kbFeedback.add(entry);
    const excess = (await db.kbFeedback.count()) - max;
    // Ids grow with every entry, so the lowest are the oldest.
    if (excess > 0) await db.kbFeedback.orderBy('id').limit(excess).delete();
  });
}

/** Every kept entry, oldest first. */
export function readFeedback(): Promise<SearchFeedbackEntry[]> {
  return getDb().kbFeedback.orderBy('id').toArray();
}

/** Deletes every kept entry (the policy turned the feedback loop off: nothing is kept any longer). */
export async function clearFeedback(): Promise<void> {
  await getDb().kbFeedback.clear();
}
