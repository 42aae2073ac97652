/** Call fixtures for unit tests: a snapshot and a history entry of a call from 1002. */
import type { CallHistoryEntry } from '@renderer/db/schema';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';

/** An incoming, connected call from 1002 unless the patch says otherwise. */

export function callSnapshot(patch: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'c1',
    direction: 'incoming',
    remoteNumber: '1002',
    remoteName: '',
    phase: 'active',
    startedAt: 0,
    heldLocally: false,
    heldRemotely: false,
    muted: false,
    cti: {},
    ...patch,
  };
}

/** The history entry of an answered incoming call from 1002, unless the patch says otherwise. */
export function historyEntry(patch: Partial<CallHistoryEntry> = {}): CallHistoryEntry {
  return {
    id: 'c1',
    direction: 'incoming',
    number: '1002',
    displayName: '',
    startedAt: 0,
    answeredAt: 1,
    endedAt: 2,
    durationMs: 1,
    outcome: 'answered',
    cause: 'Terminated',
    ...patch,
  };
}
