import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy, type PolicyInput } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { getDb, resetDbForTests } from '@renderer/db/db';
import { AgentService, type AgentDeps } from '@renderer/features/agent/agent-service';
import * as stateRepo from '@renderer/features/agent/agent-state-repo';
import { saveWrapUp } from '@renderer/features/agent/history-repo';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';
import { callSnapshot } from '../../support/call-snapshot';
import { fakePhone } from '../../support/phone-calls';

function policy(agent: PolicyInput['agent'] = {}) {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, agent }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

const call = (patch: Partial<CallSnapshot>): CallSnapshot => callSnapshot({ phase: 'connecting', ...patch });


let clock = 1_000;
const now = () => clock;

describe('AgentService with Dexie', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    clock = 1_000;
  });

  it('records one row per state, closes a crashed run’s open row at its last heartbeat', async () => {
    await getDb().agentStates.add({ state: 'not-ready', reason: 'lunch', startedAt: 100, lastSeenAt: 400 });
    const store = createAppStore();
    const phone = fakePhone(store);
    const service = new AgentService(policy({ wrapUp: { timeLimitSeconds: 0 } }), store, phone.lifecycle, {
      now,
      repo: stateRepo,
      saveWrapUp,
      heartbeatMs: 60_000,
    });

    clock = 2_000;
    phone.update(call({ phase: 'connecting' }));
    clock = 2_500;
    phone.update(call({ phase: 'active', answeredAt: 2_500 }));
    clock = 3_000;
    phone.end('c1');
    expect(store.getState().agent.state.kind).toBe('wrap-up');
    clock = 4_000;
    service.finishWrapUp();
    clock = 5_000;
    service.choose({ kind: 'not-ready', reason: 'break' });
    await service.flush();

    const rows = (await stateRepo.stretchesSince(0)).map(({ state, reason, startedAt, endedAt }) => ({ state, reason, startedAt, endedAt }));
    expect(rows).toEqual([
      { state: 'not-ready', reason: 'lunch', startedAt: 100, endedAt: 400 },
      { state: 'ready', reason: undefined, startedAt: 1_000, endedAt: 2_000 },
      { state: 'on-call', reason: undefined, startedAt: 2_000, endedAt: 3_000 },
      { state: 'wrap-up', reason: undefined, startedAt: 3_000, endedAt: 4_000 },
      { state: 'ready', reason: undefined, startedAt: 4_000, endedAt: 5_000 },
      { state: 'not-ready', reason: 'break', startedAt: 5_000, endedAt: undefined },
    ]);
    service.stop();
  });

  it('writes the wrap-up code and notes into the call’s history entry, in Dexie and on screen', async () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const service = new AgentService(policy({ wrapUp: { codeRequired: true, timeLimitSeconds: 0 } }), store, phone.lifecycle, {
      now,
      repo: stateRepo,
      saveWrapUp,
      heartbeatMs: 60_000,
    });
    phone.update(call({ phase: 'active', answeredAt: 1_500 }));
    phone.end('c1');

    service.finishWrapUp(); // refused: the code is required
    expect(store.getState().agent.state.kind).toBe('wrap-up');
    service.dispatch({ type: 'wrap-up-code', code: 'complaint' });
    service.dispatch({ type: 'wrap-up-notes', notes: 'wants a call back' });
    service.finishWrapUp();
    await service.flush();

    const wrapUp = { code: 'complaint', notes: 'wants a call back', endedBy: 'agent' };
    expect(store.getState().agent.state.kind).toBe('ready');
    expect(store.getState().history[0]?.wrapUp).toEqual(wrapUp);
    expect((await getDb().callHistory.get('c1'))?.wrapUp).toEqual(wrapUp);
    service.stop();
  });
});

describe('AgentService call history', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });

  it('turns every ended call into a history entry, on screen at once and in Dexie', async () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const service = new AgentService(policy(), store, phone.lifecycle, { now, repo: stateRepo, saveWrapUp, heartbeatMs: 60_000 });
    phone.update(call({ id: 'c1', phase: 'active', answeredAt: 1_500 }));
    phone.end('c1');
    phone.update(call({ id: 'c2', direction: 'incoming', phase: 'ringing' }));
    phone.end('c2');
    expect(store.getState().history.map(({ id, outcome }) => ({ id, outcome }))).toEqual([
      { id: 'c2', outcome: 'missed' },
      { id: 'c1', outcome: 'answered' },
    ]);
    await service.flush();
    expect((await getDb().callHistory.get('c1'))?.outcome).toBe('answered');
    expect((await getDb().callHistory.get('c2'))?.outcome).toBe('missed');
    service.stop();
  });
});

describe('AgentService timers', () => {
  const fakeRepo = () => ({
    recoverOpenStretches: vi.fn(async () => 0),
    beginStretch: vi.fn(async () => 7),
    touchStretch: vi.fn(async () => undefined),
    endStretch: vi.fn(async () => undefined),
  });
  beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
  afterEach(() => vi.useRealTimers());

  it('goes Ready by itself at the time limit and records the timeout', async () => {
    const store = createAppStore();
    const save = vi.fn(async () => []);
    const deps: AgentDeps = { now: Date.now, repo: fakeRepo(), saveWrapUp: save, heartbeatMs: 60_000 };
    const phone = fakePhone(store);
    const service = new AgentService(policy({ wrapUp: { timeLimitSeconds: 2, codeRequired: true } }), store, phone.lifecycle, deps);
    phone.update(call({ phase: 'active', answeredAt: 1_000 }));
    phone.end('c1');
    expect(store.getState().agent.state.kind).toBe('wrap-up');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(store.getState().agent.state.kind).toBe('wrap-up');
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getState().agent.state).toEqual({ kind: 'ready', since: 3_000 });
    expect(save).toHaveBeenCalledWith(['c1'], { code: null, notes: '', endedBy: 'timeout' });
    service.stop();
  });

  it('marks the open stretch alive on every heartbeat and closes it on stop', async () => {
    const repo = fakeRepo();
    const store = createAppStore();
    const deps = { now: Date.now, repo, saveWrapUp: vi.fn(async () => []), heartbeatMs: 15_000 };
    const service = new AgentService(policy(), store, fakePhone(store).lifecycle, deps);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(repo.touchStretch.mock.calls).toEqual([
      [7, 16_000],
      [7, 31_000],
    ]);
    service.stop();
    await service.flush();
    expect(repo.endStretch).toHaveBeenCalledWith(7, 31_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(repo.touchStretch).toHaveBeenCalledTimes(2);
  });

  it('the Ready/Not ready toggle uses the last reason, and on a call changes only where the agent goes after', () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const service = new AgentService(policy({ wrapUp: { enabled: false } }), store, phone.lifecycle, {
      now: Date.now,
      repo: fakeRepo(),
      saveWrapUp: vi.fn(async () => []),
      heartbeatMs: 60_000,
    });
    service.toggleReady();
    expect(store.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'break' });
    service.choose({ kind: 'not-ready', reason: 'lunch' });
    service.toggleReady();
    expect(store.getState().agent.state.kind).toBe('ready');
    service.toggleReady();
    expect(store.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'lunch' });
    service.toggleReady();
    phone.update(call({ phase: 'active', answeredAt: 1 }));
    service.toggleReady();
    expect(store.getState().agent).toMatchObject({ state: { kind: 'on-call' }, back: { kind: 'not-ready', reason: 'lunch' } });
    expect(store.getState().availability).toBe('not-ready');
    phone.end('c1');
    expect(store.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'lunch' });
    service.stop();
  });
});
