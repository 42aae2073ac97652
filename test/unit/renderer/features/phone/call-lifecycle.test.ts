/**
 * The call lifecycle: what each engine report means (ringing, answered once, held, ended), in one order
 * for every subscriber, and a failing subscriber costs only itself.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallLifecycleEvent } from '@renderer/features/phone/call-lifecycle';
import { fakePhone } from '../../support/phone-calls';

const logged = vi.hoisted(() => ({ error: [] as string[] }));
vi.mock('@renderer/platform/logger', () => ({
  createLogger: () => ({ debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => logged.error.push(`${m} ${String(e)}`) }),
}));

/** Records what one subscriber saw, as `type:callId`. */
function recorder() {
  const seen: CallLifecycleEvent[] = [];
  return { seen, listener: (event: CallLifecycleEvent) => seen.push(event), types: () => seen.map((e) => `${e.type}:${e.call.id}`) };
}

beforeEach(() => {
  logged.error = [];
});

describe('call lifecycle', () => {
  it('tells an incoming call’s life in order: ringing → answered → ended, each after its snapshot’s update', () => {
    const p = fakePhone();
    const r = recorder();
    p.lifecycle.subscribe(r.listener);
    p.update({ phase: 'ringing' });
    p.update({ phase: 'connecting' });
    p.update({ phase: 'active', answeredAt: 5 });
    p.end('c1');
    expect(r.types()).toEqual(['updated:c1', 'ringing:c1', 'updated:c1', 'updated:c1', 'answered:c1', 'updated:c1', 'ended:c1']);
    expect(r.seen.filter((e) => e.type !== 'updated').map((e) => e.type)).toEqual(['ringing', 'answered', 'ended']);
  });

  it('calls a new outgoing call dialing', () => {
    const p = fakePhone();
    const r = recorder();
    p.lifecycle.subscribe(r.listener);
    p.update({ direction: 'outgoing', phase: 'dialing' });
    expect(r.types()).toEqual(['updated:c1', 'dialing:c1']);
  });

  it('answers a call once, across hold and resume on either side', () => {
    const p = fakePhone();
    const r = recorder();
    p.lifecycle.subscribe(r.listener);
    p.update({ phase: 'ringing' });
    p.update({ answeredAt: 1 });
    p.update({ answeredAt: 1, heldLocally: true });
    p.update({ answeredAt: 1, heldLocally: true, heldRemotely: true });
    p.update({ answeredAt: 1, heldRemotely: true });
    p.update({ answeredAt: 1 });
    p.update({ answeredAt: 1, muted: true });
    expect(r.seen.filter((e) => e.type !== 'updated').map((e) => e.type)).toEqual(['ringing', 'answered', 'held', 'resumed']);
    expect(r.seen.filter((e) => e.type === 'updated')).toHaveLength(7);
  });

  it('carries the calls after each change, and the engine’s end with the final snapshot', () => {
    const p = fakePhone();
    const r = recorder();
    p.lifecycle.subscribe(r.listener);
    const first = p.update({ answeredAt: 1, transfer: { kind: 'blind', target: '1003', state: 'transferring' } });
    const waiting = p.update({ id: 'c2', phase: 'ringing' });
    expect(r.seen.at(-1)).toMatchObject({ type: 'ringing', call: waiting, calls: [first, waiting] });
    p.end('c1');
    const ended = r.seen.at(-1);
    expect(ended?.type).toBe('ended');
    if (ended?.type !== 'ended') return;
    expect(ended.end).toMatchObject({ outcome: 'answered', cause: 'Terminated', call: { id: 'c1', phase: 'ended', transfer: { state: 'transferring' } } });
    expect(ended.calls).toEqual([waiting]);
  });

  it('keeps telling the others, and the phone, when a subscriber throws', () => {
    const p = fakePhone();
    const before = recorder();
    const after = recorder();
    p.lifecycle.subscribe(before.listener);
    p.lifecycle.subscribe(() => {
      throw new Error('broken follower');
    });
    p.lifecycle.subscribe(after.listener);
    expect(() => p.update({ phase: 'ringing' })).not.toThrow();
    expect(before.types()).toEqual(['updated:c1', 'ringing:c1']);
    expect(after.types()).toEqual(['updated:c1', 'ringing:c1']);
    expect(logged.error).toEqual([expect.stringContaining('broken follower'), expect.stringContaining('broken follower')]);
  });

  it('stops telling a subscriber that unsubscribed, even in the middle of an event', () => {
    const p = fakePhone();
    const r = recorder();
    const unsubscribe = p.lifecycle.subscribe(r.listener);
    let unsubscribeLate: () => void = () => undefined;
    p.lifecycle.subscribe((event) => {
      if (event.type === 'answered') unsubscribeLate();
    });
    const late = recorder();
    unsubscribeLate = p.lifecycle.subscribe(late.listener);
    p.update({ phase: 'ringing' });
    unsubscribe();
    p.update({ answeredAt: 1 });
    expect(r.types()).toEqual(['updated:c1', 'ringing:c1']);
    // Removed by an earlier subscriber while `answered` was going round: it never got it.
    expect(late.types()).toEqual(['updated:c1', 'ringing:c1', 'updated:c1']);
  });

  it('gives every subscriber the same order when one publishes from inside its listener', () => {
    const p = fakePhone();
    const first = recorder();
    const second = recorder();
    p.lifecycle.subscribe((event) => {
      first.listener(event);
      // Hanging up a call as it rings can end it synchronously inside the engine.
      if (event.type === 'ringing') p.end('c1');
    });
    p.lifecycle.subscribe(second.listener);
    p.update({ phase: 'ringing' });
    expect(first.types()).toEqual(['updated:c1', 'ringing:c1', 'updated:c1', 'ended:c1']);
    expect(second.types()).toEqual(first.types());
  });
});
