/**
 * Conflict rules of the callback service sync (both directions): the service's copy wins unless this desk
 * changed the callback more recently; a callback a colleague took or closed leaves this desk's list at once.
 */
import type { StoredCallback } from '../../../db/schema';

/** A callback as the service sends it: the stored fields, plus who holds it now. */
export type RemoteCallback = Omit<StoredCallback, 'dirty'> & { owner?: string };

/** What to write after merging one remote callback: the row to keep (or null to delete it). */
export function mergeRemote(local: StoredCallback | undefined, remote: RemoteCallback, me: string): StoredCallback | null {
  const { owner, ...fields } = remote;
  // Taken by a colleague: it is theirs now, whatever this desk did meanwhile.
  if (owner !== undefined && owner !== me) return null;
  if (local?.dirty && local.updatedAt > remote.updatedAt) return local;
  return { ...fields, dirty: false };
}

/** The callbacks to send: changed here since the last sync. */
export function pendingUploads(callbacks: readonly StoredCallback[]): StoredCallback[] {
  return callbacks.filter((c) => c.dirty);
}
