/**
 * The delta/ETag pull both syncs use (knowledge, callbacks):
 *   GET <url>?since=<cursor>   with If-None-Match: <etag>
 *   → 304: nothing new; 200: a delta whose `cursor` is sent back next time, `hasMore` while pages remain.
 * Each delta is committed with its cursor (by the caller's `apply`) before the next is asked for, so a pull
 * cut off by a crash or the network resumes from the last committed delta, never skips one.
 * Pure: fetch is injected (the browser's, Node's, a test's).
 */
import { readTextCapped, type CappedText } from '../read-body';

/** A failed pull; what was committed before it stays. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
}

/** Where the caller keeps its place, and how it commits a delta. */
export interface DeltaTarget<D> {
  /** The cursor and ETag last committed. */
  position(): { cursor?: string | undefined; etag?: string | undefined };
  /** Commits one delta with its cursor; `etag` only with the last page (see below). */
  apply(delta: D, etag: string | undefined): Promise<void>;
  /** The server said nothing is new (304). */
  upToDate?(): Promise<void>;
}

export interface DeltaPullOptions<D> {
  /** Parses a delta's text: the value, or why it is bad. */
  parse(text: string): { ok: true; value: D } | { ok: false; errors: string[] };
  /** A larger delta is refused before it is parsed. */
  maxBytes: number;
  /** Names for the messages: the server ("knowledge server"), a delta ("the knowledge delta"), the policy key that sets maxBytes. */
  server: string;
  what: string;
  limitSetting: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  headers?: Record<string, string>;
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
 * Pulls and commits deltas until the server has no more.
 * @returns how many deltas were committed (0 when the server answered 304)
 * @throws SyncError when the server cannot be reached, answers an error, or sends a bad or too large delta
 */
export async function pullDeltas<D extends { hasMore?: boolean | undefined }>(syncUrl: string, target: DeltaTarget<D>, options: DeltaPullOptions<D>): Promise<number> {
  const { parse, maxBytes, server, what, limitSetting, fetch: fetchFn = fetch, timeoutMs = 30_000, headers = {} } = options;
  let deltas = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { cursor, etag } = target.position();
    let response: Response;
    try {
      response = await fetchFn(deltaUrl(syncUrl, cursor), {
        headers: { Accept: 'application/json', ...headers, ...(etag ? { 'If-None-Match': etag } : {}) },
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncError(`${server} not reachable: ${(error as Error).message}`);
    }
    if (response.status === 304) {
      await target.upToDate?.();
      return deltas;
    }
    if (!response.ok) throw new SyncError(`${server} answered HTTP ${response.status}`);
    let body: CappedText;
    try {
      body = await readTextCapped(response, maxBytes, what, limitSetting);
    } catch (error) {
      throw new SyncError(`${server} not reachable: ${(error as Error).message}`);
    }
    if (!body.ok) throw new SyncError(body.tooLarge);
    const parsed = parse(body.text);
    if (!parsed.ok) throw new SyncError(`${server} sent a bad delta: ${parsed.errors.slice(0, 5).join('; ')}`);
    // The ETag names the state the client caught up to: kept only from the last page, or a resumed
    // paged sync would send it and be told (304) that nothing is missing.
    await target.apply(parsed.value, parsed.value.hasMore ? undefined : (response.headers.get('ETag') ?? undefined));
    deltas++;
    if (!parsed.value.hasMore) return deltas;
  }
  return deltas;
}
