/**
 * The softphone engine: one JsSIP UA, its registration and its calls. No React; it pushes
 * serializable snapshots to a listener (the store) and keeps JsSIP sessions and MediaStreams itself.
 */
import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { CallSession } from './call-session';
import { toDialTarget } from './target';
import type { EngineConfig, EngineListener, RegistrationFailure, RegistrationSnapshot } from './types';

const AUTH_CAUSE = 'Authentication Error';

export type DialResult = { ok: true; callId: string } | { ok: false; error: 'empty' | 'invalid' | 'busy' | 'not-registered' };

export class PhoneEngine {
  private ua: UA | null = null;
  private readonly calls = new Map<string, CallSession>();
  private readonly streamListeners = new Set<(callId: string, stream: MediaStream | null) => void>();
  private registration: RegistrationSnapshot = { state: 'unregistered' };

  constructor(
    private readonly config: EngineConfig,
    private readonly listener: EngineListener,
  ) {}

  /** Connects and registers. Safe to call again after stop(). */
  start(): void {
    if (this.ua) return;
    const { config } = this;
    // Weights make JsSIP try servers in the policy's order (highest weight first).
    const sockets = config.servers.map((url, index) => ({
      socket: new WebSocketInterface(url),
      weight: config.servers.length - index,
    }));
    const ua = new UA({
      sockets,
      uri: config.uri,
      password: config.password,
      ...(config.authorizationUser ? { authorization_user: config.authorizationUser } : {}),
      display_name: config.displayName,
      register: true,
      register_expires: config.registerExpires,
      connection_recovery_min_interval: config.reconnectMinSeconds,
      connection_recovery_max_interval: config.reconnectMaxSeconds,
      session_timers: false,
      user_agent: config.userAgent,
    });
    this.ua = ua;
    ua.on('connecting', () => this.setRegistration({ state: 'connecting' }));
    ua.on('registered', () => {
      performance.mark('lingxi:registered');
      this.setRegistration({ state: 'registered' });
    });
    ua.on('unregistered', () => {
      if (this.registration.state !== 'failed') this.setRegistration({ state: 'unregistered' });
    });
    ua.on('disconnected', () => {
      if (this.registration.state === 'failed' && this.registration.reason === 'auth') return;
      this.setRegistration({ state: 'connecting', reason: 'network' });
    });
    ua.on('registrationFailed', ({ cause }) => this.setRegistration({ state: 'failed', reason: failureReason(cause) }));
    ua.on('newRTCSession', (event: RTCSessionEvent) => this.onNewSession(event));
    performance.mark('lingxi:registering');
    this.setRegistration({ state: 'connecting' });
    ua.start();
  }

  /** Unregisters, ends every call and closes the transport. */
  stop(): void {
    const ua = this.ua;
    if (!ua) return;
    this.ua = null;
    ua.removeAllListeners();
    ua.stop();
    for (const call of this.calls.values()) call.hangup();
    this.setRegistration({ state: 'unregistered' });
  }

  /**
   * The OS says the network is back or the machine woke up: do not wait for the backoff timer.
   * With no call up the UA is rebuilt (a fresh WebSocket); during a call only the registration is refreshed.
   */
  reconnectNow(): void {
    if (!this.ua) return;
    if (this.calls.size > 0) {
      if (this.ua.isConnected()) this.ua.register();
      return;
    }
    if (this.registration.state === 'registered' && this.ua.isConnected()) {
      this.ua.register();
      return;
    }
    this.stop();
    this.start();
  }

  /** Places a call to what the agent typed. */
  async dial(input: string): Promise<DialResult> {
    const target = toDialTarget(input, this.config.uri);
    if (!target.ok) return target;
    if (!this.ua || this.registration.state !== 'registered') return { ok: false, error: 'not-registered' };
    if (this.calls.size > 0) return { ok: false, error: 'busy' };
    const microphone = await this.acquireMicrophone();
    if (!this.ua) {
      stopStream(microphone);
      return { ok: false, error: 'not-registered' };
    }
    const session = this.ua.call(target.uri, {
      mediaStream: microphone,
      pcConfig: { iceServers: this.config.iceServers },
    });
    return { ok: true, callId: session.id };
  }

