import { describe, expect, it, vi } from 'vitest';
import { holdLiveLock, liveElsewhere, type LocksLike } from '@renderer/features/recording/store/live-locks';

/** Web Locks as far as the store uses them: held names, released when their callback's promise settles. */
function fakeLocks(refuse?: Error): LocksLike {
  const held = new Set<string>();
  return {
    request: (async (name: string, callback: () => Promise<unknown>) => {
      if (refuse) throw refuse;
      held.add(name);
      try {
        return await callback();
      } finally {
        held.delete(name);
      }
    }) as unknown as LockManager['request'],
    query: async () => ({ held: [...held].map((name) => ({ name })), pending: [] }),
  };
}

describe('live locks', () => {
  it('marks a recording live until released', async () => {
    const locks = fakeLocks();
    const release = holdLiveLock(locks, 'r-1', { warn: vi.fn() });
    await vi.waitFor(async () => expect(await liveElsewhere(locks)).toEqual(new Set(['r-1'])));
    release();
    await vi.waitFor(async () => expect(await liveElsewhere(locks)).toEqual(new Set()));
  });

  it('logs a refused lock with its error instead of dropping it silently', async () => {
    const error = new DOMException('document is not fully active', 'InvalidStateError');
    const warn = vi.fn();
    holdLiveLock(fakeLocks(error), 'r-2', { warn });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('holding the live lock of recording r-2 failed', error));
  });
});
