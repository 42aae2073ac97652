/**
 * What an agent's desktop reports to its leads, computed from the store's snapshots (agent state, calls,
 * screen pop, call quality) plus the alerts and the raised hand: the body of the lingxi-agent NOTIFY minus
 * its version, sequence number and send time. Pure; the notifier adds `v`, `seq` and `sentAtMs`.
 */
import type { AgentAlert, AgentCall, AgentEventBody, TeamState } from '@common/contract/supervision-event';

/** The parts of the app's state a report reads (agent machine state, the phone's calls). */
export interface DeskInput {
  agent: { kind: 'ready' | 'not-ready' | 'on-call' | 'wrap-up'; since: number; reason?: string };
  /** The Not ready reason's label as the agent sees it. */
  reasonLabel?: string;
  calls: readonly DeskCall[];
  alerts: readonly AgentAlert[];
  helpAtMs?: number;
  /** Open callbacks past their window (features/callbacks, through bootstrap). */
  overdueCallbacks?: number;
}

/** One phone call with what screen pop and quality know of it. */
export interface DeskCall {
  /** The phone's call id (JsSIP session id). */
  id: string;
  /** Its SIP Call-ID. */
  sipCallId: string;
  direction: 'incoming' | 'outgoing';
  phase: 'ringing' | 'dialing' | 'early' | 'connecting' | 'active' | 'ended';
  startedAt: number;
  answeredAt?: number;
  heldLocally: boolean;
  queue?: string;
  intent?: string;
  /** The customer's name from the CRM (masked before it leaves). */
  customerName?: string;
  vip?: boolean;
  elderly?: boolean;
  quality?: 'good' | 'fair' | 'poor';
}

export type DeskReport = Omit<AgentEventBody, 'v' | 'seq' | 'sentAtMs'>;

/** 张三 → 张*, John Smith → J*: one character and an asterisk, whatever the name's length. */
export function maskName(name: string): string | undefined {
  const first = [...name.trim()][0];
  return first && first !== '*' ? `${first}*` : undefined;
}

/** The call the board shows: the one the agent works (not on hold) first, else a held one, else a ringing one. */
function shownCall(calls: readonly DeskCall[]): DeskCall | undefined {
  const live = calls.filter((c) => c.phase !== 'ended');
  const worked = live.filter((c) => c.phase !== 'ringing');
  return worked.find((c) => !c.heldLocally) ?? worked[0] ?? live.find((c) => c.phase === 'ringing');
}

function stateOf(input: DeskInput, call: DeskCall | undefined): TeamState {
  if (input.agent.kind === 'on-call') return call?.heldLocally ? 'on-hold' : 'on-call';
  if (call?.phase === 'ringing') return 'ringing';
  return input.agent.kind;
}

function callSummary(call: DeskCall): AgentCall {
  const customer = call.customerName ? maskName(call.customerName) : undefined;
  return {
    id: call.sipCallId,
    direction: call.direction,
    startedAtMs: call.answeredAt ?? call.startedAt,
    ...(call.queue ? { queue: call.queue.slice(0, 100) } : {}),
    ...(call.intent ? { intent: call.intent.slice(0, 100) } : {}),
    ...(customer ? { customer } : {}),
    ...(call.vip ? { vip: true } : {}),
    ...(call.elderly ? { elderly: true } : {}),
    ...(call.quality ? { quality: call.quality } : {}),
  };
}

/**
 * The report. `heldSince` is when the shown call went on hold (the agent machine does not track it);
 * ringing counts from the ringing call's start.
 */
export function describeDesk(input: DeskInput, heldSince?: number): DeskReport {
  const call = shownCall(input.calls);
  const state = stateOf(input, call);
  const sinceMs = state === 'ringing' && call ? call.startedAt : state === 'on-hold' && heldSince !== undefined ? heldSince : input.agent.since;
  return {
    state,
    ...(state === 'not-ready' && input.reasonLabel ? { reason: input.reasonLabel.slice(0, 100) } : {}),
    sinceMs,
    ...(call ? { call: callSummary(call) } : {}),
    alerts: input.alerts.slice(-20),
    ...(input.helpAtMs !== undefined ? { helpAtMs: input.helpAtMs } : {}),
    ...(input.overdueCallbacks ? { overdueCallbacks: Math.min(input.overdueCallbacks, 100_000) } : {}),
  };
}
