/**
 * One call: wraps a JsSIP RTCSession, owns its MediaStreams, and reports serializable snapshots.
 * Knows nothing of React or the store.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { createIceGatheringTimeout } from './ice-timeout';
import { classifyOutcome } from './outcome';
import { userPart } from './target';
import type { CallDirection, CallEnd, CallPhase, CallSnapshot, DtmfMethod } from './types';

const CTI_HEADER = /^x-/i;
const DTMF_TONE_MS = 100;
const DTMF_GAP_MS = 70;

export interface CallSessionHooks {
  updated(call: CallSnapshot): void;
  ended(end: CallEnd): void;
  remoteStream(stream: MediaStream | null): void;
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

export class CallSession {
  private snapshot: CallSnapshot;
  private readonly ice;
  private remote: MediaStream | null = null;
  /** The status we rejected with: JsSIP reports local rejections without a response. */
  private localStatus: number | undefined;

  constructor(
    readonly session: RTCSession,
    direction: CallDirection,
    private readonly hooks: CallSessionHooks,
    iceGatheringTimeoutMs: number,
    request?: IncomingRequest,
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
    };
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
    const pc = this.session.connection;
    if (!pc) return;
    const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender) return;
    const previous = sender.track;
    track.enabled = !this.snapshot.muted && !this.snapshot.heldLocally;
    await sender.replaceTrack(track);
    previous?.stop();
  }

  /** Declines a ringing call, or hangs up an active one. */
  hangup(statusCode?: number): void {
    if (this.session.isEnded()) return;
    this.localStatus = statusCode;
    this.session.terminate(statusCode ? { status_code: statusCode } : {});
  }

  setHold(hold: boolean): void {
    if (hold) this.session.hold();
    else this.session.unhold();
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
    s.on('ended', (event) => this.finish(event.originator, event.cause, undefined));
    s.on('failed', (event) => {
      const message = event.message as { status_code?: number } | undefined;
      this.finish(event.originator, event.cause, message?.status_code);
    });
  }

  private watchPeerConnection(pc: RTCPeerConnection): void {
    pc.addEventListener('track', (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.remote = stream;
      this.hooks.remoteStream(stream);
    });
  }

  private finish(originator: string, cause: string, statusCode: number | undefined): void {
    if (this.snapshot.phase === 'ended') return;
    this.ice.dispose();
    const answered = this.snapshot.answeredAt !== undefined;
    statusCode ??= originator === 'local' ? this.localStatus : undefined;
    const outcome = classifyOutcome(this.snapshot.direction, answered, originator, cause, statusCode);
    this.update({ phase: 'ended' satisfies CallPhase, endedAt: Date.now() });
    this.stopLocalMedia();
    this.remote = null;
    this.hooks.remoteStream(null);
    this.hooks.ended({ call: this.snapshot, outcome, cause, ...(statusCode ? { statusCode } : {}) });
  }

  /** JsSIP stops the streams it created, not always the senders' tracks of a failed answer: make sure the mic is released. */
  private stopLocalMedia(): void {
    const pc = this.session.connection;
    if (!pc) return;
    for (const sender of pc.getSenders()) sender.track?.stop();
  }
}
