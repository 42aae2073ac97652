/**
 * Drives the call lifecycle the way the phone service does: each engine report goes into the store
 * first, then out as lifecycle events. Services under test subscribe to `lifecycle`.
 */
import { create } from 'zustand';
import { createCallLifecycle } from '@renderer/features/phone/call-lifecycle';
import { createPhoneSlice, type PhoneSlice } from '@renderer/features/phone/phone-slice';
import type { CallEnd, CallSnapshot } from '@renderer/features/phone/sip/types';
import { callSnapshot } from './call-snapshot';

type PhoneStore = { getState(): Pick<PhoneSlice, 'calls' | 'upsertCall' | 'removeCall'> };

/** A stand-in for the engine and phone service; with no store given, the calls live in a phone slice of its own. */
export function fakePhone(store: PhoneStore = create<PhoneSlice>()(createPhoneSlice)) {
  const lifecycle = createCallLifecycle();
  return {
    lifecycle,
    /** The engine reports a snapshot: a connected call from 1002 (id c1) unless the patch says otherwise. */
    update(patch: Partial<CallSnapshot> = {}): CallSnapshot {
      const call = callSnapshot(patch);
      store.getState().upsertCall(call);
      lifecycle.callUpdated(call, store.getState().calls);
      return call;
    },
    /** The call ends as the engine ends one: its last snapshot (phase ended), then its end. */
    end(id = 'c1', end: Partial<Omit<CallEnd, 'call'>> = {}): CallEnd {
      const last = store.getState().calls.find((c) => c.id === id) ?? callSnapshot({ id });
      const call: CallSnapshot = { ...last, phase: 'ended', endedAt: Date.now() };
      store.getState().upsertCall(call);
      lifecycle.callUpdated(call, store.getState().calls);
      const ended: CallEnd = { call, outcome: last.answeredAt === undefined ? 'missed' : 'answered', cause: 'Terminated', ...end };
      store.getState().removeCall(id);
      lifecycle.callEnded(ended, store.getState().calls);
      return ended;
    },
  };
}
