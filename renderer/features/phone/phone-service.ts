/**
 * Wires the SIP engine to the rest of the app: store snapshots, the call lifecycle other features
 * follow (the agent keeps the call history from it), ringing, auto-answer, power management. Components call the actions exported
 * here, never JsSIP.
 */
import type { LingxiApi } from '@common/contract/api';
import type { DeskPolicy } from '@common/contract/sign-in';
import type { ServiceStore } from '../../platform/store';
import { createLogger } from '../../platform/logger';
import { whenIdle } from '../../platform/when-idle';
import type { CallLifecyclePublisher } from './call-lifecycle';
import { Ringer } from './ringer';
import { PhoneEngine, type ConsultResult, type DialResult, type TransferResult } from './sip/phone-engine';
import type { RefusedCalls } from './sip/refusals';
import type { EngineConfig, MediaProvider } from './sip/types';


const log = createLogger('phone');
let engine: PhoneEngine | null = null;

/** Engine settings from the policy. */
export function engineConfigFrom(policy: DeskPolicy, userAgent: string): EngineConfig {
  const { sip } = policy;
  return {
    servers: sip.servers,
    uri: sip.uri,
    ...(sip.authorizationUser ? { authorizationUser: sip.authorizationUser } : {}),
    password: sip.password,
    displayName: sip.displayName,
    iceServers: sip.iceServers,
    iceGatheringTimeoutMs: sip.iceGatheringTimeoutMs,
    dtmf: sip.dtmf,
    registerExpires: sip.registerExpires,
    reconnectMinSeconds: sip.reconnectMinSeconds,
    reconnectMaxSeconds: sip.reconnectMaxSeconds,
    audio: policy.audio,
    userAgent,
    callWaiting: sip.callWaiting,
    keepAlive: sip.keepAlive,
  };
}

/** What the phone asks of the features above it, handed over by bootstrap. */
export interface PhonePorts {
  /** Whether an incoming call may ring now (the agent is Ready); false answers it 486 Busy Here. */
  acceptsCalls(): boolean;
  /** The output device the ringer plays on ('' = system default). */
  ringerSinkId(): string;
  /** Supplies each call's microphone (the devices feature); default getUserMedia. */
  media?: MediaProvider;
  /** Header lines every REGISTER carries (the policy's hash, so the server sees drift). */
  registerHeaders?: string[];
}

/**
 * Creates and starts the engine for a valid policy.
 * @param lifecycle where each call report is published, once the store holds it
 */
export function startPhone(policy: DeskPolicy, store: ServiceStore, lifecycle: CallLifecyclePublisher, host: LingxiApi, ports: PhonePorts): PhoneEngine {
  const { media } = ports;
  const ringer = new Ringer(() => ports.ringerSinkId());
  ringer.armOnFirstGesture();
  // Off the start's critical path, before a call can ring: the first ring must not pay for the audio output.
  whenIdle(() => ringer.warm());
  const autoAnswer = policy.sip.autoAnswer;
  const config = { ...engineConfigFrom(policy, `Lingxi/${__APP_VERSION__} (${host.host})`), media, registerHeaders: ports.registerHeaders ?? [] };
  const created = new PhoneEngine(config, {
    registration: (snapshot) => {
      log.info(`registration ${snapshot.state}${snapshot.reason ? ` (${snapshot.reason})` : ''}`);
      store.getState().setRegistration(snapshot);
    },
    shouldRejectIncoming: () => !ports.acceptsCalls(),
    refusedCalls: (tally) => {
      const previous = store.getState().refusedCalls;
      if (tally === null && previous) log.info(`${describeRefusals(previous)} refused while busy (not shown as calls)`);
      if (tally?.count === 1) log.info('refusing incoming calls with 486 Busy Here: counted, not shown');
      store.getState().setRefusedCalls(tally);
    },
    sipGuard: (note, error) => (error === undefined ? log.warn(note) : log.error(note, error)),
    callUpdated: (call) => {
      const state = store.getState();
      const isNew = !state.calls.some((c) => c.id === call.id);
      state.upsertCall(call);
      lifecycle.callUpdated(call, store.getState().calls);
      if (isNew && call.direction === 'incoming' && call.phase === 'ringing') {
        log.info(`incoming call from ${call.remoteNumber}`);
        // A call arriving while another is up is a waiting call: it rings softly and is never auto-answered.
        const waiting = store.getState().calls.some((c) => c.id !== call.id);
        ringer.start(waiting ? 'waiting' : 'normal');
        if (autoAnswer.enabled && !waiting) setTimeout(() => answer(call.id), autoAnswer.delayMs);
      }
      if (!store.getState().calls.some((c) => c.phase === 'ringing')) ringer.stop();
      void host.power.setCallActive(store.getState().calls.some((c) => c.phase === 'active'));
    },
    callEnded: (end) => {
      log.info(`call ended: ${end.outcome} (${end.statusCode ?? ''} ${end.cause})`);
      const state = store.getState();
      state.removeCall(end.call.id);
      lifecycle.callEnded(end, store.getState().calls);
      if (!state.calls.some((c) => c.phase === 'ringing')) ringer.stop();
      void host.power.setCallActive(state.calls.some((c) => c.phase === 'active'));
    },
  });
  engine = created;
  created.start();
  return created;
}

