/**
 * Getting back under the cache limit: uploaded recordings (safe on the store's server) lose their
 * local audio early, oldest first. Audio that is not acknowledged is never touched; if that alone
 * fills the cache, the level stays `full` and recording goes on (IndexedDB decides the real limit).
 */
import type { Logger } from '@common/logging/logger';
import type { RecordingManifest } from '../types';
import { readUsage, type CacheUsage } from './quota';
import type { RecordingsDb } from './recordings-db';
import { purgeAudio, purgeableOldestFirst } from './upload-states';

/** Reads usage and, when at or over the limit, purges uploaded audio early. */
export async function enforceLimit(
  db: RecordingsDb,
  limitBytes: number,
  log: Logger,
): Promise<{ usage: CacheUsage; purged: RecordingManifest[] }> {
  let usage = await readUsage(db, limitBytes);
  const purged: RecordingManifest[] = [];
  if (usage.bytes < limitBytes) return { usage, purged };
  for (const candidate of await purgeableOldestFirst(db)) {
    if (usage.bytes < limitBytes) break;
    const done = await purgeAudio(db, candidate.id);
    if (!done) continue;
    purged.push(done);
    usage = { ...usage, bytes: usage.bytes - done.bytes };
  }
  if (purged.length) {
    log.info(`recording cache over its limit: removed the local audio of ${purged.length} uploaded recording(s) before their retention ended`);
  }
  return { usage: await readUsage(db, limitBytes), purged };
}
