/** The assist feature's way into Dexie: each call's transcript and summary, saved at hang-up. */
import { getDb } from '../../db/db';
import type { StoredTranscript } from '../../db/schema';

/** Saves (or replaces) one call's transcript. */
export async function saveTranscript(transcript: StoredTranscript): Promise<void> {
  await getDb().transcripts.put(transcript);
}
