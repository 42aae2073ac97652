import { describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import type { SystemEvent } from '@common/contract/ipc';
import type { PolicyLoadResult } from '@common/contract/policy';
import { decidePolicyUpdate, followPolicyUpdates, isIdleForPolicy } from '@renderer/app/policy-updates';
import { createAppStore } from '@renderer/app/store';

const ok = (sha256: string): PolicyLoadResult => ({ ok: true, source: '/etc/lingxi/policy.json', policy: {} as never, sha256 });
const invalid = { ok: false as const, source: '/etc/lingxi/policy.json', problems: [{ path: 'sip.uri', message: 'must be a SIP URI' }] };

describe('decidePolicyUpdate', () => {
  it('tells the same, a new and an invalid policy apart', () => {
    expect(decidePolicyUpdate('aa', ok('aa'))).toBe('unchanged');
    expect(decidePolicyUpdate('aa', ok('bb'))).toBe('changed');
    expect(decidePolicyUpdate(undefined, ok('bb'))).toBe('changed');
    expect(decidePolicyUpdate('aa', invalid)).toBe('invalid');
  });
});

describe('isIdleForPolicy', () => {
  const state = (calls: number, kind: string, writing = false) =>
    ({
      calls: Array.from({ length: calls }, () => ({ phase: 'ringing' })),
      agent: { state: { kind } },
      liveRecordings: writing ? { c1: {} } : {},
      recordings: [],
    }) as unknown as Parameters<typeof isIdleForPolicy>[0];
  it('is idle only with no call, no wrap-up and no recording still being written', () => {
    expect(isIdleForPolicy(state(0, 'ready'))).toBe(true);
    expect(isIdleForPolicy(state(0, 'not-ready'))).toBe(true);
    expect(isIdleForPolicy(state(1, 'ready'))).toBe(false); // ringing
    expect(isIdleForPolicy(state(0, 'on-call'))).toBe(false);
    expect(isIdleForPolicy(state(0, 'wrap-up'))).toBe(false);
    expect(isIdleForPolicy(state(0, 'ready', true))).toBe(false); // the hung-up call's recording drains its delay line
  });
});

function setup(next: () => PolicyLoadResult) {
  const store = createAppStore();
  const listeners: Array<(event: SystemEvent) => void> = [];
  const host = {
    policy: { load: vi.fn(), check: vi.fn(async () => next()) },
    system: { onEvent: (listener: (event: SystemEvent) => void) => (listeners.push(listener), () => undefined) },
  } as unknown as LingxiApi;
  const apply = vi.fn();
  followPolicyUpdates(host, store, 'aa', apply);
  const changed = async () => {
    listeners.forEach((l) => l('policy-changed'));
    await vi.waitFor(() => expect(host.policy.check).toHaveBeenCalled());
    await Promise.resolve();
  };
  return { store, apply, changed };
}

describe('followPolicyUpdates', () => {
  it('applies a new valid policy at once when the desk is idle', async () => {
    const { apply, changed, store } = setup(() => ok('bb'));
    await changed();
    await vi.waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
    expect(store.getState().policyUpdate).toEqual({ status: 'pending' });
  });

  it('waits for the call and its wrap-up to end, then applies once', async () => {
    const { apply, changed, store } = setup(() => ok('bb'));
    const machine = store.getState().agent;
    store.setState({ calls: [{ id: 'c1' } as never], agent: { ...machine, state: { kind: 'on-call', since: 0, callIds: ['c1'] } } });
    await changed();
    await vi.waitFor(() => expect(store.getState().policyUpdate).toEqual({ status: 'pending' }));
    expect(apply).not.toHaveBeenCalled();
    store.setState({ calls: [], agent: { ...machine, state: { kind: 'wrap-up', since: 1, work: {} as never } } });
    expect(apply).not.toHaveBeenCalled();
    store.setState({ agent: { ...machine, state: { kind: 'ready', since: 2 } } });
    store.setState({ language: 'en' });
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('reports an invalid policy and keeps the one in force', async () => {
    const { apply, changed, store } = setup(() => invalid);
    await changed();
    await vi.waitFor(() => expect(store.getState().policyUpdate).toEqual({ status: 'invalid', problems: invalid.problems, source: invalid.source }));
    expect(apply).not.toHaveBeenCalled();
  });

  it('clears an earlier report when the policy is back to the one in force', async () => {
    let result: PolicyLoadResult = invalid;
    const { changed, store } = setup(() => result);
    await changed();
    await vi.waitFor(() => expect(store.getState().policyUpdate?.status).toBe('invalid'));
    result = ok('aa');
    await changed();
    await vi.waitFor(() => expect(store.getState().policyUpdate).toBeNull());
  });
});
