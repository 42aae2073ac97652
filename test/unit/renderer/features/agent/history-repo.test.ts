import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@renderer/db/db';
import { historyEntryFor, recentCalls, saveCall, saveInterruptedCalls } from '@renderer/features/agent/history-repo';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';

const base: CallSnapshot = {
  id: 'c1',
  direction: 'outgoing',
  remoteNumber: '1003',
  remoteName: 'Peer',
  phase: 'ended',
  startedAt: 1_000,
  answeredAt: 3_000,
  endedAt: 63_000,
  heldLocally: false,
  heldRemotely: false,
  muted: false,
  cti: {},
};

describe('call history', () => {
  beforeEach(async () => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });
  it('records talk time from answer to end, and 0 for unanswered calls', () => {
    expect(historyEntryFor({ call: base, outcome: 'answered', cause: 'Terminated' }).durationMs).toBe(60_000);
    const missed = historyEntryFor({ call: { ...base, answeredAt: undefined }, outcome: 'missed', cause: 'Canceled' });
    expect(missed.durationMs).toBe(0);
    expect(historyEntryFor({ call: base, outcome: 'busy', cause: 'Busy', statusCode: 486 }).cause).toBe('486 Busy');
  });
  it('persists calls and returns them newest first', async () => {
    await saveCall(historyEntryFor({ call: base, outcome: 'answered', cause: 'Terminated' }));
    await saveCall(historyEntryFor({ call: { ...base, id: 'c2', startedAt: 9_000 }, outcome: 'declined', cause: 'Rejected' }));
    resetDbForTests(); // a restart reads from disk, not from memory
    const calls = await recentCalls();
    expect(calls.map((c) => [c.id, c.outcome])).toEqual([
      ['c2', 'declined'],
      ['c1', 'answered'],
    ]);
  });
  it('a call cut by a crash joins the history as interrupted, once, with the talk time that survived', async () => {
    const cut = { id: 'c9', direction: 'incoming' as const, number: '1002', startedAt: 10_000, endedAt: 14_500 };
    const added = await saveInterruptedCalls([cut]);
    expect(added).toMatchObject([{ id: 'c9', outcome: 'interrupted', number: '1002', durationMs: 4_500, answeredAt: 10_000, endedAt: 14_500 }]);
    // Every start reports the recovered recordings again: nothing is added twice.
    expect(await saveInterruptedCalls([cut])).toEqual([]);
    resetDbForTests();
    expect((await recentCalls()).map((c) => [c.id, c.outcome])).toEqual([['c9', 'interrupted']]);
  });
  it('a call whose own entry was written before the app went away keeps it', async () => {
    await saveCall(historyEntryFor({ call: base, outcome: 'answered', cause: 'Terminated' }));
    const added = await saveInterruptedCalls([{ id: 'c1', direction: 'outgoing', number: '1003', startedAt: 3_000, endedAt: 50_000 }]);
    expect(added).toEqual([]);
    expect((await recentCalls()).map((c) => [c.id, c.outcome, c.durationMs])).toEqual([['c1', 'answered', 60_000]]);
  });
});