  async answer(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) return;
    const microphone = await this.acquireMicrophone();
    // The caller may have hung up while the microphone opened.
    if (this.calls.get(callId) !== call || call.current.phase !== 'ringing') {
      stopStream(microphone);
      return;
    }
    call.answer(microphone, this.config.iceServers);
  }

  /** The call's peer connection, for call-quality stats. */
  peerConnection(callId: string): RTCPeerConnection | null {
    return this.calls.get(callId)?.peerConnection ?? null;
  }

  /** Moves every call to a new microphone track (device change, hot-plug) without a re-INVITE. */
  async replaceMicrophone(stream: MediaStream): Promise<void> {
    const [track] = stream.getAudioTracks();
    if (!track) return;
    const calls = [...this.calls.values()];
    // Each call needs its own track: a track stopped for one call must not silence another.
    await Promise.all(calls.map((call, index) => call.replaceMicrophone(index === 0 ? track : track.clone())));
    if (calls.length === 0) track.stop();
  }

  private acquireMicrophone(): Promise<MediaStream> {
    if (this.config.media) return this.config.media.acquireMicrophone();
    return navigator.mediaDevices.getUserMedia({ audio: this.config.audio, video: false });
  }

  /** Declines a ringing call (603 Decline) or hangs up. */
  hangup(callId: string): void {
    const call = this.calls.get(callId);
    if (!call) return;
    call.hangup(call.current.phase === 'ringing' ? 603 : undefined);
  }

  setHold(callId: string, hold: boolean): void {
    this.calls.get(callId)?.setHold(hold);
  }

  setMute(callId: string, mute: boolean): void {
    this.calls.get(callId)?.setMute(mute);
  }

  sendDtmf(callId: string, tones: string): void {
    this.calls.get(callId)?.sendDtmf(tones, this.config.dtmf);
  }

  /** The remote party's audio, for the <audio> element (and later recording and transcription). */
  remoteStream(callId: string): MediaStream | null {
    return this.calls.get(callId)?.remoteStream ?? null;
  }

  /** Subscribes to remote stream changes; returns the unsubscribe function. */
  onRemoteStream(listener: (callId: string, stream: MediaStream | null) => void): () => void {
    this.streamListeners.add(listener);
    return () => this.streamListeners.delete(listener);
  }

  private setRegistration(snapshot: RegistrationSnapshot): void {
    this.registration = snapshot;
    this.listener.registration(snapshot);
  }

  private onNewSession({ session, originator, request }: RTCSessionEvent): void {
    const direction = originator === 'remote' ? 'incoming' : 'outgoing';
    const call = new CallSession(
      session as RTCSession,
      direction,
      {
        updated: (snapshot) => this.listener.callUpdated(snapshot),
        ended: (end) => {
          this.calls.delete(end.call.id);
          this.listener.callEnded(end);
        },
        remoteStream: (stream) => {
          for (const listener of this.streamListeners) listener(call.id, stream);
        },
      },
      this.config.iceGatheringTimeoutMs,
      direction === 'incoming' ? (request as IncomingRequest) : undefined,
    );
    this.calls.set(call.id, call);
    this.listener.callUpdated(call.current);
    if (direction === 'incoming' && (this.calls.size > 1 || this.listener.shouldRejectIncoming(call.current))) {
      call.hangup(486);
    }
  }
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function failureReason(cause: string | undefined): RegistrationFailure {
  if (cause === AUTH_CAUSE) return 'auth';
  if (cause === 'Request Timeout' || cause === 'RTP Timeout') return 'timeout';
  if (cause === 'Connection Error') return 'network';
  return 'rejected';
}
