/**
 * The lead's side of the team board: one lingxi-agent subscription (RFC 6665 subscriber, JsSIP's
 * Subscriber) per agent in `supervision.team`, asking for `refreshSeconds`. JsSIP refreshes before expiry;
 * the agent's desktop answers each refresh with a NOTIFY. No NOTIFY within `refreshSeconds` (the desktop
 * is gone without a word), a failed refresh, or a final NOTIFY (the agent signed out) → Offline, and the
 * subscription is tried again with a growing pause. A 403 (this lead is not in the agent's
 * `supervision.leads`) shows as refused and is retried only every refreshSeconds.
 */
import type { UA } from 'jssip';
import type { Subscriber } from 'jssip/lib/Subscriber';
import { AGENT_EVENT_CONTENT_TYPE, AGENT_EVENT_PACKAGE, parseAgentEvent, type AgentEventBody } from '@common/contract/supervision-event';
import type { Logger } from '@common/logging/logger';
import type { UserAgentHook } from '../../phone';
import { hasEnded, hasStarted } from './jssip-events';
import type { TeamLink, TeamMember } from './team-types';

export interface TeamWatchOptions {
  team: readonly { uri: string; name: string }[];
  refreshSeconds: number;
  /** Applies a change to one agent's row. */
  update(uri: string, next: (member: TeamMember) => TeamMember): void;
  /** A body arrived (alerts and hands are the board service's business). */
  received?(uri: string, body: AgentEventBody): void;
  log: Pick<Logger, 'info' | 'warn'>;
  now?: () => number;
}

/** The first retry after a lost subscription; doubles up to refreshSeconds. */
const FIRST_RETRY_MS = 2000;

/** A JsSIP Subscriber that remembers the last SUBSCRIBE response's status (its `terminated` event does not say it). */
type WatchingSubscriber = Subscriber & { lastStatus?: number };

function watching(subscriber: Subscriber): WatchingSubscriber {
  const watched = subscriber as WatchingSubscriber;
  // JsSIP 3.13 passes every response of the SUBSCRIBE transaction through this private method.
  const inner = subscriber as unknown as { _receiveSubscribeResponse(response: { status_code: number }): void };
  const receive = inner._receiveSubscribeResponse.bind(subscriber);
  inner._receiveSubscribeResponse = (response) => {
    watched.lastStatus = response.status_code;
    receive(response);
  };
  return watched;
}

interface Watch {
  uri: string;
  subscriber: WatchingSubscriber | null;
  deadline: ReturnType<typeof setTimeout> | undefined;
  retry: ReturnType<typeof setTimeout> | undefined;
  retryMs: number;
  /** Highest body sequence number seen on the current subscription. */
  seq: number;
}

/**
 * The body's times on the lead's clock: shifted by how far the agent's clock is from the lead's (as of
 * sending; loopback or LAN delay is a few ms), so time in state is right between machines that disagree.
 */
export function toLeadClock(body: AgentEventBody, receivedAtMs: number): AgentEventBody {
  const skew = receivedAtMs - body.sentAtMs;
  if (skew === 0) return body;
  const shift = (ms: number) => Math.max(0, ms + skew);
  return {
    ...body,
    sentAtMs: receivedAtMs,
    sinceMs: shift(body.sinceMs),
    ...(body.call ? { call: { ...body.call, startedAtMs: shift(body.call.startedAtMs) } } : {}),
    alerts: body.alerts.map((alert) => ({ ...alert, atMs: shift(alert.atMs) })),
    ...(body.helpAtMs !== undefined ? { helpAtMs: shift(body.helpAtMs) } : {}),
  };
}

export class TeamWatch {
  private ua: UA | null = null;
  private readonly watches: Watch[];
  private running = false;

  constructor(private readonly options: TeamWatchOptions) {
    this.watches = options.team.map((m) => ({ uri: m.uri, subscriber: null, deadline: undefined, retry: undefined, retryMs: FIRST_RETRY_MS, seq: -1 }));
  }

  readonly hook: UserAgentHook = {
    started: (ua) => {
      this.ua = ua;
    },
    stopping: () => this.stop(),
  };

  /** The lead's phone registered: watch the team (again, after a reconnect rebuilt the UA). */
  registered(): void {
    if (this.running || !this.ua) return;
    this.running = true;
    for (const watch of this.watches) this.subscribe(watch);
  }

