import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@renderer/db/db';
import { historyEntryFor, recentCalls, saveCall } from '@renderer/features/agent/history-repo';
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
});
