/**
 * Marks recordings that are being captured right now with a Web Lock, so crash recovery in another
 * window (the browser host allows several tabs) does not close a recording that is still live. The
 * browser drops a dead page's locks, so a crashed window's recordings are recoverable at once.
 * Where Web Locks are missing, only this window's own live recordings are known.
 */
import { drop } from '@common/logging/drop';
import type { Logger } from '@common/logging/logger';

const PREFIX = 'lingxi-recording-live:';

/** The part of the Web Locks API used here (injectable for tests). */
export type LocksLike = Pick<LockManager, 'request' | 'query'>;

/** The page's LockManager, if it has one. */
export function pageLocks(): LocksLike | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : null;
}

/**
 * Holds the live lock of `id` until the returned function is called.
 * @param log told when the lock is refused: another window could then take the recording for a crashed one
 */
export function holdLiveLock(locks: LocksLike | null, id: string, log: Pick<Logger, 'warn'>): () => void {
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  drop(locks.request(PREFIX + id, () => held), log, `holding the live lock of recording ${id}`);
  return release;
}

/** Ids of recordings some window holds a live lock on. */
export async function liveElsewhere(locks: LocksLike | null): Promise<Set<string>> {
  if (!locks) return new Set();
  const snapshot = await locks.query();
  const ids = (snapshot.held ?? [])
    .map((lock) => lock.name ?? '')
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => name.slice(PREFIX.length));
  return new Set(ids);
}