  /** Ends every subscription (un-SUBSCRIBE) and timer. */
  stop(): void {
    this.running = false;
    for (const watch of this.watches) {
      clearTimeout(watch.deadline);
      clearTimeout(watch.retry);
      const subscriber = watch.subscriber;
      watch.subscriber = null;
      if (subscriber && hasStarted(subscriber) && !hasEnded(subscriber)) subscriber.terminate();
    }
    this.ua = null;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private setLink(uri: string, link: TeamLink, offline: boolean): void {
    this.options.update(uri, (member) => {
      if (!offline) return member.link === link ? member : { ...member, link };
      if (member.state === 'offline' && member.link === link) return member;
      const { call: _call, reason: _reason, help: _help, overdueCallbacks: _overdue, ...rest } = member;
      return { ...rest, state: 'offline', sinceMs: member.state === 'offline' ? member.sinceMs : this.now(), alerts: [], link };
    });
  }

  private subscribe(watch: Watch): void {
    const ua = this.ua;
    if (!ua || !this.running) return;
    watch.seq = -1;
    const subscriber = watching(
      ua.subscribe(watch.uri, AGENT_EVENT_PACKAGE, AGENT_EVENT_CONTENT_TYPE, {
        expires: this.options.refreshSeconds,
        contentType: AGENT_EVENT_CONTENT_TYPE,
      }),
    );
    watch.subscriber = subscriber;
    subscriber.on('notify', (isFinal, _request, body) => {
      if (watch.subscriber !== subscriber) return;
      this.onNotify(watch, body ?? '', isFinal);
    });
    subscriber.on('terminated', () => {
      if (watch.subscriber !== subscriber) return;
      watch.subscriber = null;
      this.lost(watch, subscriber.lastStatus);
    });
    this.armDeadline(watch);
    subscriber.subscribe();
  }

  /** No NOTIFY within refreshSeconds: the agent's desktop is gone. */
  private armDeadline(watch: Watch): void {
    clearTimeout(watch.deadline);
    watch.deadline = setTimeout(() => {
      const subscriber = watch.subscriber;
      this.options.log.warn(`team board: no NOTIFY from ${watch.uri} within ${this.options.refreshSeconds} s: Offline`);
      watch.subscriber = null;
      if (subscriber && !hasEnded(subscriber)) subscriber.terminate();
      this.lost(watch, undefined);
    }, this.options.refreshSeconds * 1000);
  }

  private onNotify(watch: Watch, text: string, isFinal: boolean): void {
    this.armDeadline(watch);
    watch.retryMs = FIRST_RETRY_MS;
    const parsed = parseAgentEvent(text);
    if (!parsed.ok) {
      this.options.log.warn(`team board: unreadable NOTIFY from ${watch.uri}: ${parsed.problem}`);
      return;
    }
    // A NOTIFY overtaken by a later one changes nothing.
    if (parsed.body.seq <= watch.seq) return;
    watch.seq = parsed.body.seq;
    const body = toLeadClock(parsed.body, this.now());
    this.options.update(watch.uri, (member) => {
      const next: TeamMember = { uri: member.uri, name: member.name, state: body.state, sinceMs: body.sinceMs, alerts: body.alerts, link: 'live' };
      if (body.reason) next.reason = body.reason;
      if (body.call) next.call = body.call;
      if (body.helpAtMs !== undefined) next.help = true;
      if (body.overdueCallbacks) next.overdueCallbacks = body.overdueCallbacks;
      return next;
    });
    this.options.received?.(watch.uri, body);
    if (isFinal) clearTimeout(watch.deadline);
  }

  /** The subscription ended: Offline (or refused) now, and a new SUBSCRIBE later. */
  private lost(watch: Watch, status: number | undefined): void {
    clearTimeout(watch.deadline);
    if (!this.running) return;
    const refused = status === 403;
    this.setLink(watch.uri, refused ? 'refused' : 'unreachable', true);
    if (refused) this.options.log.warn(`team board: ${watch.uri} refused this lead (403): add this lead to the agent's supervision.leads`);
    const delay = refused ? this.options.refreshSeconds * 1000 : watch.retryMs;
    watch.retryMs = Math.min(watch.retryMs * 2, this.options.refreshSeconds * 1000);
    clearTimeout(watch.retry);
    watch.retry = setTimeout(() => this.subscribe(watch), delay);
  }
}