/** "12 calls (lines-full 2, no-call-waiting 10) from 10:00:01 to 10:00:11" for the log. */
function describeRefusals({ count, byReason, since, last }: RefusedCalls): string {
  const reasons = Object.entries(byReason).filter(([, n]) => n > 0).map(([reason, n]) => `${reason} ${n}`).join(', ');
  const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);
  return `${count} call${count === 1 ? '' : 's'} (${reasons}) from ${time(since)} to ${time(last)}`;
}

/** The running engine (null before a valid policy is loaded). */
export function getEngine(): PhoneEngine | null {
  return engine;
}

export async function dial(input: string): Promise<DialResult> {
  // Redacted on the way (a card number read out by mistake, the customer's number to its last four).
  log.info(`dialing ${input}`);
  return (await engine?.dial(input)) ?? { ok: false, error: 'not-registered' };
}
export function answer(callId: string): void {
  engine?.answer(callId).catch((error: unknown) => log.error('answer failed', error));
}
export function hangup(callId: string): void {
  engine?.hangup(callId);
}
export function setHold(callId: string, hold: boolean): void {
  engine?.setHold(callId, hold);
}
export function setMute(callId: string, mute: boolean): void {
  engine?.setMute(callId, mute);
}
export function sendDtmf(callId: string, tone: string): void {
  engine?.sendDtmf(callId, tone);
}
/** Puts the connected call on hold and resumes the held one. */
export function swapCalls(): void {
  engine?.swap();
}
/** Blind transfer of a connected call to what the agent typed. */
export function transfer(callId: string, target: string): TransferResult {
  return engine?.transfer(callId, target) ?? { ok: false, error: 'not-active' };
}
/** Attended transfer: the call on hold, a consultation call to what the agent typed. */
export async function consult(callId: string, target: string): Promise<ConsultResult> {
  return (await engine?.consult(callId, target)) ?? { ok: false, error: 'not-registered' };
}
/** Click-to-dial during a call, once the agent agreed: the connected call on hold, `target` dialled on the second line. */
export async function holdAndDial(callId: string, target: string): Promise<ConsultResult> {
  return (await engine?.holdAndDial(callId, target)) ?? { ok: false, error: 'not-registered' };
}
export function completeTransfer(consultCallId: string): TransferResult {
  return engine?.completeTransfer(consultCallId) ?? { ok: false, error: 'not-active' };
}
export function cancelTransfer(consultCallId: string): void {
  engine?.cancelTransfer(consultCallId);
}
/** Merges the two connected calls. Call it straight from the click handler: it starts WebAudio. */
export function startConference(): void {
  if (!engine?.startConference()) log.warn('conference not started: needs two connected calls');
}
export function hangupConference(): void {
  engine?.hangupConference();
}
