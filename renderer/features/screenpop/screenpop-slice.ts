/** Screen-pop state: one serializable pop per recent incoming call. */
import type { StateCreator } from 'zustand';
import type { CrmFailure } from '@common/crm/crm-client';
import type { CtiInfo } from './cti';
import type { CustomerProfile } from '@common/crm/profile-schema';

export interface ProfilePop {
  callId: string;
  /** The caller's number as presented. */
  number: string;
  /** What the INVITE's CTI headers say (a customer id only when it passed cti.customerIdPattern). */
  cti: CtiInfo;
  /** Whether the CTI came from a source the policy trusts (or was validly signed); otherwise it is unverified caller data. */
  trusted: boolean;
  /** The customer id the CRM is asked for: the CTI's, when valid and trusted (or cti.lookupUntrusted). */
  lookupId?: string;
  /** Where the profiles shown came from. */
  source: 'cti' | 'cache' | 'crm';
  /** Epoch ms of the CRM answer behind a cache or CRM profile. */
  fetchedAt?: number;
  profiles: CustomerProfile[];
  /** Index of the profile shown; null when several match and the agent has not chosen. */
  selected: number | null;
  /** A CRM request is under way. */
  loading: boolean;
  error?: { kind: CrmFailure; detail: string };
}

const POPS_KEPT = 5;

export interface ScreenpopSlice {
  pops: ProfilePop[];
  addPop(pop: ProfilePop): void;
  updatePop(callId: string, patch: Partial<ProfilePop>): void;
  chooseProfile(callId: string, index: number): void;
}

export const createScreenpopSlice: StateCreator<ScreenpopSlice, [], [], ScreenpopSlice> = (set) => ({
  pops: [],
  addPop: (pop) => set((s) => ({ pops: [pop, ...s.pops.filter((p) => p.callId !== pop.callId)].slice(0, POPS_KEPT) })),
  updatePop: (callId, patch) => set((s) => ({ pops: s.pops.map((p) => (p.callId === callId ? { ...p, ...patch } : p)) })),
  chooseProfile: (callId, index) => set((s) => ({ pops: s.pops.map((p) => (p.callId === callId ? { ...p, selected: index } : p)) })),
});

/** The index to show for a fresh list of profiles, keeping the agent's choice when it is still there. */
export function selectionFor(profiles: CustomerProfile[], previous?: ProfilePop): number | null {
  if (profiles.length === 1) return 0;
  const chosen = previous?.selected !== null && previous?.selected !== undefined ? previous.profiles[previous.selected] : undefined;
  if (chosen) {
    const index = profiles.findIndex((p) => p.id === chosen.id);
    if (index !== -1) return index;
  }
  return null;
}

/** The pop to show: the ringing call's, else the connected call's, else the latest. */
export function selectActivePop(state: ScreenpopSlice & { calls: { id: string; phase: string }[] }): ProfilePop | undefined {
  const ringing = state.calls.find((c) => c.phase === 'ringing');
  const current = state.calls.find((c) => c.phase !== 'ringing' && c.phase !== 'ended');
  const byCall = (id: string | undefined) => (id ? state.pops.find((p) => p.callId === id) : undefined);
  return byCall(ringing?.id) ?? byCall(current?.id) ?? state.pops[0];
}

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends ScreenpopSlice {}
}

/**
 * The CTI a call's other consumers (assist's intent, transcription's language) may act on: the pop's when
 * its source is trusted, else nothing.
 */
export function selectTrustedCti(state: ScreenpopSlice, callId: string): CtiInfo {
  const pop = state.pops.find((p) => p.callId === callId);
  return pop?.trusted ? pop.cti : {};
}
