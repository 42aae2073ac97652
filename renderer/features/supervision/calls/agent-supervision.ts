/**
 * The agent's side of a supervision call (issue 20 §2, §4). An INVITE carrying X-Lingxi-Supervision is
 * taken before it can ring (the phone's IncomingHook), checked by the gate, and either refused (403, no
 * media, a log line for IT) or answered at once with the mix: the lead hears customer and agent; in whisper
 * the agent also hears the lead (an <audio> element of its own); in barge the customer call's sender carries
 * agent + lead (replaceTrack), and gets the raw microphone back when the mode leaves barge. A mode switch is
 * a signed INFO in the leg; take over REFERs the customer to the lead with Replaces naming the leg, so the
 * lead's desktop knows the call it asked for. The leg ends with the customer call.
 */
import type { SupervisionPolicy } from '@common/contract/policy-supervision';
import { drop } from '@common/logging/drop';
import { SUPERVISION_HEADER, SUPERVISION_INFO_TYPE, type SupervisionWireMode } from '@common/supervision/supervision-protocol';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { createIceGatheringTimeout, type CallLifecycle, type PhoneEngine } from '../../phone';
import { createLogger } from '../../../platform/logger';
import type { ServiceStore } from '../../../platform/store';
import { customerNeedsMix, SupervisionMixer, type MixMode } from './supervision-mixer';
import { SupervisionGate, type Caller, type GateResult, type Lead } from './supervision-gate';

const log = createLogger('supervision');

/** The agent's phone as supervision uses it (PhoneEngine has all of it). */
export type AgentPhone = Pick<PhoneEngine, 'onIncoming' | 'callIdForSipCallId' | 'callAudio' | 'setOutgoingTrack' | 'sipSession' | 'hangup'>;

export interface AgentSupervisionDeps {
  policy: SupervisionPolicy;
  phone: AgentPhone;
  lifecycle: CallLifecycle;
  store: ServiceStore;
  iceServers: RTCIceServer[];
  /** The answer waits at most this long for ICE gathering (a blocked STUN/TURN server), as calls do. */
  iceGatheringTimeoutMs?: number;
  /** Where the agent hears the lead (whisper, barge); the app's speaker element by default. */
  createLeadAudio?: () => HTMLAudioElement;
}

/** Whether the agent is shown this mode, per `supervision.notifyAgent`. */
export function shownToAgent(notify: SupervisionPolicy['notifyAgent'], mode: MixMode): boolean {
  if (notify === 'always') return true;
  return notify === 'whisper-and-barge' && mode !== 'listen';
}

/** The caller identity headers of a request. */
function callerOf(request: IncomingRequest): Caller {
  const header = (name: string) => (request.hasHeader(name) ? request.getHeader(name) : undefined);
  const assertedIdentity = header('P-Asserted-Identity');
  return { from: header('From') ?? '', ...(assertedIdentity ? { assertedIdentity } : {}) };
}

/** Whether a request is a supervision mode switch (its Content-Type). */
function isModeSwitch(request: IncomingRequest): boolean {
  return request.method === 'INFO' && (request.getHeader('Content-Type') ?? '').toLowerCase().startsWith(SUPERVISION_INFO_TYPE);
}

/**
 * Answers in-dialog supervision INFOs itself (JsSIP would answer 200 before anyone looked): `handle` decides
 * the status; every other request goes on to JsSIP as before.
 */
function interceptModeSwitches(session: RTCSession, handle: (request: IncomingRequest) => Promise<number>): void {
  const target = session as unknown as { receiveRequest(request: IncomingRequest): void };
  const original = target.receiveRequest.bind(session);
  target.receiveRequest = (request) => {
    if (!isModeSwitch(request)) return original(request);
    // JsSIP's typings leave reply() off IncomingRequest.
    const reply = (status: number) => (request as unknown as { reply(status: number): void }).reply(status);
    handle(request).then(reply, () => reply(500));
  };
}

/** One accepted supervision leg. */
class Leg {
  private raw: MediaStreamTrack | null = null;
  private modeNow: MixMode = 'listen';
  private ended = false;

  constructor(
    readonly session: RTCSession,
    readonly lead: Lead,
    readonly target: string,
    readonly customerCallId: string,
    readonly mixer: SupervisionMixer,
    private readonly element: HTMLAudioElement,
    private readonly deps: AgentSupervisionDeps,
  ) {}

  get mode(): MixMode {
    return this.modeNow;
  }

  async setMode(mode: SupervisionWireMode): Promise<void> {
    if (mode === 'takeover') return this.takeOver();
    this.modeNow = mode;
    this.mixer.setMode(mode);
    const { phone, store, policy } = this.deps;
    if (customerNeedsMix(mode) && !this.raw) {
      this.raw = await phone.setOutgoingTrack(this.customerCallId, this.mixer.toCustomer);
    } else if (!customerNeedsMix(mode) && this.raw) {
      const raw = this.raw;
      this.raw = null;
      await phone.setOutgoingTrack(this.customerCallId, raw);
    }
    store.getState().setSupervisedShown(shownToAgent(policy.notifyAgent, mode) ? mode : null);
    log.info(`supervision by ${this.lead.uri}: ${mode}`);
  }

