/**
 * The lead's side of a supervision call (issue 20 §2). Desktop mode (default): the host signs the request
 * (`supervision.sign`: the private key stays in main or in the browser host's memory) and the lead's phone
 * calls the agent with X-Lingxi-Supervision; the call is an ordinary call on the lead's phone (its audio
 * plays, Hang up ends it), the mode switches are signed INFOs in it, and a take over is accepted when the
 * customer's INVITE replaces this very leg. PBX mode (`supervision.featureCodes`): the buttons dial the
 * PBX's feature code for the agent's extension and switch mode with the DTMF digits.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import { formatModeSwitchBody, formatSupervisionHeader, SUPERVISION_HEADER, SUPERVISION_INFO_TYPE, type SupervisionWireMode } from '@common/supervision/supervision-protocol';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { CallLifecycle, PhoneEngine } from '../../phone';
import { createLogger } from '../../../platform/logger';
import type { ServiceStore } from '../../../platform/store';
import type { LeadSupervision, LeadSupervisionProblem } from './supervision-calls-slice';

const log = createLogger('supervision');

export type LeadPhone = Pick<PhoneEngine, 'dial' | 'sipSession' | 'sipCallId' | 'onIncoming' | 'sendDtmf' | 'hangup'>;

/** The agent a lead acts on: a board row (the agent's URI and name, and the customer call's SIP Call-ID). */
export interface SupervisionTarget {
  uri: string;
  name: string;
  call?: { id: string };
}

export interface LeadSupervisionDeps {
  policy: Policy;
  phone: LeadPhone;
  lifecycle: CallLifecycle;
  store: ServiceStore;
  host: Pick<LingxiApi, 'supervision' | 'secrets'>;
}

export interface LeadSupervisionActions {
  /** Starts supervising `target` in `mode`, or switches mode when already supervising that agent. */
  supervise(target: SupervisionTarget, mode: SupervisionWireMode): Promise<void>;
  /** Leaves: hangs up the supervision leg (the agent's call goes on untouched). */
  stop(): void;
  /** Stores the lead's private key (write-only) and says how it is kept. */
  saveKey(privateKey: string): ReturnType<LingxiApi['secrets']['set']>;
}

/** The extension of a SIP URI: its user part (`sip:1001@pbx` → `1001`). */
export function extensionOf(uri: string): string {
  return /^sips?:([^@;]+)@/i.exec(uri)?.[1] ?? uri;
}

/** The feature-code dial string for a mode, or null when the PBX has none for it (then listen + DTMF). */
export function featureCodeDial(codes: NonNullable<Policy['supervision']['featureCodes']>, mode: SupervisionWireMode, agentUri: string): string | null {
  const template = mode === 'takeover' ? undefined : codes[mode];
  return template ? template.replace('{extension}', extensionOf(agentUri)) : null;
}

