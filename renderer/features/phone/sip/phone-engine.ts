/**
 * The softphone engine: one JsSIP UA, its registration and its calls. No React; it pushes
 * serializable snapshots to a listener (the store) and keeps JsSIP sessions and MediaStreams itself.
 * Multi-call work (call waiting, transfers, conference) lives in CallControl; the servers and the
 * keep-alive watchdog in Connection. Calls outlive WebSocket reconnects: only stop() ends them.
 */
import { UA } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { CallControl, type ConsultResult, type TransferResult } from './call-control';
import { CallSession } from './call-session';
import { Connection } from './connection';
import { RefusalTally, refusalReason, type RefusalReason } from './refusals';
import { registrationFailure } from './registration-failure';
import { toDialTarget } from './target';
import type { EngineConfig, EngineListener, RegistrationSnapshot } from './types';

export type DialResult = { ok: true; callId: string } | { ok: false; error: 'empty' | 'invalid' | 'busy' | 'not-registered' };

/**
 * Looks at each incoming INVITE before it becomes a call (supervision): `claim` — the hook owns the JsSIP
 * session from now on and it never rings nor shows as a call; `answer` — a call the app asked for (a
 * supervision take-over), answered at once without ringing; undefined — a normal incoming call.
 */
export type IncomingHook = (session: RTCSession, request: IncomingRequest) => 'claim' | 'answer' | undefined;
export type { ConsultResult, TransferResult } from './call-control';

/** A call's audio tracks, as PhoneEngine.callAudio returns them. */
export interface CallAudio {
  remote: MediaStreamTrack | null;
  local: MediaStreamTrack | null;
}

/**
 * A feature that speaks SIP beyond calls (supervision's SUBSCRIBE/NOTIFY) hooks each UA the engine runs:
 * `started` before it connects, `stopping` before it un-REGISTERs (a last word to subscribers goes out first).
 */
export interface UserAgentHook {
  started(ua: UA): void;
  stopping(ua: UA): void;
}

export class PhoneEngine {
  private ua: UA | null = null;
  private readonly calls = new Map<string, CallSession>();
  private readonly streamListeners = new Set<(callId: string, stream: MediaStream | null) => void>();
  private readonly transceiverListeners = new Set<(callId: string, transceiver: RTCRtpTransceiver) => void>();
  private readonly incomingHooks = new Set<IncomingHook>();
  private readonly uaHooks = new Set<UserAgentHook>();
  private registration: RegistrationSnapshot = { state: 'unregistered' };
  private readonly connection: Connection;
  private readonly control: CallControl;
  /** Set when the transport dropped during calls: their media may need an ICE restart once it is back. */
  private recoverCalls = false;
  /** Incoming calls refused without ringing since the phone last went from no call to a call. */
  private readonly refusals: RefusalTally;

  constructor(
    private readonly config: EngineConfig,
    private readonly listener: EngineListener,
  ) {
    this.refusals = new RefusalTally((tally) => listener.refusedCalls?.(tally));
    this.connection = new Connection(config.servers, config.keepAlive, () => this.ua, (note, error) => listener.sipGuard?.(note, error));
    this.control = new CallControl({
      get: (id) => this.calls.get(id),
      all: () => [...this.calls.values()],
      ownUri: config.uri,
      place: (uri) => this.place(uri),
      acquireMicrophone: () => this.acquireMicrophone(),
      mark: (name) => performance.mark(name),
    });
  }

