/**
 * Delta sync with the knowledge server (policy `knowledge.syncUrl`):
 *   GET <syncUrl>?since=<cursor>   with If-None-Match: <etag>
 *   → 304: nothing new; 200: a delta (delta-schema.ts) whose `cursor` is sent back next time.
 * Each delta is committed together with its cursor before the next is asked for (`hasMore`), so a sync
 * cut off by a crash or the network resumes from the last committed delta, never skips one.
 */
import { readTextCapped, type CappedText } from '@common/read-body';
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

/** A failed sync; the knowledge base and cursor are as before the failing request. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
}

/** Safety net against a server that always answers hasMore. */
const MAX_PAGES = 1000;

/** The request URL for a cursor. */
export function deltaUrl(syncUrl: string, cursor: string | undefined): string {
  const url = new URL(syncUrl);
  if (cursor !== undefined) url.searchParams.set('since', cursor);
  return url.toString();
}

/**
 * Runs one sync: fetches and commits deltas until the server has no more.
 * @throws SyncError when the server cannot be reached, answers an error, or sends a delta whose envelope is bad
 */
export interface SyncOptions {
  /** knowledge.maxPackageMb in bytes: a larger delta is refused before it is parsed. */
  maxBytes: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function syncOnce(kb: KnowledgeBase, syncUrl: string, { maxBytes, fetch: fetchFn = fetch, timeoutMs = 30_000 }: SyncOptions): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { deltas: 0, applied: 0, deleted: 0, skipped: [] };
  for (let page = 0; page < MAX_PAGES; page++) {
    const { syncCursor, etag } = kb.syncState;
    let response: Response;
    try {
      response = await fetchFn(deltaUrl(syncUrl, syncCursor), {
        headers: { Accept: 'application/json', ...(etag ? { 'If-None-Match': etag } : {}) },
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncError(`knowledge server not reachable: ${(error as Error).message}`);
    }
    if (response.status === 304) {
      await kb.markSynced();
      return outcome;
    }
    if (!response.ok) throw new SyncError(`knowledge server answered HTTP ${response.status}`);
    let body: CappedText;
    try {
      body = await readTextCapped(response, maxBytes, 'the knowledge delta', 'knowledge.maxPackageMb');
    } catch (error) {
      throw new SyncError(`knowledge server not reachable: ${(error as Error).message}`);
    }
    if (!body.ok) throw new SyncError(body.tooLarge);
    const parsed = parseKnowledgeDelta(body.text);
    if (!parsed.ok) throw new SyncError(`knowledge server sent a bad delta: ${parsed.errors.slice(0, 5).join('; ')}`);
    // The ETag names the state the client caught up to: kept only from the last page, or a resumed
    // paged sync would send it and be told (304) that nothing is missing.
    const result = await kb.applyDelta(parsed.value, parsed.value.hasMore ? undefined : (response.headers.get('ETag') ?? undefined));
    outcome.deltas++;
    outcome.applied += result.applied;
    outcome.deleted += result.deleted;
    outcome.skipped.push(...result.skipped);
    if (!parsed.value.hasMore) return outcome;
  }
  return outcome;
}
