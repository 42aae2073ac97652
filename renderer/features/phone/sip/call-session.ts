/**
 * One call: wraps a JsSIP RTCSession, owns its MediaStreams, and reports serializable snapshots.
 * Knows nothing of React or the store.
 */
import type { ReInviteEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { createIceGatheringTimeout } from './ice-timeout';
import { classifyOutcome } from './outcome';
import { REOFFER_WINDOW_MS, REOFFERS_PER_WINDOW, ReofferLimit } from './reoffer-limit';
import { userPart } from './target';
import type { CallDirection, CallEnd, CallPhase, CallSnapshot, DtmfMethod, InviteOrigin } from './types';

const CTI_HEADER = /^x-/i;
const DTMF_TONE_MS = 100;
const DTMF_GAP_MS = 70;
/** JsSIP refuses hold/unhold while an offer/answer is in flight; retry for up to ~5 s. */
const HOLD_RETRY_MS = 100;
const HOLD_RETRIES = 50;

export interface CallSessionHooks {
  updated(call: CallSnapshot): void;
  ended(end: CallEnd): void;
  remoteStream(stream: MediaStream | null): void;
  /** The call's audio transceiver was just created (inside addTrack): the one moment encoded taps can be set. */
  audioTransceiver?(transceiver: RTCRtpTransceiver): void;
  /** ICE failed on this call's media path (network change): the engine restarts ICE once it can signal. */
  iceFailed?(): void;
  /** The call refused a peer's request to protect itself (a re-INVITE flood), for the log. */
  guarded?(note: string): void;
}

/** Whether the media path needs an ICE restart to recover (after a network change or a long outage). */
export function needsIceRestart(state: RTCIceConnectionState): boolean {
  return state === 'failed' || state === 'disconnected';
}

/** Reads the X-* CTI headers (X-Customer-Id, X-Intent, …) from an incoming INVITE. */
export function readCtiHeaders(request: IncomingRequest | undefined): Record<string, string> {
  const cti: Record<string, string> = {};
  if (!request) return cti;
  // JsSIP keeps parsed headers in `headers` (normalized names) but does not declare it in its typings.
  const headers = (request as unknown as { headers?: Record<string, unknown> }).headers ?? {};
  for (const name of Object.keys(headers)) {
    if (!CTI_HEADER.test(name)) continue;
    const value = request.getHeader(name);
    if (value) cti[name.toLowerCase()] = value;
  }
  return cti;
}

/** Who sent an incoming INVITE (From, P-Asserted-Identity, Call-ID), as strings for the snapshot. */
export function readInviteOrigin(request: IncomingRequest | undefined): InviteOrigin | undefined {
  if (!request) return undefined;
  // JsSIP's typings say string, but an absent header is undefined.
  const header = (name: string) => request.getHeader(name) as string | undefined;
  const assertedIdentity = header('P-Asserted-Identity');
  return { from: header('From') ?? '', ...(assertedIdentity ? { assertedIdentity } : {}), callId: header('Call-ID') ?? '' };
}

export class CallSession {
  private snapshot: CallSnapshot;
  private readonly ice;
  private remote: MediaStream | null = null;
  /** The status we rejected with: JsSIP reports local rejections without a response. */
  private localStatus: number | undefined;
  /** The hold state the agent asked for; applied (and retried) until JsSIP agrees. */
  private wantHold: boolean | undefined;
  private holdRetry: ReturnType<typeof setTimeout> | undefined;
  private readonly reoffers = new ReofferLimit();

  constructor(
    readonly session: RTCSession,
    direction: CallDirection,
    private readonly hooks: CallSessionHooks,
    iceGatheringTimeoutMs: number,
    request?: IncomingRequest,
    sipCallId?: string,
  ) {
    const identity = session.remote_identity;
    this.snapshot = {
      id: session.id,
      direction,
      remoteNumber: identity?.uri?.user ?? userPart(String(identity?.uri ?? '')),
      remoteName: identity?.display_name ?? '',
      phase: direction === 'incoming' ? 'ringing' : 'dialing',
      startedAt: Date.now(),
      heldLocally: false,
      heldRemotely: false,
      muted: false,
      cti: readCtiHeaders(request),
      ...(sipCallId ? { sipCallId } : {}),
    };
    const invite = readInviteOrigin(request);
    if (invite) this.snapshot.invite = invite;
    this.ice = createIceGatheringTimeout(iceGatheringTimeoutMs);
    this.bind();
    if (session.connection) this.watchPeerConnection(session.connection);
  }

  get id(): string {
    return this.snapshot.id;
  }

  get current(): CallSnapshot {
    return this.snapshot;
  }

  get remoteStream(): MediaStream | null {
    return this.remote;
  }

  /** The track the remote party's audio arrives on (kept by the receiver across hold, unlike the stream's). */
  get remoteTrack(): MediaStreamTrack | null {
    return this.audioTransceiver()?.receiver.track ?? null;
  }

  /** The remote party's address of record (the Refer-To target of an attended transfer). */
  get remoteUri(): string {
    return String(this.session.remote_identity?.uri ?? '');
  }

  /** Connected and not ended: in-dialog requests (hold, REFER) can go out. */
  get established(): boolean {
    return this.snapshot.phase === 'active' && !this.session.isEnded();
  }

  /** Merges engine-level state (transfer, consultation, conference) into the snapshot and publishes it. */
  patch(patch: Partial<CallSnapshot>): void {
    if (this.snapshot.phase === 'ended') return;
    this.update(patch);
  }

  /** Answers with the given microphone stream (the engine acquired it from the media provider). */
  answer(microphone: MediaStream, iceServers: RTCIceServer[]): void {
    this.update({ phase: 'connecting' });
    this.session.answer({ mediaStream: microphone, pcConfig: { iceServers } });
  }

  /** The call's RTCPeerConnection (for stats and track replacement), once it exists. */
  get peerConnection(): RTCPeerConnection | null {
    return this.session.connection ?? null;
  }

  /**
   * Swaps the microphone track without renegotiation (replaceTrack: no re-INVITE), keeping mute.
   * The previous track is stopped.
   */
  async replaceMicrophone(track: MediaStreamTrack): Promise<void> {
    const sender = this.audioSender();
    if (!sender) {
      // No call audio yet (still ringing): nobody will own this track, so release the microphone.
      track.stop();
      return;
    }
    const previous = sender.track;
    track.enabled = !this.snapshot.muted && !this.snapshot.heldLocally;
    await sender.replaceTrack(track);
    previous?.stop();
  }

  /** The track on the audio sender now (the microphone, or a conference mix). */
  get outgoingTrack(): MediaStreamTrack | null {
    return this.audioSender()?.track ?? null;
  }

  /** Puts `track` on the audio sender without renegotiation and returns the previous track, not stopped. */
  async setOutgoingTrack(track: MediaStreamTrack): Promise<MediaStreamTrack | null> {
    const sender = this.audioSender();
    if (!sender) return null;
    const previous = sender.track;
    await sender.replaceTrack(track);
    return previous;
  }

  /** Declines a ringing call, or hangs up an active one. */
  hangup(statusCode?: number): void {
    if (this.session.isEnded()) return;
    this.localStatus = statusCode;
    this.session.terminate(statusCode ? { status_code: statusCode } : {});
  }

  /** Puts the call on hold or resumes it; a request JsSIP cannot send yet (re-INVITE in flight) is retried. */
  setHold(hold: boolean): void {
    this.wantHold = hold;
    this.applyHold(0);
  }

  /** Re-INVITE with an ICE restart, so media finds a path again after the network changed. */
  restartIce(): boolean {
    if (!this.established) return false;
    return this.session.renegotiate({ rtcOfferConstraints: { iceRestart: true } });
  }

  /** Whether this call's media path is down and needs restartIce(). */
  get iceNeedsRestart(): boolean {
    const pc = this.session.connection;
    return Boolean(pc) && this.established && needsIceRestart((pc as RTCPeerConnection).iceConnectionState);
  }

  setMute(mute: boolean): void {
    if (mute) this.session.mute({ audio: true });
    else this.session.unmute({ audio: true });
  }

  sendDtmf(tones: string, method: DtmfMethod): void {
    // JsSIP's DTMF_TRANSPORT enum is declared, not exported at runtime under that type: use its string values.
    // JsSIP's default 500 ms gap makes a typed IVR sequence crawl; 100 ms tones with 70 ms gaps are
    // well above the ITU-T Q.24 minimum (40 ms each) that IVRs and PBXs detect.
    this.session.sendDTMF(tones, {
      transportType: (method === 'info' ? 'INFO' : 'RFC2833') as never,
      duration: DTMF_TONE_MS,
      interToneGap: DTMF_GAP_MS,
    });
  }

  private applyHold(attempt: number): void {
    if (this.holdRetry !== undefined) clearTimeout(this.holdRetry);
    this.holdRetry = undefined;
    if (this.wantHold === undefined || this.session.isEnded()) return;
    if (this.session.isOnHold().local === this.wantHold) return;
    const sent = this.wantHold ? this.session.hold() : this.session.unhold();
    if (!sent && attempt < HOLD_RETRIES) this.holdRetry = setTimeout(() => this.applyHold(attempt + 1), HOLD_RETRY_MS);
  }

  private audioTransceiver(): RTCRtpTransceiver | undefined {
    // The receiver's track always exists and keeps its kind, whatever the sender carries.
    return this.session.connection?.getTransceivers().find((t) => t.receiver.track.kind === 'audio');
  }

  private audioSender(): RTCRtpSender | undefined {
    return this.audioTransceiver()?.sender;
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.hooks.updated(this.snapshot);
  }

  private bind(): void {
    const s = this.session;
    s.on('peerconnection', ({ peerconnection }) => this.watchPeerConnection(peerconnection));
    s.on('icecandidate', (event) => this.ice.onCandidate(event));
    s.on('progress', () => {
      if (this.snapshot.direction === 'outgoing') this.update({ phase: 'early' });
    });
    s.on('accepted', () => this.update({ phase: 'active', answeredAt: Date.now() }));
    s.on('confirmed', () => {
      if (this.snapshot.phase !== 'active') this.update({ phase: 'active', answeredAt: this.snapshot.answeredAt ?? Date.now() });
    });
    s.on('hold', ({ originator }) => this.update(originator === 'local' ? { heldLocally: true } : { heldRemotely: true }));
    s.on('unhold', ({ originator }) => this.update(originator === 'local' ? { heldLocally: false } : { heldRemotely: false }));
    s.on('muted', () => this.update({ muted: true }));
    s.on('unmuted', () => this.update({ muted: false }));
    s.on('reinvite', (event) => this.limitReoffer(event));
    s.on('update', (event) => this.limitReoffer(event));
    s.on('ended', (event) => this.finish(event.originator, event.cause, undefined));
    s.on('failed', (event) => {
      const message = event.message as { status_code?: number; reason_phrase?: string } | undefined;
      this.finish(event.originator, event.cause, message?.status_code, message?.reason_phrase);
    });
  }

  /** A re-INVITE or UPDATE beyond the rate real peers need gets 491, before JsSIP touches the media. */
  private limitReoffer(event: ReInviteEvent): void {
    if (this.reoffers.allow()) return;
    event.reject({ status_code: 491, reason_phrase: 'Request Pending' });
    if (this.reoffers.refused === 1) {
      this.hooks.guarded?.(`sip guard: call ${this.id}: more than ${REOFFERS_PER_WINDOW} re-INVITEs/UPDATEs in ${REOFFER_WINDOW_MS / 1000} s, answering 491 beyond that`);
    }
  }

  private watchPeerConnection(pc: RTCPeerConnection): void {
    this.reportAudioTransceiver(pc);
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') this.hooks.iceFailed?.();
    });
    pc.addEventListener('track', (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.remote = stream;
      this.hooks.remoteStream(stream);
    });
  }

  /**
   * Chromium applies an encoded transform only when it is set as the transceiver is created (later, even
   * before any media flows, it is silently ignored). JsSIP creates the call's audio transceiver with
   * addTrack, so that one call is where the transceiver is reported, synchronously.
   */
  private reportAudioTransceiver(pc: RTCPeerConnection): void {
    const report = this.hooks.audioTransceiver;
    if (!report) return;
    const addTrack = pc.addTrack.bind(pc);
    pc.addTrack = (track, ...streams) => {
      const sender = addTrack(track, ...streams);
      const transceiver = pc.getTransceivers().find((t) => t.sender === sender);
      if (transceiver && track.kind === 'audio') report(transceiver);
      return sender;
    };
  }

  private finish(originator: string, cause: string, statusCode: number | undefined, reasonPhrase?: string): void {
    if (this.snapshot.phase === 'ended') return;
    this.ice.dispose();
    if (this.holdRetry !== undefined) clearTimeout(this.holdRetry);
    const answered = this.snapshot.answeredAt !== undefined;
    statusCode ??= originator === 'local' ? this.localStatus : undefined;
    const outcome = classifyOutcome(this.snapshot.direction, answered, originator, cause, statusCode);
    this.update({ phase: 'ended' satisfies CallPhase, endedAt: Date.now() });
    this.stopLocalMedia();
    this.remote = null;
    this.hooks.remoteStream(null);
    this.hooks.ended({
      call: this.snapshot,
      outcome,
      cause,
      ...(statusCode ? { statusCode } : {}),
      ...(reasonPhrase ? { reasonPhrase } : {}),
    });
  }

  /** JsSIP stops the streams it created, not always the senders' tracks of a failed answer: make sure the mic is released. */
  private stopLocalMedia(): void {
    const pc = this.session.connection;
    if (!pc) return;
    for (const sender of pc.getSenders()) sender.track?.stop();
  }
}