  /** Connects and registers. Safe to call again after stop(). */
  start(): void {
    if (this.ua) return;
    const { config } = this;
    const ua = new UA({
      sockets: this.connection.sockets(),
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
    if (config.registerHeaders?.length) ua.registrator().setExtraHeaders(config.registerHeaders);
    ua.on('connecting', () => this.setRegistration({ state: 'connecting' }));
    ua.on('connected', () => this.connection.connected());
    ua.on('registered', () => {
      performance.mark('lingxi:registered');
      const server = this.connection.server;
      this.setRegistration({ state: 'registered', ...(server ? { server } : {}) });
      this.recoverMedia();
    });
    ua.on('unregistered', () => {
      // A lost transport also "unregisters": that is reported as connecting (network), not as a choice.
      if (this.registration.state !== 'failed' && ua.isConnected()) this.setRegistration({ state: 'unregistered' });
    });
    ua.on('disconnected', () => {
      this.connection.disconnected();
      if (this.calls.size > 0) this.recoverCalls = true;
      if (this.registration.state === 'failed' && this.registration.reason === 'auth') return;
      this.setRegistration({ state: 'connecting', reason: 'network' });
    });
    ua.on('registrationFailed', ({ cause }) => this.setRegistration({ state: 'failed', reason: registrationFailure(cause) }));
    ua.on('newRTCSession', (event: RTCSessionEvent) => this.onNewSession(event));
    for (const hook of this.uaHooks) hook.started(ua);
    performance.mark('lingxi:registering');
    this.setRegistration({ state: 'connecting' });
    ua.start();
  }

  /** Unregisters, ends every call and closes the transport. */
  stop(): void {
    const ua = this.ua;
    if (!ua) return;
    this.ua = null;
    for (const hook of this.uaHooks) hook.stopping(ua);
    this.connection.stop();
    this.refusals.dispose();
    ua.removeAllListeners();
    ua.stop();
    for (const call of this.calls.values()) call.hangup();
    this.setRegistration({ state: 'unregistered' });
  }

  /** Sign out: un-REGISTERs and waits for the registrar's answer (at most timeoutMs), then stops like stop(). */
  async unregisterAndStop(timeoutMs = 3000): Promise<void> {
    const ua = this.ua;
    if (ua?.isRegistered()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        ua.once('unregistered', done);
        ua.once('registrationFailed', done);
        ua.unregister();
      });
    }
    this.stop();
  }

  /**
   * The OS says the network is back or the machine woke up: do not wait for the backoff timer.
   * With no call up the UA is rebuilt (a fresh WebSocket). During a call the UA (and its dialogs) must
   * survive: the registration is refreshed and the watchdog probes at once, which replaces a socket
   * that died with the old network.
   */
  reconnectNow(): void {
    if (!this.ua) return;
    if (this.calls.size > 0 || (this.registration.state === 'registered' && this.ua.isConnected())) {
      if (this.ua.isConnected()) {
        this.ua.register();
        this.connection.probeNow();
      }
      return;
    }
    this.stop();
    this.start();
  }

  /** Places a call to what the agent typed (with extra SIP headers: a supervision request). */
  async dial(input: string, extraHeaders: string[] = []): Promise<DialResult> {
    const target = toDialTarget(input, this.config.uri);
    if (!target.ok) return target;
    if (!this.ua || this.registration.state !== 'registered') return { ok: false, error: 'not-registered' };
    if (this.calls.size > 0) return { ok: false, error: 'busy' };
    const call = await this.place(target.uri, extraHeaders);
    return call ? { ok: true, callId: call.id } : { ok: false, error: 'not-registered' };
  }

  /** Adds a look at incoming INVITEs before they ring (see IncomingHook); returns the remove function. */
  onIncoming(hook: IncomingHook): () => void {
    this.incomingHooks.add(hook);
    return () => this.incomingHooks.delete(hook);
  }

  /** A call's JsSIP session, for in-dialog requests a feature above sends or receives (supervision INFO, take-over). */
  sipSession(callId: string): RTCSession | undefined {
    return this.calls.get(callId)?.session;
  }

  /** The app's id of the call whose SIP Call-ID is `sipCallId` (what other desktops know it by). */
  callIdForSipCallId(sipCallId: string): string | undefined {
    for (const call of this.calls.values()) if (call.current.sipCallId === sipCallId) return call.id;
    return undefined;
  }

  /** A call's SIP Call-ID (what the dialog and other desktops know it by). */
  sipCallId(callId: string): string | undefined {
    return this.calls.get(callId)?.current.sipCallId;
  }

