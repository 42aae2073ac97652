/**
 * The phone service publishes the engine's calls to the lifecycle once the store holds them, so a
 * follower reading the store sees the same calls as the event.
 */
import { fixedAgentPolicy } from '@common/contract/sign-in';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { createCallLifecycle, type CallLifecycleEvent } from '@renderer/features/phone/call-lifecycle';
import { startPhone } from '@renderer/features/phone/phone-service';
import type { EngineListener } from '@renderer/features/phone/sip/types';
import { callSnapshot } from '../../support/call-snapshot';

const engine = vi.hoisted(() => ({ listener: null as EngineListener | null }));
vi.mock('@renderer/features/phone/sip/phone-engine', () => ({
  PhoneEngine: class {
    constructor(_config: unknown, listener: EngineListener) {
      engine.listener = listener;
    }
    start() {}
  },
}));
vi.mock('@renderer/features/phone/ringer', () => ({
  Ringer: class {
    armOnFirstGesture() {}
    warm() {}
    start() {}
    stop() {}
  },
}));

beforeAll(() => vi.stubGlobal('__APP_VERSION__', '0.0.0'));
afterAll(() => vi.unstubAllGlobals());

function policy() {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } }, 'test');
  const desk = result.ok ? fixedAgentPolicy(result.policy) : null;
  if (!desk) throw new Error(JSON.stringify(result));
  return desk;
}

/** A started phone (its engine mocked) with its store and lifecycle. */
function started() {
  const store = createAppStore();
  const lifecycle = createCallLifecycle();
  const host = { host: 'browser', power: { setCallActive: vi.fn(async () => undefined) } } as unknown as LingxiApi;
  startPhone(policy(), store, lifecycle, host, { acceptsCalls: () => true, ringerSinkId: () => '' });
  return { store, lifecycle };
}

describe('startPhone', () => {
  it('publishes each call report after the store took it: ringing, answered, ended', () => {
    const { store, lifecycle } = started();
    const seen: { type: CallLifecycleEvent['type']; event: string[]; store: string[] }[] = [];
    const phases = (calls: readonly { id: string; phase: string }[]) => calls.map((c) => `${c.id}:${c.phase}`);
    lifecycle.subscribe((event) => seen.push({ type: event.type, event: phases(event.calls), store: phases(store.getState().calls) }));

    const listener = engine.listener as EngineListener;
    const ringing = callSnapshot({ phase: 'ringing' });
    listener.callUpdated(ringing);
    listener.callUpdated({ ...ringing, phase: 'active', answeredAt: 2 });
    const ended = { ...ringing, phase: 'ended' as const, answeredAt: 2, endedAt: 3 };
    listener.callUpdated(ended);
    listener.callEnded({ call: ended, outcome: 'answered', cause: 'Terminated' });

    expect(seen.map((s) => s.type)).toEqual(['updated', 'ringing', 'updated', 'answered', 'updated', 'ended']);
    for (const { event, store: inStore } of seen) expect(inStore).toEqual(event);
    expect(seen.map((s) => s.event)).toEqual([['c1:ringing'], ['c1:ringing'], ['c1:active'], ['c1:active'], [], []]);
  });
});

describe('refused calls', () => {
  it('puts the running tally in the store, clears it when a new busy stretch starts, and never makes a call of it', () => {
    const { store, lifecycle } = started();
    const events: string[] = [];
    lifecycle.subscribe((event) => events.push(event.type));
    const listener = engine.listener as EngineListener;
    const tally = { count: 500, byReason: { 'lines-full': 0, 'no-call-waiting': 500, 'not-ready': 0 }, since: 1, last: 2 };
    listener.refusedCalls?.(tally);
    expect(store.getState().refusedCalls).toEqual(tally);
    expect(store.getState().calls).toEqual([]);
    expect(events).toEqual([]);
    listener.refusedCalls?.(null);
    expect(store.getState().refusedCalls).toBeNull();
  });
});
