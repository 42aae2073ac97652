import { describe, expect, it, vi } from 'vitest';
import { drop } from '@common/logging/drop';

describe('drop', () => {
  it('logs a failure as a warning with its error', async () => {
    const warn = vi.fn();
    const error = new Error('purge refused');
    drop(Promise.reject(error), { warn }, 'purging expired profiles');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('purging expired profiles failed', error));
  });

  it('says nothing when the work succeeds, and accepts no promise at all', async () => {
    const warn = vi.fn();
    drop(Promise.resolve('done'), { warn }, 'work');
    drop(undefined, { warn }, 'optional work');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).not.toHaveBeenCalled();
  });
});
