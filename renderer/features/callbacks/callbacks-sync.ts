/**
 * Sync with the bank's callback service (policy `callbacks.syncUrl`; wire format in
 * common/callbacks/sync-schema.ts): first the callbacks changed here go up (POST), then the service's changes
 * come down with the same delta/ETag pull as knowledge sync (common/sync/delta-pull.ts), merged by the conflict
 * rules of domain/sync-merge.ts. Offline, it fails with a SyncError and the local list keeps working.
 */
import { parseCallbackDelta, pushAnswerSchema } from '@common/callbacks/sync-schema';
import { pullDeltas, SyncError } from '@common/sync/delta-pull';
import { readSetting, writeSetting } from '../../db/settings-repo';
import { deleteCallbacks, dirtyCallbacks, getCallback, markClean, saveCallback } from './callbacks-repo';
import { mergeRemote, type RemoteCallback } from './domain/sync-merge';

const POSITION_KEY = 'callbacks.syncPosition';
/** A delta larger than this is refused before it is parsed. */
const MAX_DELTA_BYTES = 16 * 1024 * 1024;

export interface CallbackSyncOptions {
  syncUrl: string;
  /** This agent's SIP URI: the owner of what this desk takes. */
  me: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CallbackSyncResult {
  pushed: number;
  /** Callbacks the service had given to a colleague: removed here. */
  rejected: number;
  deltas: number;
}

type Position = { cursor?: string; etag?: string };

async function push({ syncUrl, me, fetch: fetchFn = fetch, timeoutMs = 30_000 }: CallbackSyncOptions): Promise<{ pushed: number; rejected: number }> {
  const changed = await dirtyCallbacks();
  if (changed.length === 0) return { pushed: 0, rejected: 0 };
  let response: Response;
  try {
    const callbacks = changed.map(({ dirty: _dirty, ...fields }) => ({ ...fields, owner: me }));
    response = await fetchFn(syncUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ agent: me, callbacks }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SyncError(`callback service not reachable: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SyncError(`callback service answered HTTP ${response.status} to the changes sent`);
  const answer = pushAnswerSchema.safeParse(await response.json().catch(() => null));
  if (!answer.success) throw new SyncError('callback service sent a bad answer to the changes sent');
  const rejected = new Set(answer.data.rejected);
  await deleteCallbacks([...rejected]);
  await markClean(changed.filter((c) => !rejected.has(c.id)));
  return { pushed: changed.length - rejected.size, rejected: rejected.size };
}

/** One sync run, both directions. @throws SyncError (the local list is as before the failing request) */
export async function syncCallbacks(options: CallbackSyncOptions): Promise<CallbackSyncResult> {
  const pushed = await push(options);
  let position = (await readSetting<Position>(POSITION_KEY)) ?? {};
  const deltas = await pullDeltas(
    options.syncUrl,
    {
      position: () => position,
      apply: async (delta, etag) => {
        for (const remote of delta.callbacks) {
          const merged = mergeRemote(await getCallback(remote.id), remote as RemoteCallback, options.me);
          if (merged) await saveCallback(merged);
          else await deleteCallbacks([remote.id]);
        }
        position = { cursor: delta.cursor, ...(etag ? { etag } : {}) };
        await writeSetting(POSITION_KEY, position);
      },
    },
    {
      parse: parseCallbackDelta,
      maxBytes: MAX_DELTA_BYTES,
      server: 'callback service',
      what: 'the callback delta',
      limitSetting: 'callback sync',
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    },
  );
  return { ...pushed, deltas };
}
