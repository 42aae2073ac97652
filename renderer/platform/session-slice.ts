/** Session state every feature reads: the policy in force (or why there is none) and the UI language. */
import type { StateCreator } from 'zustand';
import type { HostKind } from '@common/contract/api';
import type { Language, Policy, PolicyProblem } from '@common/contract/policy';

export type PolicyState =
  | { status: 'loading' }
  | { status: 'invalid'; problems: PolicyProblem[]; source: string }
  | { status: 'ready'; policy: Policy; source: string };

/**
 * A policy that changed on disk while the desk runs: `pending` applies between calls (the page reloads
 * when no call and no wrap-up is left); `invalid` is reported and the policy in force stays.
 */
export type PolicyUpdateState = { status: 'pending' } | { status: 'invalid'; problems: PolicyProblem[]; source: string } | null;

export interface SessionSlice {
  policy: PolicyState;
  policyUpdate: PolicyUpdateState;
  setPolicyUpdate(update: PolicyUpdateState): void;
  language: Language;
  languageLocked: boolean;
  /** navigator.storage.persist() result; null until known. */
  storagePersistent: boolean | null;
  /** Which host runs the page: the browser host keeps secrets for the session only and says so. */
  hostKind: HostKind;
  setHostKind(hostKind: HostKind): void;
  setPolicy(policy: PolicyState): void;
  setLanguage(language: Language, locked: boolean): void;
  setStoragePersistent(persistent: boolean): void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  policy: { status: 'loading' },
  policyUpdate: null,
  setPolicyUpdate: (policyUpdate) => set({ policyUpdate }),
  language: 'en',
  languageLocked: false,
  storagePersistent: null,
  hostKind: 'electron',
  setHostKind: (hostKind) => set({ hostKind }),
  setPolicy: (policy) => set({ policy }),
  setLanguage: (language, languageLocked) => set({ language, languageLocked }),
  setStoragePersistent: (storagePersistent) => set({ storagePersistent }),
});
