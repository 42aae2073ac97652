/**
 * The agent state machine, pure: Ready, Not ready (with a reason code), On call, Wrap-up.
 *
 * - On call is derived from the phone: any call past ringing. It starts from any state (an agent on a
 *   break may still dial out) and ends when the last such call ends.
 * - After a call that was answered, Wrap-up follows when the policy enables it; unanswered attempts
 *   (busy, no answer) go straight back.
 * - "Back" means the availability the agent chose: Ready, or Not ready with a reason. Choosing while on a
 *   call or in wrap-up changes only where the agent goes back to, so a required wrap-up code cannot be
 *   skipped by picking Ready.
 */
import type { Policy } from '@common/contract/policy';
import { assertNever } from '../../platform/assert-never';

/** What the agent chose: taking calls or not, and why not. */
export type Availability = { kind: 'ready' } | { kind: 'not-ready'; reason: string };

/** After-call work in progress. */
export interface WrapUpWork {
  /** The answered calls this wrap-up covers (their history entries receive the result). */
  callIds: string[];
  /** Epoch ms when the time limit runs out; undefined without a limit. */
  deadline?: number;
  code: string | null;
  notes: string;
  /** The time limit passed without autoReady: the agent must finish by hand. */
  overdue: boolean;
}

export type AgentState =
  | { kind: 'ready'; since: number }
  | { kind: 'not-ready'; reason: string; since: number }
  | { kind: 'on-call'; since: number; callIds: string[] }
  | { kind: 'wrap-up'; since: number; work: WrapUpWork };

export type AgentStateKind = AgentState['kind'];

/**
 * Not ready reasons the app itself sets and keeps (the agent cannot choose Ready until they are lifted):
 * update-required = this version is blocked by IT's kill switch (features/updates).
 */
export const holdReasons = ['update-required'] as const;
export type HoldReason = (typeof holdReasons)[number];

export interface AgentMachine {
  state: AgentState;
  /** Where the agent goes after On call and Wrap-up. */
  back: Availability;
  /** The last Not ready reason used, for the Ready/Not ready shortcut and the reason picker. */
  lastReason: string;
  /** Set: the app keeps the agent Not ready for this reason; choosing is ignored until it is lifted. */
  hold?: HoldReason;
}

/** The policy parts the machine reads. */
export interface AgentConfig {
  reasons: string[];
  wrapUp: Policy['agent']['wrapUp'];
}

/** Reads the machine's configuration from the policy. */
export function agentConfigFrom(policy: Policy): AgentConfig {
  return { reasons: policy.agent.notReadyReasons.map((r) => r.code), wrapUp: policy.agent.wrapUp };
}

export type AgentEvent =
  | { type: 'choose'; availability: Availability; at: number }
  /** The phone's calls changed: whether any is past ringing, and which of them were answered. */
  | { type: 'calls'; busy: boolean; answeredCallIds: string[]; at: number }
  /** Time passed (the wrap-up deadline may have come). */
  /** `holdOpen`: a follow-up code with no callback promised yet; at the deadline wrap-up waits for the agent. */
  | { type: 'tick'; at: number; holdOpen?: boolean }
  | { type: 'wrap-up-code'; code: string | null }
  | { type: 'wrap-up-notes'; notes: string }
  | { type: 'finish-wrap-up'; at: number }
  /** The app holds the agent Not ready (after the current call and wrap-up), or lifts the hold (null). */
  | { type: 'hold'; reason: HoldReason | null; at: number };

/** How a wrap-up ended: the agent finished it, the time limit did, or a new call interrupted it. */
export type WrapUpEnd = 'agent' | 'timeout' | 'call';

/** A finished wrap-up, to be written into the calls' history entries. */
export interface WrapUpResult {
  callIds: string[];
  code: string | null;
  notes: string;
  endedBy: WrapUpEnd;
}

export interface Transition {
  machine: AgentMachine;
  /** Set when this event ended a wrap-up. */
  wrapUp?: WrapUpResult;
}

/** The machine at start: Ready. */
export function initialAgentMachine(config: AgentConfig, at: number): AgentMachine {
  return { state: { kind: 'ready', since: at }, back: { kind: 'ready' }, lastReason: config.reasons[0] ?? '' };
}

/** Why Finish wrap-up cannot be used now, or null when it can. */
export function finishBlocker(work: WrapUpWork, config: AgentConfig): 'code-required' | null {
  return config.wrapUp.codeRequired && work.code === null ? 'code-required' : null;
}

/** Whether the wrap-up code chosen means the call needs a follow-up (policy `followUp: true`). */
export function isFollowUpCode(config: AgentConfig, code: string | null): boolean {
  return code !== null && config.wrapUp.codes.some((c) => c.code === code && c.followUp === true);
}

/** The availability as a state starting at `at`. */
function enter(back: Availability, at: number): AgentState {
  switch (back.kind) {
    case 'ready':
      return { kind: 'ready', since: at };
    case 'not-ready':
      return { kind: 'not-ready', reason: back.reason, since: at };
    default:
      return assertNever(back, 'availability');
  }
}

function sameAvailability(state: AgentState, next: Availability): boolean {
  if (state.kind === 'ready') return next.kind === 'ready';
  if (state.kind === 'not-ready') return next.kind === 'not-ready' && next.reason === state.reason;
  return false;
}

