import { EventEmitter } from 'node:events';
import type { UA } from 'jssip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEventBody } from '@common/contract/supervision-event';
import { TeamWatch, toLeadClock } from '@renderer/features/supervision/board/team-watch';
import type { TeamMember } from '@renderer/features/supervision/board/team-types';

/** A JsSIP Subscriber double: `respond(status)` goes through the private method JsSIP uses. */
class FakeSubscriber extends EventEmitter {
  state = 3;
  terminate = vi.fn(() => {
    this.state = 2;
  });
  subscribe = vi.fn(() => {
    this.state = 4;
  });
  _receiveSubscribeResponse(response: { status_code: number }) {
    if (response.status_code >= 300) {
      this.state = 2;
      this.emit('terminated', 2);
    }
  }
  respond(status: number) {
    this._receiveSubscribeResponse({ status_code: status });
  }
  notify(body: Partial<AgentEventBody>, final = false) {
    this.emit('notify', final, {}, JSON.stringify({ v: 1, seq: 1, sentAtMs: Date.now(), state: 'ready', sinceMs: Date.now(), alerts: [], ...body }));
    if (final) {
      this.state = 2;
      this.emit('terminated', 6);
    }
  }
}

let team: TeamMember[];
let subscribers: FakeSubscriber[];
let watch: TeamWatch;
const ua = { subscribe: vi.fn() };

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  team = [{ uri: 'sip:1001@pbx', name: 'Agent 1001', state: 'offline', sinceMs: 0, alerts: [], link: 'subscribing' }];
  subscribers = [];
  ua.subscribe.mockImplementation(() => {
    const s = new FakeSubscriber();
    subscribers.push(s);
    return s;
  });
  watch = new TeamWatch({
    team,
    refreshSeconds: 10,
    update: (uri, next) => {
      team = team.map((m) => (m.uri === uri ? next(m) : m));
    },
    log: { info: vi.fn(), warn: vi.fn() },
  });
  watch.hook.started(ua as unknown as UA);
  watch.registered();
});
afterEach(() => {
  watch.stop();
  vi.useRealTimers();
});

describe('the lead watching an agent', () => {
  it('subscribes to lingxi-agent for refreshSeconds and fills the row from NOTIFYs', () => {
    expect(ua.subscribe).toHaveBeenCalledWith('sip:1001@pbx', 'lingxi-agent', 'application/vnd.lingxi.agent+json', { expires: 10, contentType: 'application/vnd.lingxi.agent+json' });
    subscribers[0]?.notify({ seq: 3, state: 'on-call', call: { id: 'cid@pbx', direction: 'incoming', startedAtMs: Date.now() } });
    expect(team[0]).toMatchObject({ state: 'on-call', link: 'live', call: { id: 'cid@pbx' } });
  });

  it('ignores a NOTIFY overtaken by a later one', () => {
    subscribers[0]?.notify({ seq: 5, state: 'wrap-up' });
    subscribers[0]?.notify({ seq: 4, state: 'on-call' });
    expect(team[0]?.state).toBe('wrap-up');
  });

  it('no NOTIFY within refreshSeconds: Offline, and a new SUBSCRIBE soon after', () => {
    subscribers[0]?.notify({ seq: 1, state: 'ready' });
    vi.advanceTimersByTime(9_999);
    expect(team[0]?.state).toBe('ready');
    vi.advanceTimersByTime(1);
    expect(team[0]).toMatchObject({ state: 'offline', link: 'unreachable' });
    expect(subscribers[0]?.terminate).toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(subscribers).toHaveLength(2);
  });

  it('a final NOTIFY (the agent signed out) shows Offline at once', () => {
    subscribers[0]?.notify({ seq: 1, state: 'ready' });
    subscribers[0]?.notify({ seq: 2, state: 'offline' }, true);
    expect(team[0]).toMatchObject({ state: 'offline' });
  });

  it('403 from the agent: refused, retried only after refreshSeconds', () => {
    subscribers[0]?.respond(403);
    expect(team[0]).toMatchObject({ state: 'offline', link: 'refused' });
    vi.advanceTimersByTime(9_999);
    expect(subscribers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(subscribers).toHaveLength(2);
  });

  it('an unreadable body changes nothing and is logged', () => {
    subscribers[0]?.emit('notify', false, {}, '{"v":9}');
    expect(team[0]?.link).toBe('subscribing');
  });
});

describe('clock skew', () => {
  it('moves the agent\'s times onto the lead\'s clock', () => {
    const body: AgentEventBody = { v: 1, seq: 1, sentAtMs: 10_000, state: 'on-call', sinceMs: 9_000, call: { id: 'c', direction: 'incoming', startedAtMs: 8_000 }, alerts: [{ id: 'a', kind: 'pci', atMs: 9_500 }], helpAtMs: 9_900 };
    expect(toLeadClock(body, 70_000)).toEqual({ ...body, sentAtMs: 70_000, sinceMs: 69_000, call: { ...body.call, startedAtMs: 68_000 }, alerts: [{ id: 'a', kind: 'pci', atMs: 69_500 }], helpAtMs: 69_900 });
  });
});
