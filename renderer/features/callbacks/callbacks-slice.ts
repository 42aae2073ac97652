/** Callbacks state: the open list, the attempt of each call placed for one, the dialog and a dropped call's offer. */
import type { StateCreator } from 'zustand';
import type { CallbackOutcome, StoredCallback } from '../../db/schema';

/** A call placed for a callback: what the profile shows while it rings, what the history row says. */
export interface CallbackAttemptView {
  callbackId: string;
  reason: string;
  note: string;
  number: string;
  customerName?: string;
  elderly?: boolean;
  /** Assist's summary of the call the callback was promised on. */
  summary?: string;
  outcome?: CallbackOutcome;
}

/** What the Callback dialog opens with. */
export interface CallbackDraft {
  number: string;
  /** The call it is scheduled from (its profile and summary become the context). */
  callId?: string;
  reason?: string;
}

/** A dropped call the agent may call back now (else it is scheduled automatically). */
export interface DroppedCallOffer {
  callId: string;
  number: string;
  /** Epoch ms (app clock) when it dropped. */
  droppedAt: number;
}

export interface CallbacksSlice {
  callbacks: StoredCallback[];
  /** By call id. */
  callbackAttempts: Record<string, CallbackAttemptView>;
  callbackDraft: CallbackDraft | null;
  droppedCall: DroppedCallOffer | null;
  /** The app clock at the last tick (epoch ms): what due and overdue are worked out against. */
  callbacksNow: number;
  /** Reminders shown, as `<callback id>@<window start>`. */
  callbacksReminded: string[];
  setCallbacks(callbacks: StoredCallback[]): void;
  putCallback(callback: StoredCallback): void;
  putCallbackAttempt(callId: string, attempt: CallbackAttemptView): void;
  openCallbackDialog(draft: CallbackDraft | null): void;
  setDroppedCall(offer: DroppedCallOffer | null): void;
  setCallbacksNow(now: number): void;
  markReminded(ids: readonly string[]): void;
}

export const createCallbacksSlice: StateCreator<CallbacksSlice, [], [], CallbacksSlice> = (set) => ({
  callbacks: [],
  callbackAttempts: {},
  callbackDraft: null,
  droppedCall: null,
  callbacksNow: Date.now(),
  callbacksReminded: [],
  setCallbacks: (callbacks) => set({ callbacks }),
  putCallback: (callback) => set((s) => ({ callbacks: [...s.callbacks.filter((c) => c.id !== callback.id), callback] })),
  putCallbackAttempt: (callId, attempt) => set((s) => ({ callbackAttempts: { ...s.callbackAttempts, [callId]: attempt } })),
  openCallbackDialog: (callbackDraft) => set({ callbackDraft }),
  setDroppedCall: (droppedCall) => set({ droppedCall }),
  setCallbacksNow: (callbacksNow) => set({ callbacksNow }),
  markReminded: (ids) => set((s) => ({ callbacksReminded: [...new Set([...s.callbacksReminded, ...ids])] })),
});

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends CallbacksSlice {}
}