function endWrapUp(machine: AgentMachine, work: WrapUpWork, endedBy: WrapUpEnd, next: AgentState): Transition {
  return {
    machine: { ...machine, state: next },
    wrapUp: { callIds: work.callIds, code: work.code, notes: work.notes, endedBy },
  };
}

function onCalls(machine: AgentMachine, event: Extract<AgentEvent, { type: 'calls' }>, config: AgentConfig): Transition {
  const { state } = machine;
  if (event.busy) {
    if (state.kind === 'on-call') {
      const callIds = [...new Set([...state.callIds, ...event.answeredCallIds])];
      return { machine: callIds.length === state.callIds.length ? machine : { ...machine, state: { ...state, callIds } } };
    }
    const next: AgentState = { kind: 'on-call', since: event.at, callIds: event.answeredCallIds };
    // A call placed during wrap-up (a call-back) closes that wrap-up with what the agent entered so far.
    if (state.kind === 'wrap-up') return endWrapUp(machine, state.work, 'call', next);
    return { machine: { ...machine, state: next } };
  }
  if (state.kind !== 'on-call') return { machine };
  if (!config.wrapUp.enabled || state.callIds.length === 0) return { machine: { ...machine, state: enter(machine.back, event.at) } };
  const limit = config.wrapUp.timeLimitSeconds;
  const work: WrapUpWork = {
    callIds: state.callIds,
    ...(limit > 0 ? { deadline: event.at + limit * 1000 } : {}),
    code: null,
    notes: '',
    overdue: false,
  };
  return { machine: { ...machine, state: { kind: 'wrap-up', since: event.at, work } } };
}

/**
 * A hold sends the agent to Not ready with its reason: at once when Ready or Not ready, after the call and
 * wrap-up otherwise (no new call rings meanwhile: On call with Not ready to come back to accepts none). Lifting
 * it leaves the agent where they are, free to choose again.
 */
function applyHold(machine: AgentMachine, reason: HoldReason | null, at: number): AgentMachine {
  if (reason === null) {
    if (!machine.hold) return machine;
    const { hold: _lifted, ...rest } = machine;
    return rest;
  }
  if (machine.hold === reason) return machine;
  const back: Availability = { kind: 'not-ready', reason };
  const { state } = machine;
  const working = state.kind === 'on-call' || state.kind === 'wrap-up';
  return { ...machine, hold: reason, back, state: working ? state : enter(back, at) };
}

/**
 * Applies one event. Returns the same machine object when nothing changed, so store subscribers can
 * compare by identity.
 */
export function reduceAgent(machine: AgentMachine, event: AgentEvent, config: AgentConfig): Transition {
  const { state } = machine;
  switch (event.type) {
    case 'choose': {
      if (machine.hold) return { machine };
      const { availability } = event;
      if (availability.kind === 'not-ready' && !config.reasons.includes(availability.reason)) {
        throw new Error(`unknown Not ready reason "${availability.reason}"`);
      }
      const lastReason = availability.kind === 'not-ready' ? availability.reason : machine.lastReason;
      const chosen = { ...machine, back: availability, lastReason };
      if (state.kind === 'on-call' || state.kind === 'wrap-up') return { machine: chosen };
      if (sameAvailability(state, availability)) return { machine };
      return { machine: { ...chosen, state: enter(availability, event.at) } };
    }
    case 'calls':
      return onCalls(machine, event, config);
    case 'hold':
      return { machine: applyHold(machine, event.reason, event.at) };
    case 'tick': {
      if (state.kind !== 'wrap-up') return { machine };
      const { work } = state;
      if (work.deadline === undefined || work.overdue || event.at < work.deadline) return { machine };
      if (config.wrapUp.autoReady && !event.holdOpen) return endWrapUp(machine, work, 'timeout', enter(machine.back, event.at));
      return { machine: { ...machine, state: { ...state, work: { ...work, overdue: true } } } };
    }
    case 'wrap-up-code': {
      if (state.kind !== 'wrap-up') return { machine };
      if (event.code !== null && !config.wrapUp.codes.some((c) => c.code === event.code)) {
        throw new Error(`unknown wrap-up code "${event.code}"`);
      }
      return { machine: { ...machine, state: { ...state, work: { ...state.work, code: event.code } } } };
    }
    case 'wrap-up-notes':
      if (state.kind !== 'wrap-up') return { machine };
      return { machine: { ...machine, state: { ...state, work: { ...state.work, notes: event.notes } } } };
    case 'finish-wrap-up':
      if (state.kind !== 'wrap-up' || finishBlocker(state.work, config)) return { machine };
      return endWrapUp(machine, state.work, 'agent', enter(machine.back, event.at));
    default:
      return assertNever(event, 'agent event');
  }
}

/**
 * Whether an incoming call should ring: Ready, or On call when the agent will be Ready afterwards (a second
 * call is the phone's call-waiting business). Not ready and Wrap-up reject.
 */
export function acceptsCalls(machine: AgentMachine): boolean {
  const { state } = machine;
  switch (state.kind) {
    case 'ready':
      return true;
    case 'on-call':
      return machine.back.kind === 'ready';
    case 'not-ready':
    case 'wrap-up':
      return false;
    default:
      return assertNever(state, 'agent state');
  }
}
