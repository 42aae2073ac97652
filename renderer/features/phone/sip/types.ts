/** Serializable shapes the SIP engine pushes to the store. No JsSIP or MediaStream objects here. */
import type { CallDirection, CallOutcome } from '@common/contract/call';
import type { RefusedCalls } from './refusals';

export type RegistrationState = 'connecting' | 'registered' | 'unregistered' | 'failed';

export interface RegistrationSnapshot {
  state: RegistrationState;
  /** Why registration failed or was lost, as a stable code the UI translates. */
  reason?: RegistrationFailure;
  /** The server the transport is using, for the status tooltip. */
  server?: string;
}

export type RegistrationFailure = 'auth' | 'network' | 'timeout' | 'rejected' | 'config';

/** Direction and outcome are shared vocabulary (stored history, supervision): see common/contract/call.ts. */
export type { CallDirection, CallOutcome };

/** Where a call is in its life; exhaustive switches use assertNever. */
export type CallPhase = 'ringing' | 'dialing' | 'early' | 'connecting' | 'active' | 'ended';

export interface CallSnapshot {
  id: string;
  /** The SIP Call-ID of the call's dialog (the engine's `id` is JsSIP's Call-ID + tag). */
  sipCallId?: string;
  direction: CallDirection;
  /** The remote party's number (SIP user part), as dialled or as presented. */
  remoteNumber: string;
  remoteName: string;
  phase: CallPhase;
  /** Epoch ms. */
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  heldLocally: boolean;
  heldRemotely: boolean;
  muted: boolean;
  /** CTI headers from the INVITE (X-*), for screen pop. Untrusted as they stand: screen pop decides whether to believe them. */
  cti: Record<string, string>;
  /** Who sent an incoming call's INVITE, for screen pop's CTI trust decision; absent on outgoing calls. */
  invite?: InviteOrigin;
  /** A transfer of this call in progress or just failed (the call is the one being handed over). */
  transfer?: TransferSnapshot;
  /** Set on a consultation call: the id of the call the agent means to transfer. */
  consultOf?: string;
  /** Set on both legs while the agent has merged them into a three-way conference. */
  conferenceId?: string;
}

/** How a call is being handed over: REFER to a number, or REFER with Replaces after a consultation. */
export type TransferKind = 'blind' | 'attended';

/**
 * consulting: the agent is talking to the colleague (attended only);
 * transferring: REFER sent, waiting for the transferee's final NOTIFY;
 * failed: the call stayed with the agent; `failure` says why.
 */
export type TransferState = 'consulting' | 'transferring' | 'failed';

export interface TransferSnapshot {
  kind: TransferKind;
  /** The number the call goes to. */
  target: string;
  state: TransferState;
  failure?: TransferFailure;
}

/** Why a transfer failed: the SIP status when there is one (486 Busy Here), else a stable cause code. */
export interface TransferFailure {
  statusCode?: number;
  /** The SIP reason phrase, or a cause code the UI translates: 'timeout' | 'connection' | 'rejected'. */
  reason: string;
}

/** The INVITE's identity headers, raw as received (JsSIP objects stay in the engine). */
export interface InviteOrigin {
  /** The From header's value. */
  from: string;
  /** The first P-Asserted-Identity header's value, when the INVITE had one. */
  assertedIdentity?: string;
  callId: string;
}

export interface CallEnd {
  call: CallSnapshot;
  outcome: CallOutcome;
  /** JsSIP cause or SIP status, for the log and the history tooltip. */
  cause: string;
  statusCode?: number;
  /** The SIP reason phrase of the final response, when the call failed on one. */
  reasonPhrase?: string;
}

export type DtmfMethod = 'rfc2833' | 'info';

export interface EngineConfig {
  servers: string[];
  uri: string;
  authorizationUser?: string;
  password: string;
  displayName: string;
  iceServers: RTCIceServer[];
  iceGatheringTimeoutMs: number;
  dtmf: DtmfMethod;
  registerExpires: number;
  reconnectMinSeconds: number;
  reconnectMaxSeconds: number;
  audio: MediaTrackConstraints;
  userAgent: string;
  /** Supplies the microphone for each call (chosen device, processing); default: getUserMedia(audio). */
  media?: MediaProvider;
  /** Take a second incoming call while on one (default true); false answers it 486 Busy Here. */
  callWaiting?: boolean;
  /** SIP OPTIONS liveness probe over the WebSocket (default every 5 s, 4 s to answer). */
  keepAlive?: KeepAliveConfig;
  /** Extra header lines on every REGISTER (`X-Lingxi-Policy: sha256=…; sources=machine`). */
  registerHeaders?: string[];
}

export interface KeepAliveConfig {
  intervalSeconds: number;
  /** No answer within this long means the WebSocket is dead; it also bounds the WebSocket handshake. */
  timeoutSeconds: number;
}

/** Where call audio comes from: the devices feature implements it with the agent's chosen microphone. */
export interface MediaProvider {
  /** A fresh microphone stream for a new call. The engine stops it when the call ends. */
  acquireMicrophone(): Promise<MediaStream>;
}

export interface EngineListener {
  registration(snapshot: RegistrationSnapshot): void;
  callUpdated(call: CallSnapshot): void;
  callEnded(end: CallEnd): void;
  /**
   * Decides, per incoming INVITE, whether to refuse it at once with 486 (agent not ready). The engine
   * itself refuses a call that would exceed two lines, or any second call when call waiting is off.
   * A refused INVITE never becomes a call: it is only counted (refusedCalls).
   */
  shouldRejectIncoming(): boolean;
  /** The running count of refused calls (throttled, see refusals.ts); null when a new busy stretch starts. */
  refusedCalls?(tally: RefusedCalls | null): void;
  /** The SIP guard answered, dropped or amended a hostile message, or JsSIP threw on one (for the log). */
  sipGuard?(note: string, error?: unknown): void;
}
