import { describe, expect, it } from 'vitest';
import { callbacksPolicySchema } from '@common/contract/policy-callbacks';
import type { StoredCallback } from '@renderer/db/schema';
import { applyOutcome, bucketOf, isDroppedCall, listOrder, selectOverdueCount } from '@renderer/features/callbacks/domain/callback-rules';
import { mergeRemote, pendingUploads, type RemoteCallback } from '@renderer/features/callbacks/domain/sync-merge';

const rules = callbacksPolicySchema.parse({ retryMinutes: [30, 120] });
const at = (s: string) => Date.parse(s);
const MIN = 60_000;

function callback(patch: Partial<StoredCallback> = {}): StoredCallback {
  return {
    id: 'cb1',
    number: '13800000000',
    reason: 'back-office',
    note: '',
    windowStart: at('2026-12-07T02:00:00Z'),
    windowEnd: at('2026-12-07T03:00:00Z'),
    customerAsked: false,
    status: 'open',
    attempts: 0,
    createdAt: 0,
    updatedAt: 0,
    dirty: false,
    ...patch,
  };
}

describe('due, overdue, later', () => {
  it('is later before the window, due inside it, overdue after it', () => {
    const c = callback();
    expect(bucketOf(c, c.windowStart - 1)).toBe('later');
    expect(bucketOf(c, c.windowStart)).toBe('due');
    expect(bucketOf(c, c.windowEnd)).toBe('overdue');
  });

  it('lists overdue first, then due, then later; closed ones not at all; counts the overdue', () => {
    const now = at('2026-12-07T02:30:00Z');
    const list = [
      callback({ id: 'later', windowStart: now + 60 * MIN, windowEnd: now + 120 * MIN }),
      callback({ id: 'due' }),
      callback({ id: 'closed', status: 'closed', windowEnd: now - MIN }),
      callback({ id: 'overdue', windowStart: now - 120 * MIN, windowEnd: now - 60 * MIN }),
    ];
    expect(listOrder(list, now).map((c) => c.id)).toEqual(['overdue', 'due', 'later']);
    expect(selectOverdueCount({ callbacks: list, callbacksNow: now })).toBe(1);
  });
});

describe('the retry plan', () => {
  const now = at('2026-12-07T02:10:00Z'); // 10:10 Shanghai

  it('no answer moves the callback by the plan\'s next wait, keeping its length', () => {
    const next = applyOutcome(callback(), 'no-answer', now, rules);
    expect(next).toMatchObject({ status: 'open', attempts: 1, windowStart: now + 30 * MIN, windowEnd: now + 90 * MIN, dirty: true, updatedAt: now });
    const second = applyOutcome(next, 'no-answer', now, rules);
    expect(second).toMatchObject({ status: 'open', attempts: 2, windowStart: now + 120 * MIN });
  });

  it('closes as no answer once the plan is used up', () => {
    expect(applyOutcome(callback({ attempts: 2 }), 'no-answer', now, rules)).toMatchObject({ status: 'closed', outcome: 'no-answer', attempts: 3 });
  });

  it('a retry that would fall in the quiet hours waits for the next opening', () => {
    const evening = at('2026-12-07T12:45:00Z'); // 20:45 Shanghai + 30 min = 21:15
    expect(new Date(applyOutcome(callback(), 'no-answer', evening, rules).windowStart).toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it.each(['reached', 'wrong-number', 'declined', 'done-elsewhere'] as const)('%s closes it', (outcome) => {
    expect(applyOutcome(callback(), outcome, now, rules)).toMatchObject({ status: 'closed', outcome, attempts: 0 });
  });
});

describe('dropped calls', () => {
  const answered = { outcome: 'answered' as const, call: { answeredAt: 1 } };
  it('an answered call cut by the line dropped; one hung up did not', () => {
    expect(isDroppedCall({ ...answered, cause: 'RTP Timeout' })).toBe(true);
    expect(isDroppedCall({ ...answered, cause: 'Dialog Error' })).toBe(true);
    expect(isDroppedCall({ ...answered, cause: 'Terminated' })).toBe(false);
  });
  it('a failed transfer that lost the customer dropped; an unanswered call never did', () => {
    expect(isDroppedCall({ outcome: 'answered', cause: 'Terminated', call: { answeredAt: 1, transfer: { state: 'failed' } as never } })).toBe(true);
    expect(isDroppedCall({ outcome: 'failed', cause: 'Connection Error', call: {} })).toBe(false);
  });
});

describe('sync conflicts', () => {
  const remote = (patch: Partial<RemoteCallback> = {}): RemoteCallback => {
    const { dirty: _dirty, ...fields } = callback({ updatedAt: 100, note: 'from the service' });
    return { ...fields, ...patch };
  };

  it('a callback a colleague took disappears from this desk, whatever it changed meanwhile', () => {
    expect(mergeRemote(callback({ dirty: true, updatedAt: 500 }), remote({ owner: 'agent-1002' }), 'agent-1001')).toBeNull();
  });

  it('the newer change wins: this desk\'s unsent edit over an older remote, the service\'s over an older local', () => {
    expect(mergeRemote(callback({ dirty: true, updatedAt: 200, note: 'mine' }), remote(), 'agent-1001')?.note).toBe('mine');
    expect(mergeRemote(callback({ dirty: true, updatedAt: 50, note: 'mine' }), remote(), 'agent-1001')).toMatchObject({ note: 'from the service', dirty: false });
    expect(mergeRemote(undefined, remote({ owner: 'agent-1001' }), 'agent-1001')).toMatchObject({ note: 'from the service', dirty: false });
  });

  it('sends only what changed here', () => {
    expect(pendingUploads([callback({ id: 'a', dirty: true }), callback({ id: 'b' })]).map((c) => c.id)).toEqual(['a']);
  });
});
