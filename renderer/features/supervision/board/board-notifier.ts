/**
 * The agent's side of the team board: answers SUBSCRIBEs for the lingxi-agent package and RFC 4235
 * `dialog` (RFC 6665 notifier, JsSIP's Notifier). Only the policy's leads are accepted; anyone else gets
 * 403 and nothing more. A NOTIFY follows every accepted or refreshed SUBSCRIBE (RFC 6665 §4.2.1.2) and every
 * change of what the board would show; before the UA un-REGISTERs each subscription ends with a final
 * NOTIFY saying Offline, so the lead's row changes at once rather than at the next refresh.
 */
import type { UA } from 'jssip';
import type { Notifier } from 'jssip/lib/Notifier';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import {
  AGENT_EVENT_CONTENT_TYPE,
  AGENT_EVENT_PACKAGE,
  AGENT_EVENT_VERSION,
  DIALOG_EVENT_PACKAGE,
  DIALOG_INFO_CONTENT_TYPE,
  type AgentEventBody,
} from '@common/contract/supervision-event';
import type { Logger } from '@common/logging/logger';
import type { UserAgentHook } from '../../phone';
import type { DeskCall, DeskReport } from './desk-report';
import { dialogInfoXml } from './dialog-info';
import { createNotifier, hasEnded, reply } from './jssip-events';
import { isLead, requesterOf } from './lead-access';

/** What the notifier reads each time it may have to tell the leads something. */
export interface DeskSource {
  report(): DeskReport;
  calls(): readonly DeskCall[];
}

export interface BoardNotifierOptions {
  /** The agent's own address of record (the dialog-info entity). */
  ownUri: string;
  leads: readonly { uri: string }[];
  /** Offered when a SUBSCRIBE has no Expires. */
  defaultExpires: number;
  desk: DeskSource;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Epoch ms (tests pass a fixed clock). */
  now?: () => number;
}

interface Subscription {
  notifier: Notifier;
  kind: 'agent' | 'dialog';
  /** What was last sent, to send only changes. */
  last: string | null;
  /** RFC 4235 version counter (dialog subscriptions). */
  version: number;
}

const ALLOW_EVENTS = `${AGENT_EVENT_PACKAGE}, ${DIALOG_EVENT_PACKAGE}`;

export class BoardNotifier {
  private readonly subscriptions = new Set<Subscription>();
  private seq = 0;
  private pending = false;

  constructor(private readonly options: BoardNotifierOptions) {}

  /** The hook the phone engine calls with each UA. */
  readonly hook: UserAgentHook = {
    started: (ua) => ua.on('newSubscribe', ({ request }) => this.onSubscribe(ua, request)),
    stopping: () => this.goodbye(),
  };

  /** Something the board shows may have changed: NOTIFY the subscribers that would see a difference. */
  changed(): void {
    // One NOTIFY for a burst of store updates in the same task.
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      for (const subscription of this.subscriptions) this.send(subscription, false);
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** How many leads and lamps watch this agent now. */
  get watchers(): number {
    return this.subscriptions.size;
  }

  private onSubscribe(ua: UA, request: IncomingRequest): void {
    const event = (request.parseHeader('event') as { event?: string } | undefined)?.event?.toLowerCase();
    if (event !== AGENT_EVENT_PACKAGE && event !== DIALOG_EVENT_PACKAGE) {
      reply(request, 489, 'Bad Event', [`Allow-Events: ${ALLOW_EVENTS}`]);
      return;
    }
    const from = request.getHeader('From');
    const assertedIdentity = request.getHeader('P-Asserted-Identity') as string | undefined;
    const requester = requesterOf({ from, ...(assertedIdentity ? { assertedIdentity } : {}) });
    if (!isLead(requester, this.options.leads)) {
      // Not one of this agent's leads: refused, and nothing about the agent is sent.
      reply(request, 403, 'Not a team lead of this agent');
      this.options.log.warn(`team board: refused ${event} SUBSCRIBE from ${requester ?? from} (not in supervision.leads)`);
      return;
    }
    const kind = event === AGENT_EVENT_PACKAGE ? 'agent' : 'dialog';
    const notifier = createNotifier(ua, request, kind === 'agent' ? AGENT_EVENT_CONTENT_TYPE : DIALOG_INFO_CONTENT_TYPE, {
      defaultExpires: this.options.defaultExpires,
      allowEvents: ALLOW_EVENTS,
    });
    const subscription: Subscription = { notifier, kind, last: null, version: 0 };
    notifier.on('subscribe', (isUnsubscribe) => {
      // RFC 6665 §4.2.1.2: a NOTIFY after every accepted SUBSCRIBE, refreshes and the final fetch included.
      if (isUnsubscribe) this.sendFinal(subscription, 'timeout', false);
      else this.send(subscription, true);
    });
    notifier.on('terminated', () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    this.options.log.info(`team board: ${requester} watches this agent (${event})`);
    notifier.start();
  }

  private body(subscription: Subscription, report: DeskReport): string {
    if (subscription.kind === 'dialog') return dialogInfoXml(this.options.ownUri, subscription.version, this.options.desk.calls());
    const body: AgentEventBody = { v: AGENT_EVENT_VERSION, seq: this.seq, sentAtMs: this.now(), ...report };
    return JSON.stringify(body);
  }

  /** Sends the current state when it differs from the last NOTIFY (or always, after a SUBSCRIBE). */
  private send(subscription: Subscription, always: boolean): void {
    if (hasEnded(subscription.notifier)) return;
    const report = this.options.desk.report();
    const comparable = subscription.kind === 'dialog' ? dialogInfoXml(this.options.ownUri, 0, this.options.desk.calls()) : JSON.stringify(report);
    if (!always && comparable === subscription.last) return;
    subscription.last = comparable;
    this.seq += 1;
    const body = this.body(subscription, report);
    subscription.version += 1;
    subscription.notifier.notify(body);
  }

  /** The final NOTIFY: the state as it stands (the lead unsubscribed), or Offline (this desktop is going). */
  private sendFinal(subscription: Subscription, reason: string, offline: boolean): void {
    this.seq += 1;
    let body: string;
    if (!offline) body = this.body(subscription, this.options.desk.report());
    else if (subscription.kind === 'dialog') body = dialogInfoXml(this.options.ownUri, subscription.version, []);
    else {
      const now = this.now();
      const gone: AgentEventBody = { v: AGENT_EVENT_VERSION, seq: this.seq, sentAtMs: now, state: 'offline', sinceMs: now, alerts: [] };
      body = JSON.stringify(gone);
    }
    subscription.notifier.terminate(body, reason);
  }

  /** The desktop is going away (un-REGISTER next): every lead hears Offline now. */
  private goodbye(): void {
    for (const subscription of this.subscriptions) {
      if (!hasEnded(subscription.notifier)) this.sendFinal(subscription, 'noresource', true);
    }
    this.subscriptions.clear();
  }
}
