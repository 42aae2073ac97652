/** The Dial dialog's state: the request on screen, what the policy said, the customer's name, the dial's outcome. */
import type { StateCreator } from 'zustand';
import type { DialRequestProblem, DialSource } from '@common/contract/dial-request';
import type { DialDecision, DialRefusal } from '@common/dial/dial-check';

/** Why a request is not dialled: the number, the policy, or what the host already knew (`too-long`, an unreadable clipboard). */
export type PromptRefusal = DialRefusal | { kind: 'request'; problem: DialRequestProblem };
export type PromptDecision = Extract<DialDecision, { ok: true }> | { ok: false; refusal: PromptRefusal };

export interface DialPrompt {
  /** Distinguishes one request from the next (a late name lookup must not land on a newer dialog). */
  id: number;
  source: DialSource;
  decision: PromptDecision;
  /** The customer's name when the CRM cache knows the number. */
  customerName?: string;
  /** The phone is placing the call (buttons wait). */
  dialling: boolean;
  /** The phone's reason when the call could not be placed (a dialer.error.* or callControl error code). */
  error?: string;
}

export interface ClickToDialSlice {
  dialPrompt: DialPrompt | null;
  /** This page only handed its `?dial=` request to a Lingxi tab already running, and starts nothing itself. */
  dialHandedOff: boolean;
  setDialHandedOff(): void;
  setDialPrompt(prompt: DialPrompt | null): void;
  /** Changes the prompt only if it is still request `id`. */
  patchDialPrompt(id: number, patch: Partial<Omit<DialPrompt, 'id'>>): void;
}

export const createClickToDialSlice: StateCreator<ClickToDialSlice, [], [], ClickToDialSlice> = (set) => ({
  dialPrompt: null,
  dialHandedOff: false,
  setDialHandedOff: () => set({ dialHandedOff: true }),
  setDialPrompt: (dialPrompt) => set({ dialPrompt }),
  patchDialPrompt: (id, patch) => set((s) => (s.dialPrompt?.id === id ? { dialPrompt: { ...s.dialPrompt, ...patch } } : {})),
});

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends ClickToDialSlice {}
}
