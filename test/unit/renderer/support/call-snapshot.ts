/** A CallSnapshot for unit tests: an incoming, connected call from 1002 unless the patch says otherwise. */
import type { CallSnapshot } from '../../../../renderer/features/phone/sip/types';

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
