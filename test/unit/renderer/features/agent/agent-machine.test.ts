import { describe, expect, it } from 'vitest';
import {
  acceptsCalls,
  finishBlocker,
  initialAgentMachine,
  reduceAgent,
  type AgentConfig,
  type AgentEvent,
  type AgentMachine,
  type Transition,
} from '@renderer/features/agent/agent-machine';

const codes = [
  { code: 'resolved', label: { en: 'Resolved' } },
  { code: 'complaint', label: { en: 'Complaint' } },
];
function config(wrapUp: Partial<AgentConfig['wrapUp']> = {}): AgentConfig {
  return {
    reasons: ['break', 'lunch'],
    wrapUp: { enabled: true, timeLimitSeconds: 60, codeRequired: false, autoReady: true, codes, ...wrapUp },
  };
}

/** Runs events in order; returns the last transition and every wrap-up result. */
function run(cfg: AgentConfig, events: AgentEvent[], start: AgentMachine = initialAgentMachine(cfg, 0)) {
  let last: Transition = { machine: start };
  const wrapUps = [];
  for (const event of events) {
    last = reduceAgent(last.machine, event, cfg);
    if (last.wrapUp) wrapUps.push(last.wrapUp);
  }
  return { ...last, wrapUps };
}

const callStarts = (at: number, answered: string[] = []): AgentEvent => ({ type: 'calls', busy: true, answeredCallIds: answered, at });
const callsEnd = (at: number): AgentEvent => ({ type: 'calls', busy: false, answeredCallIds: [], at });

describe('agent state machine', () => {
  it('starts Ready and takes calls; Not ready with a reason rejects them', () => {
    const cfg = config();
    const start = initialAgentMachine(cfg, 5);
    expect(start.state).toEqual({ kind: 'ready', since: 5 });
    expect(acceptsCalls(start)).toBe(true);
    const { machine } = run(cfg, [{ type: 'choose', availability: { kind: 'not-ready', reason: 'lunch' }, at: 10 }], start);
    expect(machine.state).toEqual({ kind: 'not-ready', reason: 'lunch', since: 10 });
    expect(machine.lastReason).toBe('lunch');
    expect(acceptsCalls(machine)).toBe(false);
  });

  it('refuses a reason the policy does not list', () => {
    const cfg = config();
    expect(() => reduceAgent(initialAgentMachine(cfg, 0), { type: 'choose', availability: { kind: 'not-ready', reason: 'nap' }, at: 1 }, cfg)).toThrow(
      /unknown Not ready reason "nap"/,
    );
  });

  it('returns the same machine when nothing changes, and a new stretch when only the reason changes', () => {
    const cfg = config();
    const start = initialAgentMachine(cfg, 0);
    expect(reduceAgent(start, { type: 'choose', availability: { kind: 'ready' }, at: 9 }, cfg).machine).toBe(start);
    expect(reduceAgent(start, { type: 'tick', at: 9 }, cfg).machine).toBe(start);
    const { machine } = run(cfg, [
      { type: 'choose', availability: { kind: 'not-ready', reason: 'break' }, at: 1 },
      { type: 'choose', availability: { kind: 'not-ready', reason: 'lunch' }, at: 2 },
    ]);
    expect(machine.state).toEqual({ kind: 'not-ready', reason: 'lunch', since: 2 });
  });

  it('goes On call with the first call past ringing and collects the answered calls', () => {
    const cfg = config();
    const { machine } = run(cfg, [callStarts(100), callStarts(200, ['c1']), callStarts(300, ['c1', 'c2'])]);
    expect(machine.state).toEqual({ kind: 'on-call', since: 100, callIds: ['c1', 'c2'] });
    expect(acceptsCalls(machine)).toBe(true); // call waiting is the phone's business
  });

  it('after an answered call: Wrap-up with a deadline, Finish goes Ready and reports code and notes', () => {
    const cfg = config({ timeLimitSeconds: 30 });
    const ended = run(cfg, [callStarts(100, ['c1']), callsEnd(1_000)]);
    expect(ended.machine.state).toMatchObject({ kind: 'wrap-up', since: 1_000, work: { callIds: ['c1'], deadline: 31_000, code: null } });
    expect(acceptsCalls(ended.machine)).toBe(false);
    const done = run(
      cfg,
      [
        { type: 'wrap-up-code', code: 'complaint' },
        { type: 'wrap-up-notes', notes: 'card swallowed' },
        { type: 'finish-wrap-up', at: 5_000 },
      ],
      ended.machine,
    );
    expect(done.machine.state).toEqual({ kind: 'ready', since: 5_000 });
    expect(done.wrapUps).toEqual([{ callIds: ['c1'], code: 'complaint', notes: 'card swallowed', endedBy: 'agent' }]);
  });

  it('a required code blocks Finish until one is picked', () => {
    const cfg = config({ codeRequired: true });
    const ended = run(cfg, [callStarts(0, ['c1']), callsEnd(10)]);
    const state = ended.machine.state;
    if (state.kind !== 'wrap-up') throw new Error('expected wrap-up');
    expect(finishBlocker(state.work, cfg)).toBe('code-required');
    const refused = reduceAgent(ended.machine, { type: 'finish-wrap-up', at: 20 }, cfg);
    expect(refused.machine).toBe(ended.machine);
    expect(refused.wrapUp).toBeUndefined();
    const done = run(cfg, [{ type: 'wrap-up-code', code: 'resolved' }, { type: 'finish-wrap-up', at: 30 }], ended.machine);
    expect(done.machine.state.kind).toBe('ready');
    expect(() => reduceAgent(ended.machine, { type: 'wrap-up-code', code: 'nope' }, cfg)).toThrow(/unknown wrap-up code/);
  });

  it('at the time limit: Ready by itself with autoReady, the missing required code recorded as none/timeout', () => {
    const cfg = config({ timeLimitSeconds: 2, codeRequired: true, autoReady: true });
    const ended = run(cfg, [callStarts(0, ['c1']), callsEnd(1_000)]);
    expect(reduceAgent(ended.machine, { type: 'tick', at: 2_999 }, cfg).machine).toBe(ended.machine);
    const timedOut = reduceAgent(ended.machine, { type: 'tick', at: 3_000 }, cfg);
    expect(timedOut.machine.state).toEqual({ kind: 'ready', since: 3_000 });
    expect(timedOut.wrapUp).toEqual({ callIds: ['c1'], code: null, notes: '', endedBy: 'timeout' });
  });

  it('at the time limit without autoReady: stays in Wrap-up, marked overdue, until finished', () => {
    const cfg = config({ timeLimitSeconds: 2, autoReady: false });
    const overdue = run(cfg, [callStarts(0, ['c1']), callsEnd(1_000), { type: 'tick', at: 3_000 }]);
    expect(overdue.machine.state).toMatchObject({ kind: 'wrap-up', work: { overdue: true } });
    expect(overdue.wrapUps).toEqual([]);
    expect(run(cfg, [{ type: 'finish-wrap-up', at: 9_000 }], overdue.machine).machine.state).toEqual({ kind: 'ready', since: 9_000 });
  });

  it('no time limit (0) means no deadline', () => {
    const cfg = config({ timeLimitSeconds: 0 });
    const { machine } = run(cfg, [callStarts(0, ['c1']), callsEnd(10), { type: 'tick', at: 10_000_000 }]);
    expect(machine.state).toMatchObject({ kind: 'wrap-up', work: { overdue: false } });
    expect(machine.state.kind === 'wrap-up' && machine.state.work.deadline).toBeUndefined();
  });

  it('skips Wrap-up when the policy disables it or the call was never answered', () => {
    expect(run(config({ enabled: false }), [callStarts(0, ['c1']), callsEnd(10)]).machine.state).toEqual({ kind: 'ready', since: 10 });
    expect(run(config(), [callStarts(0), callsEnd(10)]).machine.state).toEqual({ kind: 'ready', since: 10 });
  });

  it('returns to the Not ready the agent was in, or picked during the call or wrap-up', () => {
    const cfg = config({ enabled: false });
    const outbound = run(cfg, [
      { type: 'choose', availability: { kind: 'not-ready', reason: 'break' }, at: 0 },
      callStarts(10, ['c1']),
    ]);
    expect(acceptsCalls(outbound.machine)).toBe(false); // no call waiting while on a break
    expect(run(cfg, [callsEnd(20)], outbound.machine).machine.state).toEqual({ kind: 'not-ready', reason: 'break', since: 20 });

    const wrapCfg = config();
    const picked = run(wrapCfg, [
      callStarts(0, ['c1']),
      callsEnd(10),
      { type: 'choose', availability: { kind: 'not-ready', reason: 'lunch' }, at: 11 },
    ]);
    expect(picked.machine.state.kind).toBe('wrap-up'); // choosing never skips wrap-up
    expect(run(wrapCfg, [{ type: 'finish-wrap-up', at: 12 }], picked.machine).machine.state).toEqual({
      kind: 'not-ready',
      reason: 'lunch',
      since: 12,
    });
  });

  it('a call placed during Wrap-up ends that wrap-up with what was entered, and starts a new one afterwards', () => {
    const cfg = config();
    const result = run(cfg, [
      callStarts(0, ['c1']),
      callsEnd(10),
      { type: 'wrap-up-code', code: 'resolved' },
      callStarts(20),
      callStarts(25, ['c2']),
      callsEnd(30),
    ]);
    expect(result.wrapUps).toEqual([{ callIds: ['c1'], code: 'resolved', notes: '', endedBy: 'call' }]);
    expect(result.machine.state).toMatchObject({ kind: 'wrap-up', since: 30, work: { callIds: ['c2'], code: null } });
  });
});

