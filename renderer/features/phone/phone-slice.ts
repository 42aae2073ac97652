/** Phone state in the store: registration and the calls' serializable snapshots. */
import type { StateCreator } from 'zustand';
import type { RefusedCalls } from './sip/refusals';
import type { CallSnapshot, RegistrationSnapshot } from './sip/types';

export interface PhoneSlice {
  registration: RegistrationSnapshot;
  /** Calls in the order they appeared; ended calls are removed. */
  calls: CallSnapshot[];
  /** The last thing the phone could not do, as an i18n key (dialer.error.*). */
  dialError: string | null;
  /** Incoming calls refused with 486 during this busy stretch (never shown as calls), or null. */
  refusedCalls: RefusedCalls | null;
  setRegistration(registration: RegistrationSnapshot): void;
  upsertCall(call: CallSnapshot): void;
  removeCall(id: string): void;
  setDialError(key: string | null): void;
  setRefusedCalls(tally: RefusedCalls | null): void;
}

export const createPhoneSlice: StateCreator<PhoneSlice, [], [], PhoneSlice> = (set) => ({
  registration: { state: 'unregistered' },
  calls: [],
  dialError: null,
  refusedCalls: null,
  setRegistration: (registration) => set({ registration }),
  upsertCall: (call) =>
    set((state) => {
      if (call.phase === 'ended') return { calls: state.calls.filter((c) => c.id !== call.id) };
      const index = state.calls.findIndex((c) => c.id === call.id);
      if (index === -1) return { calls: [...state.calls, call] };
      const calls = state.calls.slice();
      calls[index] = call;
      return { calls };
    }),
  removeCall: (id) => set((state) => ({ calls: state.calls.filter((c) => c.id !== id) })),
  setDialError: (dialError) => set({ dialError }),
  setRefusedCalls: (refusedCalls) => set({ refusedCalls }),
});

/** The incoming call waiting to be answered, if any. */
export const selectRingingCall = (s: PhoneSlice): CallSnapshot | undefined =>
  s.calls.find((c) => c.direction === 'incoming' && c.phase === 'ringing');

const isWorked = (c: CallSnapshot): boolean => c.phase !== 'ringing' && c.phase !== 'ended';

/**
 * The call the agent is working (dialling, connecting or connected): with two lines, the one not on
 * hold (the consultation, the answered waiting call); when all are held, the first.
 */
export const selectCurrentCall = (s: PhoneSlice): CallSnapshot | undefined =>
  s.calls.find((c) => isWorked(c) && !c.heldLocally) ?? s.calls.find(isWorked);

/** The consultation call of an attended transfer in progress, if any. */
export const selectConsultCall = (s: PhoneSlice): CallSnapshot | undefined => s.calls.find((c) => c.consultOf && isWorked(c));

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends PhoneSlice {}
}