  /** Puts `track` on a call's audio sender (replaceTrack, no re-INVITE); returns the previous track, not stopped. */
  setOutgoingTrack(callId: string, track: MediaStreamTrack): Promise<MediaStreamTrack | null> {
    return this.calls.get(callId)?.setOutgoingTrack(track) ?? Promise.resolve(null);
  }

  /** Answers a ringing call; with call waiting, the call in progress goes on hold first (unless `holdOthers` is false). */
  async answer(callId: string, holdOthers = true): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) return;
    if (holdOthers) this.control.prepareAnswer(callId);
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
    // In a conference the microphone feeds the mix, not the senders.
    if (this.control.replaceMicrophone(track)) return;
    const calls = [...this.calls.values()];
    // Each call needs its own track: a track stopped for one call must not silence another.
    await Promise.all(calls.map((call, index) => call.replaceMicrophone(index === 0 ? track : track.clone())));
    if (calls.length === 0) track.stop();
  }

  /** Declines a ringing call (603 Decline) or hangs up. */
  hangup(callId: string): void {
    const call = this.calls.get(callId);
    if (!call) return;
    call.hangup(call.current.phase === 'ringing' ? 603 : undefined);
  }

  setHold(callId: string, hold: boolean): void {
    this.control.setHold(callId, hold);
  }

  setMute(callId: string, mute: boolean): void {
    if (!this.control.setMute(callId, mute)) this.calls.get(callId)?.setMute(mute);
  }

  sendDtmf(callId: string, tones: string): void {
    this.calls.get(callId)?.sendDtmf(tones, this.config.dtmf);
  }

  /** Puts the connected call on hold and resumes the held one. */
  swap(): void {
    this.control.swap();
  }

  /** Blind transfer (REFER) of a connected call to what the agent typed. */
  transfer(callId: string, input: string): TransferResult {
    return this.control.transfer(callId, input);
  }

  /** Attended transfer: holds the call and calls the colleague. */
  consult(callId: string, input: string): Promise<ConsultResult> {
    return this.control.consult(callId, input);
  }

  /** Click-to-dial during a call: holds the connected call and dials `input` on the second line. */
  holdAndDial(callId: string, input: string): Promise<ConsultResult> {
    return this.control.holdAndDial(callId, input);
  }

  /** Attended transfer: REFER with Replaces, given the consultation call. */
  completeTransfer(consultCallId: string): TransferResult {
    return this.control.completeTransfer(consultCallId);
  }

  /** Attended transfer abandoned: hangs up the consultation call and resumes the customer. */
  cancelTransfer(consultCallId: string): void {
    this.control.cancelTransfer(consultCallId);
  }

  /** Three-way conference of the two connected calls. Call it from the agent's click (it starts WebAudio). */
  startConference(): boolean {
    return this.control.startConference();
  }

  /** Ends every leg of the conference. */
  hangupConference(): void {
    this.control.hangupConference();
  }

  /** The remote party's audio, for the <audio> element (and later recording and transcription). */
  remoteStream(callId: string): MediaStream | null {
    return this.calls.get(callId)?.remoteStream ?? null;
  }

  /**
   * A call's two audio legs, for taps (recording, transcription): what the agent receives (the remote
   * party, or in a conference that party's leg) and what the call sends (the microphone, or the
   * conference mix). Tracks change on hot-plug and conference start/end: taps re-read them.
   */
  callAudio(callId: string): CallAudio | null {
    const call = this.calls.get(callId);
    return call ? { remote: call.remoteTrack, local: call.outgoingTrack } : null;
  }

  /** Subscribes to remote stream changes; returns the unsubscribe function. */
  onRemoteStream(listener: (callId: string, stream: MediaStream | null) => void): () => void {
    this.streamListeners.add(listener);
    return () => this.streamListeners.delete(listener);
  }

  /**
   * Subscribes to each call's audio transceiver as it is created, before media flows (the recording's
   * encoded taps must be set then); returns the unsubscribe function.
   */
  onAudioTransceiver(listener: (callId: string, transceiver: RTCRtpTransceiver) => void): () => void {
    this.transceiverListeners.add(listener);
    return () => this.transceiverListeners.delete(listener);
  }

  /** Hooks every UA from now on (and the running one at once); returns the unhook function. */
  onUserAgent(hook: UserAgentHook): () => void {
    this.uaHooks.add(hook);
    if (this.ua) hook.started(this.ua);
    return () => this.uaHooks.delete(hook);
  }

  private acquireMicrophone(): Promise<MediaStream> {
    if (this.config.media) return this.config.media.acquireMicrophone();
    return navigator.mediaDevices.getUserMedia({ audio: this.config.audio, video: false });
  }

  /** An outgoing call with a fresh microphone; null when the UA went away meanwhile. */
  private async place(uri: string, extraHeaders: string[] = []): Promise<CallSession | null> {
    if (!this.ua || this.registration.state !== 'registered') return null;
    const microphone = await this.acquireMicrophone();
    if (!this.ua) {
      stopStream(microphone);
      return null;
    }
    const session = this.ua.call(uri, { mediaStream: microphone, pcConfig: { iceServers: this.config.iceServers }, extraHeaders });
    return this.calls.get(session.id) ?? null;
  }

  /** After the transport came back during calls: media whose path broke gets an ICE restart re-INVITE. */
  private recoverMedia(): void {
    if (!this.recoverCalls) return;
    this.recoverCalls = false;
    for (const call of this.calls.values()) if (call.iceNeedsRestart) call.restartIce();
  }

  private setRegistration(snapshot: RegistrationSnapshot): void {
    this.registration = snapshot;
    this.listener.registration(snapshot);
  }

  private onNewSession({ session, originator, request }: RTCSessionEvent): void {
    const direction = originator === 'remote' ? 'incoming' : 'outgoing';
    let hooked: 'claim' | 'answer' | undefined;
    if (direction === 'incoming') for (const hook of this.incomingHooks) hooked ??= hook(session as RTCSession, request as IncomingRequest);
    if (hooked === 'claim') return;
    if (direction === 'incoming' && hooked !== 'answer') {
      // Decided before the call exists anywhere: a refused INVITE costs no render, ring, pop or history row.
      const reason = refusalReason(this.calls.size, this.config.callWaiting !== false, () => !this.listener.shouldRejectIncoming());
      if (reason) {
        this.refuse(session as RTCSession, reason);
        return;
      }
    }
    // A new busy stretch: what the agent sees counted is what was refused during it.
    if (this.calls.size === 0) this.refusals.reset();
    const call = new CallSession(
      session as RTCSession,
      direction,
      {
        updated: (snapshot) => this.listener.callUpdated(snapshot),
        ended: (end) => {
          this.calls.delete(end.call.id);
          this.control.callEnded(end);
          this.listener.callEnded(end);
        },
        remoteStream: (stream) => {
          for (const listener of this.streamListeners) listener(call.id, stream);
        },
        audioTransceiver: (transceiver) => {
          for (const listener of this.transceiverListeners) listener(call.id, transceiver);
        },
        // ICE failed: restart now if we can signal, else once the transport is back.
        iceFailed: () => {
          if (this.ua?.isConnected()) call.restartIce();
          else this.recoverCalls = true;
        },
        guarded: (note) => this.listener.sipGuard?.(note),
      },
      this.config.iceGatheringTimeoutMs,
      direction === 'incoming' ? (request as IncomingRequest) : undefined,
      (request as { call_id?: string } | undefined)?.call_id,
    );
    this.calls.set(call.id, call);
    this.listener.callUpdated(call.current);
    // It replaces the call it was asked from (a take-over): nothing to put on hold.
    if (hooked === 'answer') this.answer(call.id, false).catch(() => call.hangup(500));
  }

  /** 486 Busy Here from inside JsSIP's newRTCSession (it then sends no 180), counted instead of shown. */
  private refuse(session: RTCSession, reason: RefusalReason): void {
    try {
      session.terminate({ status_code: 486 });
    } catch (error) {
      this.listener.sipGuard?.('refusing an incoming call failed', error);
    }
    this.refusals.add(reason);
  }
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
