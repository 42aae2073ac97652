/**
 * Starts supervision calls for a valid policy: the agent's side wherever leads are listed (so a listed lead
 * can supervise this desktop), the lead's side where `supervision.role` is `lead`. Components reach the
 * lead's actions through getLeadSupervision(), never JsSIP.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import type { CallLifecycle, PhoneEngine } from '../../phone';
import type { ServiceStore } from '../../../platform/store';
import { startAgentSupervision } from './agent-supervision';
import { startLeadSupervision, type LeadSupervisionActions } from './lead-supervision';

let lead: LeadSupervisionActions | null = null;

export function startSupervisionCalls(policy: Policy, store: ServiceStore, lifecycle: CallLifecycle, host: LingxiApi, phone: PhoneEngine): void {
  if (policy.supervision.leads.length > 0) {
    startAgentSupervision({ policy: policy.supervision, phone, lifecycle, store, iceServers: policy.sip.iceServers, iceGatheringTimeoutMs: policy.sip.iceGatheringTimeoutMs });
  }
  if (policy.supervision.role === 'lead') lead = startLeadSupervision({ policy, phone, lifecycle, store, host });
}

/** The lead's actions (null on an agent's desktop). */
export function getLeadSupervision(): LeadSupervisionActions | null {
  return lead;
}
