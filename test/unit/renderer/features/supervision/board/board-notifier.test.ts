import { EventEmitter } from 'node:events';
import type { UA } from 'jssip';
import { describe, expect, it, vi } from 'vitest';
import { parseAgentEvent } from '@common/contract/supervision-event';
import { BoardNotifier } from '@renderer/features/supervision/board/board-notifier';
import type { DeskReport } from '@renderer/features/supervision/board/desk-report';

/** A JsSIP Notifier double: records NOTIFY bodies; `subscribe` fires as JsSIP does on start(). */
class FakeNotifier extends EventEmitter {
  state = 1;
  readonly sent: { body: string; final: boolean; reason?: string }[] = [];
  start() {
    this.emit('subscribe', false);
  }
  notify(body: string) {
    this.sent.push({ body, final: false });
  }
  terminate(body: string, reason: string) {
    this.sent.push({ body, final: true, reason });
    this.state = 2;
    this.emit('terminated', 4);
  }
}

function subscribeRequest(from: string, event = 'lingxi-agent', assertedIdentity?: string) {
  return {
    parseHeader: (name: string) => (name === 'event' ? { event } : undefined),
    getHeader: (name: string) => (name === 'From' ? from : name === 'P-Asserted-Identity' ? assertedIdentity : undefined),
    reply: vi.fn(),
  };
}

function setup(report: () => DeskReport = () => ({ state: 'ready', sinceMs: 1000, alerts: [] })) {
  const ua = new EventEmitter() as EventEmitter & { notify: ReturnType<typeof vi.fn> };
  const notifiers: FakeNotifier[] = [];
  ua.notify = vi.fn(() => {
    const n = new FakeNotifier();
    notifiers.push(n);
    return n;
  });
  const log = { info: vi.fn(), warn: vi.fn() };
  const notifier = new BoardNotifier({
    ownUri: 'sip:1001@pbx',
    leads: [{ uri: 'sip:1003@pbx' }],
    defaultExpires: 60,
    desk: { report, calls: () => [] },
    log,
    now: () => 5000,
  });
  notifier.hook.started(ua as unknown as UA);
  const subscribe = (request: ReturnType<typeof subscribeRequest>) => ua.emit('newSubscribe', { request });
  return { ua, notifiers, notifier, subscribe, log };
}

const bodies = (n: FakeNotifier | undefined) => (n?.sent ?? []).map((s) => parseAgentEvent(s.body));

describe('the agent as notifier: who is told what', () => {
  it('answers a SUBSCRIBE from someone not in supervision.leads with 403, creates no subscription and logs it for IT', () => {
    const { ua, subscribe, log, notifier } = setup();
    const request = subscribeRequest('"Mallory" <sip:1004@pbx>;tag=x');
    subscribe(request);
    expect(request.reply).toHaveBeenCalledWith(403, 'Not a team lead of this agent', []);
    expect(ua.notify).not.toHaveBeenCalled();
    expect(notifier.watchers).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('refused lingxi-agent SUBSCRIBE from 1004@pbx'));
  });

  it('goes by P-Asserted-Identity: a lead\'s From with someone else\'s asserted identity is refused', () => {
    const { ua, subscribe } = setup();
    const request = subscribeRequest('<sip:1003@pbx>;tag=x', 'lingxi-agent', '<sip:1004@pbx>');
    subscribe(request);
    expect(request.reply).toHaveBeenCalledWith(403, expect.any(String), []);
    expect(ua.notify).not.toHaveBeenCalled();
  });

  it('refuses event packages it does not serve with 489 and says which it does', () => {
    const { ua, subscribe } = setup();
    const request = subscribeRequest('<sip:1003@pbx>;tag=x', 'presence');
    subscribe(request);
    expect(request.reply).toHaveBeenCalledWith(489, 'Bad Event', ['Allow-Events: lingxi-agent, dialog']);
    expect(ua.notify).not.toHaveBeenCalled();
  });

  it('a lead gets a NOTIFY at once, then one per change (none when nothing it shows changed), with rising seq', async () => {
    let report: DeskReport = { state: 'ready', sinceMs: 1000, alerts: [] };
    const { ua, subscribe, notifiers, notifier } = setup(() => report);
    subscribe(subscribeRequest('<sip:1003@pbx>;tag=x'));
    expect(ua.notify).toHaveBeenCalledWith(expect.anything(), 'application/vnd.lingxi.agent+json', { defaultExpires: 60, allowEvents: 'lingxi-agent, dialog' });
    notifier.changed();
    await Promise.resolve();
    report = { state: 'not-ready', reason: 'Lunch', sinceMs: 2000, alerts: [] };
    notifier.changed();
    notifier.changed();
    await Promise.resolve();
    const parsed = bodies(notifiers[0]);
    expect(parsed.map((p) => (p.ok ? [p.body.seq, p.body.state, p.body.reason] : p.problem))).toEqual([
      [1, 'ready', undefined],
      [2, 'not-ready', 'Lunch'],
    ]);
  });

  it('answers a refresh with a NOTIFY even when nothing changed (the lead\'s proof of life)', () => {
    const { subscribe, notifiers } = setup();
    subscribe(subscribeRequest('<sip:1003@pbx>;tag=x'));
    notifiers[0]?.emit('subscribe', false);
    expect(notifiers[0]?.sent).toHaveLength(2);
  });

  it('before the UA un-REGISTERs, every lead gets a final NOTIFY saying Offline', () => {
    const { subscribe, notifiers, notifier } = setup();
    subscribe(subscribeRequest('<sip:1003@pbx>;tag=x'));
    notifier.hook.stopping({} as UA);
    const last = notifiers[0]?.sent.at(-1);
    expect(last?.final).toBe(true);
    expect(last?.reason).toBe('noresource');
    expect(parseAgentEvent(last?.body ?? '')).toMatchObject({ ok: true, body: { state: 'offline', sinceMs: 5000, alerts: [] } });
    expect(notifier.watchers).toBe(0);
  });

  it('a desk phone subscribing to dialog gets dialog-info XML', () => {
    const { ua, subscribe, notifiers } = setup();
    subscribe(subscribeRequest('<sip:1003@pbx>;tag=x', 'dialog'));
    expect(ua.notify).toHaveBeenCalledWith(expect.anything(), 'application/dialog-info+xml', expect.anything());
    expect(notifiers[0]?.sent[0]?.body).toContain('<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full" entity="sip:1001@pbx">');
  });
});