describe('a hold the app sets (a version blocked by the kill switch)', () => {
  const hold = (reason: 'update-required' | null, at: number): AgentEvent => ({ type: 'hold', reason, at });

  it('Ready: Not ready at once with the hold reason, and choosing Ready is ignored until it is lifted', () => {
    const cfg = config();
    const held = run(cfg, [hold('update-required', 5), { type: 'choose', availability: { kind: 'ready' }, at: 6 }]);
    expect(held.machine.state).toEqual({ kind: 'not-ready', reason: 'update-required', since: 5 });
    expect(acceptsCalls(held.machine)).toBe(false);
    const lifted = run(cfg, [hold(null, 7), { type: 'choose', availability: { kind: 'ready' }, at: 8 }], held.machine);
    expect(lifted.machine.state).toEqual({ kind: 'ready', since: 8 });
    expect(lifted.machine.hold).toBeUndefined();
  });

  it('on a call: the call goes on, no second call rings, and Not ready follows the call and its wrap-up', () => {
    const cfg = config();
    const onCall = run(cfg, [callStarts(1, ['c1']), hold('update-required', 2)]);
    expect(onCall.machine.state.kind).toBe('on-call');
    expect(acceptsCalls(onCall.machine)).toBe(false);
    const after = run(cfg, [callsEnd(3), { type: 'choose', availability: { kind: 'ready' }, at: 4 }, { type: 'finish-wrap-up', at: 5 }], onCall.machine);
    expect(after.wrapUps).toHaveLength(1);
    expect(after.machine.state).toEqual({ kind: 'not-ready', reason: 'update-required', since: 5 });
  });
});