  /** The customer's call goes to the lead: REFER with Replaces naming this leg, which the lead's desktop answers. */
  private async takeOver(): Promise<void> {
    const customer = this.deps.phone.sipSession(this.customerCallId);
    if (!customer) return;
    await this.setMode('listen');
    log.info(`supervision by ${this.lead.uri}: take over`);
    const subscriber = customer.refer(this.lead.uri, { replaces: this.session }) as unknown as { on(event: string, fn: () => void): void } | false;
    if (!subscriber) {
      log.warn('take over: the customer call could not be referred (not confirmed)');
      return;
    }
    subscriber.on('accepted', () => this.deps.phone.hangup(this.customerCallId));
    subscriber.on('failed', () => log.warn('take over: the customer could not reach the lead'));
    subscriber.on('requestFailed', () => log.warn('take over: the customer refused the REFER'));
  }

  /** Ends the leg (the customer call ended, or the lead left): the customer keeps the raw microphone. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (!this.session.isEnded()) this.session.terminate();
    if (this.raw) await this.deps.phone.setOutgoingTrack(this.customerCallId, this.raw).catch(() => null);
    this.raw = null;
    this.element.pause();
    this.element.srcObject = null;
    this.element.remove();
    await this.mixer.stop();
    this.deps.store.getState().setSupervisedShown(null);
  }
}

/** Starts the agent's side: returns the stop function. */
export function startAgentSupervision(deps: AgentSupervisionDeps): () => void {
  const { phone, store, policy } = deps;
  const legs = new Set<Leg>();
  const liveCallId = (sipCallId: string): string | undefined => {
    const callId = phone.callIdForSipCallId(sipCallId);
    return callId && store.getState().calls.some((c) => c.id === callId && c.phase === 'active') ? callId : undefined;
  };
  const gate = new SupervisionGate({ policy: () => policy, hasCall: (id) => liveCallId(id) !== undefined });

  const refuse = (what: string, result: GateResult & { ok: false }, from: Caller): void =>
    log.warn(`supervision ${what} refused (${result.reason}) from ${from.assertedIdentity ?? from.from}: ${result.detail}`);

  const onModeSwitch = async (request: IncomingRequest, leg: Leg | undefined): Promise<number> => {
    const caller = callerOf(request);
    const result = await gate.checkModeSwitch(request.body ?? '', caller, leg ? { lead: leg.lead, call: leg.target } : undefined);
    if (!result.ok) {
      refuse('mode switch', result, caller);
      return 403;
    }
    if (leg) drop(leg.setMode(result.claim.mode), log, 'supervision mode switch');
    return 200;
  };

  const accept = async (session: RTCSession, request: IncomingRequest): Promise<void> => {
    const caller = callerOf(request);
    const result = await gate.checkInvite(request.getHeader(SUPERVISION_HEADER), caller);
    const customerCallId = result.ok ? liveCallId(result.claim.call) : undefined;
    const audio = customerCallId ? phone.callAudio(customerCallId) : null;
    if (!result.ok || !customerCallId || !audio?.remote || !audio.local) {
      if (!result.ok) refuse('INVITE', result, caller);
      else log.warn(`supervision INVITE refused: the call ${result.claim.call} has no audio to supervise`);
      session.terminate({ status_code: 403, reason_phrase: 'Forbidden' });
      return;
    }
    const mixer = new SupervisionMixer({ customer: audio.remote, agent: audio.local });
    const element = deps.createLeadAudio?.() ?? defaultLeadAudio();
    element.srcObject = mixer.toAgent;
    drop(element.play(), log, 'supervision audio');
    const leg = new Leg(session, result.lead, result.claim.call, customerCallId, mixer, element, deps);
    legs.add(leg);
    interceptModeSwitches(session, (info) => onModeSwitch(info, leg));
    session.on('peerconnection', ({ peerconnection }) =>
      peerconnection.addEventListener('track', (event) => {
        if (event.track.kind === 'audio') mixer.setLead(event.track);
      }),
    );
    const ice = createIceGatheringTimeout(deps.iceGatheringTimeoutMs ?? 2000);
    session.on('icecandidate', (event) => ice.onCandidate(event));
    const finish = () => {
      ice.dispose();
      legs.delete(leg);
      drop(leg.end(), log, 'supervision leg end');
    };
    session.on('ended', finish);
    session.on('failed', finish);
    session.answer({ mediaStream: new MediaStream([mixer.toLead]), pcConfig: { iceServers: deps.iceServers } });
    log.info(`supervision by ${result.lead.uri} accepted on call ${result.claim.call}`);
    await leg.setMode(result.claim.mode);
  };

  const removeHook = phone.onIncoming((session, request) => {
    if (!request.hasHeader(SUPERVISION_HEADER)) return undefined;
    accept(session, request).catch((error: unknown) => {
      log.error('supervision INVITE failed', error);
      if (!session.isEnded()) session.terminate({ status_code: 500 });
    });
    return 'claim';
  });

  const unsubscribe = deps.lifecycle.subscribe((event) => {
    // A mode switch on the customer's own call is no lead's: refused, whoever sends it.
    if (event.type === 'answered') {
      const session = phone.sipSession(event.call.id);
      if (session) interceptModeSwitches(session, (info) => onModeSwitch(info, undefined));
    }
    if (event.type === 'updated') for (const leg of legs) if (leg.customerCallId === event.call.id) leg.mixer.setAgentMuted(event.call.muted);
    if (event.type === 'ended') for (const leg of legs) if (leg.customerCallId === event.call.id) drop(leg.end(), log, 'supervision leg end');
  });

  return () => {
    removeHook();
    unsubscribe();
    for (const leg of legs) drop(leg.end(), log, 'supervision leg end');
  };
}

/** A hidden element in the page that plays what the agent hears of the lead. */
function defaultLeadAudio(): HTMLAudioElement {
  const element = document.createElement('audio');
  element.dataset.testid = 'supervision-audio';
  element.autoplay = true;
  element.hidden = true;
  document.body.append(element);
  return element;
}
