/**
 * Runs the agent state machine in the app: feeds it the phone's calls (from the call lifecycle) and the
 * clock, records every stretch of time in Dexie, writes finished wrap-ups into the call history.
 * Components call the actions exported here, never the slice's dispatch directly.
 */
import type { Policy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import { writeWhileRefused } from '../../db/storage-refusal';
import type { ServiceStore } from '../../platform/store';
import type { CallEnd, CallLifecycle, PhoneSlice } from '../phone';
import { agentConfigFrom, isFollowUpCode, type AgentEvent, type AgentState, type Availability, type HoldReason, type WrapUpResult } from './agent-machine';
import * as stateRepo from './agent-state-repo';
import { historyEntryFor, recentCalls, saveCall, saveInterruptedCalls, saveWrapUp, type InterruptedCall } from './history-repo';

/** Persistence the service needs; injected in tests. */
export interface AgentDeps {
  now(): number;
  repo: Pick<typeof stateRepo, 'recoverOpenStretches' | 'beginStretch' | 'touchStretch' | 'endStretch'>;
  saveWrapUp: typeof saveWrapUp;
  /** How often an open stretch is marked alive (bounds what a crash can over-count). */
  heartbeatMs: number;
  /**
   * Whether a callback is promised on these calls (callbacks, through bootstrap). With it, a wrap-up with a
   * follow-up code and none promised is not ended by the time limit: it waits for the agent.
   */
  followUpScheduled?: (callIds: readonly string[]) => boolean;
}

const log = createLogger('agent');
const defaultDeps: AgentDeps = { now: Date.now, repo: stateRepo, saveWrapUp, heartbeatMs: 15_000 };

/** Whether the phone has a call the agent is working (anything past ringing). */
export function isBusy(calls: readonly PhoneSlice['calls'][number][]): boolean {
  return calls.some((c) => c.phase !== 'ringing' && c.phase !== 'ended');
}

export class AgentService {
  private writes: Promise<unknown> = Promise.resolve();
  private openId: Promise<number | undefined> = Promise.resolve(undefined);
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;

  constructor(
    policy: Policy,
    private readonly store: ServiceStore,
    lifecycle: CallLifecycle,
    private readonly deps: AgentDeps = defaultDeps,
  ) {
    store.getState().configureAgent(agentConfigFrom(policy), deps.now());
    this.queue(() => deps.repo.recoverOpenStretches());
    this.record(store.getState().agent.state);
    // Every change to the list of calls (a snapshot, or a call's end) re-tells the machine where they stand.
    this.unsubscribe = lifecycle.subscribe((event) => {
      if (event.type !== 'updated' && event.type !== 'ended') return;
      const answeredCallIds = event.calls.filter((c) => c.answeredAt !== undefined).map((c) => c.id);
      this.dispatch({ type: 'calls', busy: isBusy(event.calls), answeredCallIds, at: deps.now() });
      if (event.type === 'ended') this.addToHistory(event.end);
    });
    this.heartbeat = setInterval(() => {
      const at = deps.now();
      this.queue(async () => {
        const id = await this.openId;
        if (id !== undefined) await deps.repo.touchStretch(id, at);
      });
    }, deps.heartbeatMs);
  }

  /** Applies an event, then persists what it changed. */
  dispatch(event: AgentEvent): void {
    const before = this.store.getState().agent.state;
    const { machine, wrapUp } = this.store.getState().dispatchAgent(event);
    if (wrapUp) this.saveWrapUp(wrapUp);
    if (machine.state.kind !== before.kind || machine.state.since !== before.since) this.record(machine.state);
    this.scheduleDeadline(machine.state);
  }

  /** The service's clock (the hold's time stamp). */
  now(): number {
    return this.deps.now();
  }

  choose(availability: Availability): void {
    this.dispatch({ type: 'choose', availability, at: this.deps.now() });
  }

  /** Finish wrap-up (ignored while a required code is missing). */
  finishWrapUp(): void {
    this.dispatch({ type: 'finish-wrap-up', at: this.deps.now() });
  }

  /** Ready ↔ Not ready (with the last reason used); on a call or in wrap-up, toggles where the agent goes after. */
  toggleReady(): void {
    const { agent } = this.store.getState();
    const current = agent.state.kind === 'ready' || agent.state.kind === 'not-ready' ? agent.state.kind : agent.back.kind;
    this.choose(current === 'ready' ? { kind: 'not-ready', reason: agent.lastReason } : { kind: 'ready' });
  }

  /** Closes the open stretch (the page is going away) and stops timers and subscriptions. */
  stop(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    clearTimeout(this.deadlineTimer);
    const at = this.deps.now();
    this.queue(async () => {
      const id = await this.openId;
      if (id !== undefined) await this.deps.repo.endStretch(id, at);
    });
  }

  /** Resolves once every write queued so far has finished (tests, shutdown). */
  flush(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  /** Every ended call becomes a history entry: shown at once, written before any wrap-up of it. */
  private addToHistory(end: CallEnd): void {
    const entry = historyEntryFor(end);
    this.store.getState().addHistory(entry);
    this.queue(() => saveCall(entry), 'call history');
  }

  /** Calls the app went away during join the history (once each), in their place by time. */
  addInterrupted(calls: readonly InterruptedCall[]): Promise<void> {
    return this.queue(async () => {
      const added = await saveInterruptedCalls(calls);
      if (added.length === 0) return;
      log.warn(`${added.length} call(s) interrupted by the app closing added to the call history`);
      this.store.getState().setHistory(await recentCalls());
    }, 'interrupted calls').then(() => undefined);
  }

  private record(state: AgentState): void {
    const entry = { state: state.kind, startedAt: state.since, ...(state.kind === 'not-ready' ? { reason: state.reason } : {}) };
    // Writes run one after another, so stretches are opened and closed in the order they happened.
    const id = this.queue(() => this.deps.repo.beginStretch(entry));
    this.openId = id;
  }

  private saveWrapUp(result: WrapUpResult): void {
    const wrapUp = { code: result.code, notes: result.notes, endedBy: result.endedBy };
    for (const id of result.callIds) this.store.getState().patchHistory(id, { wrapUp });
    void this.queue(async () => {
      const missing = await this.deps.saveWrapUp(result.callIds, wrapUp);
      if (missing.length > 0) log.warn(`wrap-up for ${missing.length} call(s) had no history entry to go into`);
    });
  }

  private scheduleDeadline(state: AgentState): void {
    clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
    if (state.kind !== 'wrap-up' || state.work.deadline === undefined || state.work.overdue) return;
    const delay = Math.max(0, state.work.deadline - this.deps.now());
    this.deadlineTimer = setTimeout(() => this.dispatch({ type: 'tick', at: this.deps.now(), holdOpen: this.followUpPending() }), delay);
  }

  /** Wrap-up has a follow-up code and no callback is promised on its calls yet. */
  private followUpPending(): boolean {
    const { agent, agentConfig } = this.store.getState();
    if (agent.state.kind !== 'wrap-up' || !this.deps.followUpScheduled) return false;
    return isFollowUpCode(agentConfig, agent.state.work.code) && !this.deps.followUpScheduled(agent.state.work.callIds);
  }

  private queue<T>(write: () => Promise<T>, what = 'agent state'): Promise<T | undefined> {
    // A full disk refuses every write for a while: keep this one (and, queued behind it, the rest) until it goes in.
    const kept = () =>
      writeWhileRefused(write, {
        refused: (error) => log.warn(`${what} not saved yet: the storage refuses writes (disk full?); retrying`, error),
        saved: (attempts) => log.info(`${what} saved after ${attempts} attempts`),
      });
    const result = this.writes.then(kept).catch((error: unknown) => {
      log.error(`${what} not saved`, error);
      return undefined;
    });
    this.writes = result;
    return result;
  }
}

let running: AgentService | null = null;

/** Starts the agent feature for a valid policy (bootstrap); it follows the phone's calls through `lifecycle`. */
export function startAgent(policy: Policy, store: ServiceStore, lifecycle: CallLifecycle, deps: Partial<AgentDeps> = {}): AgentService {
  running?.stop();
  const service = new AgentService(policy, store, lifecycle, { ...defaultDeps, ...deps });
  running = service;
  // Closing the tab or window ends the open stretch (a crash is covered by the heartbeat instead).
  window.addEventListener('pagehide', () => service.stop(), { once: true });
  return service;
}

/**
 * Calls cut off by a crash or a closed window (the recording feature recovers them at start, and bootstrap
 * hands them here): each shows in the call history as interrupted.
 */
export function recordInterruptedCalls(calls: readonly InterruptedCall[]): Promise<void> {
  return running?.addInterrupted(calls) ?? Promise.resolve();
}

/** The agent chose Ready or Not ready + reason (the Agent state control). */
export function chooseAvailability(availability: Availability): void {
  running?.choose(availability);
}
/** The app keeps the agent Not ready for `reason` after the current call and wrap-up (null lifts it). */
export function holdNotReady(reason: HoldReason | null): void {
  running?.dispatch({ type: 'hold', reason, at: running.now() });
}
/** The Ready/Not ready shortcut. */
export function toggleReady(): void {
  running?.toggleReady();
}
export function setWrapUpCode(code: string | null): void {
  running?.dispatch({ type: 'wrap-up-code', code });
}
export function setWrapUpNotes(notes: string): void {
  running?.dispatch({ type: 'wrap-up-notes', notes });
}
/** Finish wrap-up: back to Ready (or the Not ready the agent picked meanwhile). */
export function finishWrapUp(): void {
  running?.finishWrapUp();
}
