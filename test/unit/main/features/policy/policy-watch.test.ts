import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicyLoadResult } from '@common/contract/policy';
import { watchPolicy, type PolicyWatchDeps } from '@main/features/policy/policy-watch';

const ok = (sha256: string): PolicyLoadResult => ({ ok: true, source: 's', policy: {} as never, sha256 });
const invalid: PolicyLoadResult = { ok: false, source: 's', problems: [{ path: 'sip.uri', message: 'bad' }] };

function setup(files = ['/etc/lingxi/policy.json', '/home/a/.config/Lingxi/policy.json']) {
  const listeners = new Map<string, (name: string | null) => void>();
  let next: PolicyLoadResult = ok('one');
  const changes: PolicyLoadResult[] = [];
  const load = vi.fn(async () => next);
  const deps: PolicyWatchDeps = {
    files,
    watchFolder: (folder, listener) => {
      if (folder === '/missing') throw new Error('ENOENT');
      listeners.set(folder, listener);
      return { close: () => listeners.delete(folder) };
    },
    load,
    onChange: (result) => changes.push(result),
    debounceMs: 500,
    pollMs: 60_000,
  };
  const watch = watchPolicy(deps);
  watch.setCurrent(ok('one'));
  return { watch, listeners, changes, load, set: (result: PolicyLoadResult) => (next = result) };
}

describe('watchPolicy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads once, 500 ms after a burst of writes to a policy file, and reports the new policy', async () => {
    const { listeners, changes, load, set } = setup();
    set(ok('two'));
    for (let i = 0; i < 5; i++) listeners.get('/etc/lingxi')?.('policy.json');
    await vi.advanceTimersByTimeAsync(499);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([ok('two')]);
  });

  it('ignores other files in a watched folder (logs in userData) and reloads that give the same policy', async () => {
    const { listeners, changes, load } = setup();
    listeners.get('/home/a/.config/Lingxi')?.('lingxi.log');
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).not.toHaveBeenCalled();
    listeners.get('/home/a/.config/Lingxi')?.('policy.json');
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([]);
  });

  it('reports an invalid policy once, and the valid one after it', async () => {
    const { listeners, changes, set } = setup();
    set(invalid);
    listeners.get('/etc/lingxi')?.('policy.json');
    await vi.advanceTimersByTimeAsync(600);
    listeners.get('/etc/lingxi')?.('policy.json');
    await vi.advanceTimersByTimeAsync(600);
    set(ok('three'));
    listeners.get('/etc/lingxi')?.(null);
    await vi.advanceTimersByTimeAsync(600);
    expect(changes).toEqual([invalid, ok('three')]);
  });

  it('polls every minute (the registry, a folder created later) and watches a folder once it exists', async () => {
    const { changes, set, load } = setup(['/missing/policy.json']);
    set(ok('four'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([ok('four')]);
  });

  it('stops watching and polling on stop()', async () => {
    const { watch, listeners, load } = setup();
    watch.stop();
    expect(listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(load).not.toHaveBeenCalled();
  });
});
