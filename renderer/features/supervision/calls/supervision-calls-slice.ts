/** Supervision calls in the store: what the lead is doing, and what the supervised agent is shown. */
import type { StateCreator } from 'zustand';
import type { SupervisionWireMode } from '@common/supervision/supervision-protocol';
import type { MixMode } from './supervision-mixer';

/** The lead's side: the agent being supervised and how. */
export interface LeadSupervision {
  agentUri: string;
  agentName: string;
  /** The lead's own call id of the supervision leg (the phone's), or of the feature-code call. */
  callId?: string;
  /** The agent's customer call (its SIP Call-ID); empty with feature codes when the agent had none. */
  target: string;
  /** The mode in force; `takeover` while the customer's call is being handed to the lead. */
  mode: SupervisionWireMode;
  /** `desktop`: the signed INVITE to the agent's desktop; `pbx`: the PBX's feature codes. */
  via: 'desktop' | 'pbx';
  state: 'connecting' | 'active';
}

/** Why the lead's last request did not go out or was refused, as a stable code the UI translates. */
export type LeadSupervisionProblem = { code: 'no-key' | 'bad-key' | 'not-lead' | 'refused' | 'failed' | 'no-call'; detail?: string };

export interface SupervisionCallsSlice {
  leadSupervision: LeadSupervision | null;
  leadSupervisionProblem: LeadSupervisionProblem | null;
  /** The agent's side: the mode a lead supervises this agent's call in, when policy lets the agent see it. */
  supervisedShown: MixMode | null;
  setLeadSupervision(value: LeadSupervision | null): void;
  setLeadSupervisionProblem(problem: LeadSupervisionProblem | null): void;
  setSupervisedShown(mode: MixMode | null): void;
}

export const createSupervisionCallsSlice: StateCreator<SupervisionCallsSlice, [], [], SupervisionCallsSlice> = (set) => ({
  leadSupervision: null,
  leadSupervisionProblem: null,
  supervisedShown: null,
  setLeadSupervision: (leadSupervision) => set({ leadSupervision }),
  setLeadSupervisionProblem: (leadSupervisionProblem) => set({ leadSupervisionProblem }),
  setSupervisedShown: (supervisedShown) => set({ supervisedShown }),
});

export const selectLeadSupervision = (s: SupervisionCallsSlice): LeadSupervision | null => s.leadSupervision;
export const selectSupervisedShown = (s: SupervisionCallsSlice): MixMode | null => s.supervisedShown;

declare module '../../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends SupervisionCallsSlice {}
}
