/**
 * The lead's board rows (issue 20): one TeamMember per agent in `supervision.team`, filled from the agents'
 * NOTIFYs. sup-calls reads `call.id` (the customer call's SIP Call-ID) to name the call a supervision INVITE
 * is for. Serializable: the store holds these.
 */
import type { AgentAlert, TeamState } from '@common/contract/supervision-event';

export type { TeamState };

export interface TeamCall {
  /** The agent's customer call: its SIP Call-ID. */
  id: string;
  direction: 'incoming' | 'outgoing';
  startedAtMs: number;
  queue?: string;
  intent?: string;
  /** Masked, 张*. */
  customer?: string;
  vip?: boolean;
  elderly?: boolean;
  quality?: string;
}

export type TeamAlert = AgentAlert;

/** Why an agent's row has no live data, when it has none. */
export type TeamLink = 'subscribing' | 'live' | 'refused' | 'unreachable';

export interface TeamMember {
  uri: string;
  name: string;
  state: TeamState;
  reason?: string;
  /** Epoch ms the agent entered `state` (the lead's clock for Offline). */
  sinceMs: number;
  call?: TeamCall;
  alerts: TeamAlert[];
  /** The agent asked for help. */
  help?: boolean;
  /** The agent's overdue callbacks (absent: none). */
  overdueCallbacks?: number;
  /** How the subscription stands: refused is the agent's 403 (the lead is not in its `supervision.leads`). */
  link: TeamLink;
}
