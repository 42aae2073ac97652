/** Serializable shapes the SIP engine pushes to the store. No JsSIP or MediaStream objects here. */

export type RegistrationState = 'connecting' | 'registered' | 'unregistered' | 'failed';

export interface RegistrationSnapshot {
  state: RegistrationState;
  /** Why registration failed or was lost, as a stable code the UI translates. */
  reason?: RegistrationFailure;
  /** The server the transport is using, for the status tooltip. */
  server?: string;
}

export type RegistrationFailure = 'auth' | 'network' | 'timeout' | 'rejected' | 'config';

export type CallDirection = 'incoming' | 'outgoing';

/** Where a call is in its life; exhaustive switches use assertNever. */
export type CallPhase = 'ringing' | 'dialing' | 'early' | 'connecting' | 'active' | 'ended';

export type CallOutcome = 'answered' | 'declined' | 'missed' | 'busy' | 'cancelled' | 'no-answer' | 'failed';

export interface CallSnapshot {
  id: string;
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
  /** CTI headers from the INVITE (X-*), for screen pop. */
  cti: Record<string, string>;
}

export interface CallEnd {
  call: CallSnapshot;
  outcome: CallOutcome;
  /** JsSIP cause or SIP status, for the log and the history tooltip. */
  cause: string;
  statusCode?: number;
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
  /** Decides, per incoming call, whether to reject it at once with 486 (agent not ready, busy). */
  shouldRejectIncoming(call: CallSnapshot): boolean;
}
