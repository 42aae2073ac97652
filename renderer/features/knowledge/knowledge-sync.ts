/**
 * Delta sync with the knowledge server (policy `knowledge.syncUrl`):
 *   GET <syncUrl>?since=<cursor>   with If-None-Match: <etag>
 *   → 304: nothing new; 200: a delta (delta-schema.ts) whose `cursor` is sent back next time.
 * Each delta is committed together with its cursor before the next is asked for (`hasMore`), so a sync
 * cut off by a crash or the network resumes from the last committed delta, never skips one.
 */
import { pullDeltas } from '@common/sync/delta-pull';
import { parseKnowledgeDelta } from '@common/knowledge/delta-schema';
import type { KnowledgeBase } from './knowledge-base';

/** What one sync run did. */
export interface SyncOutcome {
  /** Deltas committed (0 when the server answered 304). */
  deltas: number;
  applied: number;
  deleted: number;
  /** Report lines of articles skipped as invalid. */
  skipped: string[];
}

export { deltaUrl, SyncError } from '@common/sync/delta-pull';

export interface SyncOptions {
  /** knowledge.maxPackageMb in bytes: a larger delta is refused before it is parsed. */
  maxBytes: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Runs one sync: fetches and commits deltas until the server has no more.
 * @throws SyncError when the server cannot be reached, answers an error, or sends a delta whose envelope is bad
 */
export async function syncOnce(kb: KnowledgeBase, syncUrl: string, { maxBytes, fetch: fetchFn, timeoutMs }: SyncOptions): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { deltas: 0, applied: 0, deleted: 0, skipped: [] };
  outcome.deltas = await pullDeltas(
    syncUrl,
    {
      position: () => ({ cursor: kb.syncState.syncCursor, etag: kb.syncState.etag }),
      apply: async (delta, etag) => {
        const result = await kb.applyDelta(delta, etag);
        outcome.applied += result.applied;
        outcome.deleted += result.deleted;
        outcome.skipped.push(...result.skipped);
      },
      upToDate: () => kb.markSynced(),
    },
    {
      parse: parseKnowledgeDelta,
      maxBytes,
      server: 'knowledge server',
      what: 'the knowledge delta',
      limitSetting: 'knowledge.maxPackageMb',
      ...(fetchFn ? { fetch: fetchFn } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    },
  );
  return outcome;
}