export function startLeadSupervision(deps: LeadSupervisionDeps): LeadSupervisionActions {
  const { phone, store, host, policy } = deps;
  const codes = policy.supervision.featureCodes;
  /** The leg whose replacement (the customer's call, after take over) this desktop answers at once. */
  let takeoverOf: string | undefined;
  const current = () => store.getState().leadSupervision;
  const set = (value: LeadSupervision | null) => store.getState().setLeadSupervision(value);
  const problem = (value: LeadSupervisionProblem | null) => store.getState().setLeadSupervisionProblem(value);

  phone.onIncoming((_session, request) => {
    const replaces = (request as unknown as { replaces?: { call_id: string } }).replaces;
    return takeoverOf !== undefined && replaces?.call_id === takeoverOf ? 'answer' : undefined;
  });

  deps.lifecycle.subscribe((event) => {
    const now = current();
    if (!now || event.call.id !== now.callId) return;
    if (event.type === 'answered') set({ ...now, state: 'active' });
    if (event.type === 'ended') {
      set(null);
      if (event.end.statusCode === 403) problem({ code: 'refused' });
      else if (now.state === 'connecting') problem({ code: 'failed', detail: `${event.end.statusCode ?? ''} ${event.end.cause}`.trim() });
    }
  });

  const sign = async (purpose: 'invite' | 'mode', mode: SupervisionWireMode, call: string) => {
    const signed = await host.supervision.sign({ purpose, mode, call });
    if (!signed.ok) {
      log.warn(`supervision not signed (${signed.error}): ${signed.message}`);
      problem({ code: signed.error, detail: signed.message });
      return null;
    }
    return signed.claim;
  };

  /** The take over answer: JsSIP asks the leg before creating the replacing call. */
  const watchLeg = (session: RTCSession, callId: string) =>
    session.on('replaces', (event) => {
      const sipCallId = phone.sipCallId(callId);
      if (sipCallId && sipCallId === takeoverOf) event.accept();
      else event.reject();
    });

  const switchMode = async (now: LeadSupervision, mode: SupervisionWireMode): Promise<void> => {
    if (now.via === 'pbx') {
      const digits = mode === 'takeover' ? undefined : codes?.switchDigits[mode];
      if (!digits || !now.callId) return;
      phone.sendDtmf(now.callId, digits);
      set({ ...now, mode });
      return;
    }
    const session = now.callId ? phone.sipSession(now.callId) : undefined;
    if (!session) return;
    const claim = await sign('mode', mode, now.target);
    if (!claim) return;
    if (mode === 'takeover' && now.callId) takeoverOf = phone.sipCallId(now.callId);
    session.once('newInfo', ({ info }) => {
      info.on('succeeded', () => {
        const latest = current();
        if (latest && latest.callId === now.callId) set({ ...latest, mode });
      });
      info.on('failed', () => problem({ code: 'refused' }));
    });
    session.sendInfo(SUPERVISION_INFO_TYPE, formatModeSwitchBody(claim));
  };

  const startDesktop = async (target: SupervisionTarget, mode: SupervisionWireMode, call: string): Promise<void> => {
    const claim = await sign('invite', mode, call);
    if (!claim) return;
    performance.mark('lingxi:supervision-signed');
    const placed = await phone.dial(target.uri, [`${SUPERVISION_HEADER}: ${formatSupervisionHeader(claim)}`]);
    if (!placed.ok) return problem({ code: 'failed', detail: placed.error });
    const session = phone.sipSession(placed.callId);
    if (session) watchLeg(session, placed.callId);
    if (mode === 'takeover') takeoverOf = phone.sipCallId(placed.callId);
    set({ agentUri: target.uri, agentName: target.name, callId: placed.callId, target: call, mode, via: 'desktop', state: 'connecting' });
  };

  const startPbx = async (target: SupervisionTarget, mode: SupervisionWireMode, call: string): Promise<void> => {
    if (!codes) return;
    const direct = featureCodeDial(codes, mode, target.uri);
    const dial = direct ?? featureCodeDial(codes, 'listen', target.uri);
    if (!dial) return;
    const placed = await phone.dial(dial);
    if (!placed.ok) return problem({ code: 'failed', detail: placed.error });
    set({ agentUri: target.uri, agentName: target.name, callId: placed.callId, target: call, mode: direct ? mode : 'listen', via: 'pbx', state: 'connecting' });
    if (direct || mode === 'takeover') return;
    // No code of its own for this mode: once the PBX answers, the switch digits ask for it.
    const unsubscribe = deps.lifecycle.subscribe((event) => {
      if (event.call.id !== placed.callId) return;
      if (event.type === 'answered') {
        const now = current();
        if (now) void switchMode(now, mode);
      }
      if (event.type === 'answered' || event.type === 'ended') unsubscribe();
    });
  };

  return {
    async supervise(target, mode) {
      problem(null);
      const now = current();
      if (now && now.agentUri === target.uri) return switchMode(now, mode);
      if (now) return problem({ code: 'failed', detail: `already supervising ${now.agentName}` });
      // The PBX supervises an extension (its spy waits for a call); a desktop supervises one call.
      if (codes) return startPbx(target, mode, target.call?.id ?? '');
      if (!target.call) return problem({ code: 'no-call' });
      return startDesktop(target, mode, target.call.id);
    },
    stop() {
      const now = current();
      if (now?.callId) phone.hangup(now.callId);
    },
    saveKey: (privateKey) => host.secrets.set('supervision.privateKey', privateKey),
  };
}
