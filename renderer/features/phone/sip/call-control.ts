/**
 * Contact-centre call control over the engine's calls: call waiting (answer holds the others, swap),
 * blind and attended transfer, and the three-way conference. One active (unheld) call at a time,
 * except the two legs of a conference. No React, no store: state goes out through the calls' snapshots.
 */
import type { CallSession } from './call-session';
import { ConferenceMixer } from './conference-mixer';
import { toDialTarget } from './target';
import { referFailure, sendRefer } from './transfer';
import type { CallEnd, TransferSnapshot } from './types';

/** After the transferee reached the colleague, the colleague's phone ends our consultation leg (Replaces); this long at most. */
const REPLACED_LEG_GRACE_MS = 5000;

export type TransferError = 'empty' | 'invalid' | 'not-active' | 'in-progress';
export type TransferResult = { ok: true } | { ok: false; error: TransferError };
export type ConsultResult = { ok: true; callId: string } | { ok: false; error: TransferError | 'not-registered' };

/** What call control needs from the engine. */
export interface CallRegistry {
  get(id: string): CallSession | undefined;
  all(): CallSession[];
  /** The agent's own SIP URI (its domain completes dialled numbers). */
  readonly ownUri: string;
  /** Places an outgoing call; null when the phone cannot (not registered). */
  place(uri: string): Promise<CallSession | null>;
  acquireMicrophone(): Promise<MediaStream>;
  /** Marks for the bench and the log. */
  mark(name: string): void;
}

interface Conference {
  id: string;
  mixer: ConferenceMixer;
  muted: boolean;
}

export class CallControl {
  private conference: Conference | null = null;
  /** Cancels the REFER guard of a call whose transfer is in flight. */
  private readonly referCancels = new Map<string, () => void>();

  constructor(private readonly calls: CallRegistry) {}

  /** Calls up and connected (not ringing, not being set up), in the order they appeared. */
  established(): CallSession[] {
    return this.calls.all().filter((call) => call.established);
  }

  /** Before answering a waiting call: the conference ends and every other connected call goes on hold. */
  prepareAnswer(callId: string): void {
    if (this.conference) void this.endConference();
    for (const call of this.established()) if (call.id !== callId) call.setHold(true);
  }

  /** Hold or resume; resuming one call puts the other connected call on hold (one conversation at a time). */
  setHold(callId: string, hold: boolean): void {
    const call = this.calls.get(callId);
    if (!call || call.current.conferenceId) return;
    if (!hold) for (const other of this.established()) if (other.id !== callId && !other.current.conferenceId) other.setHold(true);
    call.setHold(hold);
  }

  /** Mute; in a conference the agent's microphone is silenced in the mix (a disabled sender would silence the other party too). */
  setMute(callId: string, mute: boolean): boolean {
    const call = this.calls.get(callId);
    if (!call?.current.conferenceId || !this.conference) return false;
    this.conference.muted = mute;
    this.conference.mixer.setMicMuted(mute);
    for (const leg of this.conferenceLegs()) leg.patch({ muted: mute });
    return true;
  }

  /** Switches the conversation: the connected call on hold, the held one resumed. */
  swap(): void {
    const calls = this.established().filter((call) => !call.current.conferenceId);
    const target = calls.find((call) => call.current.heldLocally);
    if (!target) return;
    this.setHold(target.id, false);
  }

  /** Blind transfer: the customer is held, REFERred to `input`; the leg ends on success and resumes on failure. */
  transfer(callId: string, input: string): TransferResult {
    const call = this.calls.get(callId);
    const target = toDialTarget(input, this.calls.ownUri);
    if (!target.ok) return target;
    if (!call?.established || call.current.conferenceId) return { ok: false, error: 'not-active' };
    if (this.inProgress(call)) return { ok: false, error: 'in-progress' };
    const transfer: TransferSnapshot = { kind: 'blind', target: target.number, state: 'transferring' };
    call.patch({ transfer });
    call.setHold(true);
    this.calls.mark('lingxi:refer-sent');
    this.referCancels.set(
      call.id,
      sendRefer(call.session, target.uri, undefined, {
        accepted: () => {
          this.referCancels.delete(call.id);
          call.hangup();
        },
        failed: (failure) => {
          this.referCancels.delete(call.id);
          call.patch({ transfer: { ...transfer, state: 'failed', failure } });
          call.setHold(false);
        },
      }),
    );
    return { ok: true };
  }

  /** Attended transfer, step 1: the customer on hold, a call to the colleague. */
  async consult(callId: string, input: string): Promise<ConsultResult> {
    const call = this.calls.get(callId);
    const target = toDialTarget(input, this.calls.ownUri);
    if (!target.ok) return target;
    if (!call?.established || call.current.conferenceId || this.established().length > 1) return { ok: false, error: 'not-active' };
    if (this.inProgress(call)) return { ok: false, error: 'in-progress' };
    call.patch({ transfer: { kind: 'attended', target: target.number, state: 'consulting' } });
    const consult = await this.holdAndPlace(call, target.uri);
    if (!consult) {
      call.patch({ transfer: undefined });
      return { ok: false, error: 'not-registered' };
    }
    consult.patch({ consultOf: call.id });
    return { ok: true, callId: consult.id };
  }

  /**
   * Click-to-dial during a call, once the agent agreed: the connected call on hold, a new call on the second
   * line (resumed with Swap or Resume like a waiting call). Not during a conference, nor with two lines in use.
   */
  async holdAndDial(callId: string, input: string): Promise<ConsultResult> {
    const call = this.calls.get(callId);
    const target = toDialTarget(input, this.calls.ownUri);
    if (!target.ok) return target;
    if (!call?.established || call.current.conferenceId || this.calls.all().length > 1) return { ok: false, error: 'not-active' };
    const placed = await this.holdAndPlace(call, target.uri);
    return placed ? { ok: true, callId: placed.id } : { ok: false, error: 'not-registered' };
  }

  /** Holds `call` and places a call to `uri`; resumes `call` when the phone cannot place it. */
  private async holdAndPlace(call: CallSession, uri: string): Promise<CallSession | null> {
    call.setHold(true);
    const placed = await this.calls.place(uri);
    if (!placed) call.setHold(false);
    return placed;
  }

  /** Attended transfer, step 2: REFER with Replaces; the customer and the colleague talk, both agent legs end. */
  completeTransfer(consultId: string): TransferResult {
    const consult = this.calls.get(consultId);
    const original = consult?.current.consultOf ? this.calls.get(consult.current.consultOf) : undefined;
    if (!consult?.established || !original?.established) return { ok: false, error: 'not-active' };
    const transfer = original.current.transfer ?? { kind: 'attended', target: consult.current.remoteNumber, state: 'consulting' };
    if (transfer.state === 'transferring') return { ok: false, error: 'in-progress' };
    const pending: TransferSnapshot = { ...transfer, state: 'transferring' };
    delete pending.failure;
    original.patch({ transfer: pending });
    // The customer must not hear the colleague being put on hold: only the original leg is held (already).
    this.calls.mark('lingxi:refer-sent');
    this.referCancels.set(
      original.id,
      sendRefer(original.session, consult.remoteUri, consult.session, {
        accepted: () => {
          this.referCancels.delete(original.id);
          original.hangup();
          setTimeout(() => consult.hangup(), REPLACED_LEG_GRACE_MS);
        },
        failed: (failure) => {
          this.referCancels.delete(original.id);
          original.patch({ transfer: { ...pending, state: 'failed', failure } });
        },
      }),
    );
    return { ok: true };
  }

  /** Attended transfer abandoned: the colleague's leg ends and the customer is resumed. */
  cancelTransfer(consultId: string): void {
    const consult = this.calls.get(consultId);
    const originalId = consult?.current.consultOf;
    const original = originalId ? this.calls.get(originalId) : undefined;
    // Cleared first, so the consultation's end is not reported as a failed transfer.
    original?.patch({ transfer: undefined });
    consult?.hangup();
    if (!original) return;
    this.referCancels.get(original.id)?.();
    this.referCancels.delete(original.id);
    this.setHold(original.id, false);
  }

  /**
   * Merges the two connected calls into a three-way conference. Must run inside the agent's click:
   * the mixer's AudioContext is created here, synchronously, so it may start.
   */
  startConference(): boolean {
    const legs = this.established();
    if (legs.length !== 2 || this.conference) return false;
    const [a, b] = legs as [CallSession, CallSession];
    if (!a.remoteTrack || !b.remoteTrack) return false;
    const mixer = new ConferenceMixer();
    const id = `conference-${a.id}`;
    const muted = a.current.muted || b.current.muted;
    this.conference = { id, mixer, muted };
    for (const leg of legs) {
      if (leg.current.muted) leg.setMute(false);
      leg.setHold(false);
      leg.patch({ conferenceId: id, consultOf: undefined, transfer: undefined, muted });
    }
    mixer.setMicMuted(muted);
    // Without a mix (no microphone, a leg lost its track) the legs go back to being two plain calls.
    this.buildMix(mixer, a, b).catch(() => this.endConference());
    return true;
  }

  /** Legs of the running conference. */
  conferenceLegs(): CallSession[] {
    const id = this.conference?.id;
    return id ? this.calls.all().filter((call) => call.current.conferenceId === id) : [];
  }

  /** Hangs up every leg of the conference (the agent's Hang up while conferenced). */
  hangupConference(): void {
    for (const leg of this.conferenceLegs()) leg.hangup();
  }

  /** A new microphone during a conference feeds the mix; false when no conference is running. */
  replaceMicrophone(track: MediaStreamTrack): boolean {
    if (!this.conference) return false;
    this.conference.mixer.setMicrophone(track);
    return true;
  }

  /** The engine reports every call end here: conference and transfer bookkeeping follow. */
  callEnded(end: CallEnd): void {
    const { call } = end;
    this.referCancels.get(call.id)?.();
    this.referCancels.delete(call.id);
    if (call.conferenceId && this.conference?.id === call.conferenceId) void this.endConference();
    if (call.consultOf) this.consultEnded(end);
  }

  private consultEnded({ call, outcome, statusCode, reasonPhrase, cause }: CallEnd): void {
    const original = this.calls.get(call.consultOf ?? '');
    const transfer = original?.current.transfer;
    if (!original || transfer?.kind !== 'attended' || transfer.state === 'transferring') return;
    // The colleague never answered: say why, and go back to the customer as Cancel would.
    const failure = outcome === 'answered' ? undefined : referFailure(statusCode, reasonPhrase, cause);
    original.patch({ transfer: failure ? { ...transfer, state: 'failed', failure } : undefined });
    this.setHold(original.id, false);
  }

  private async buildMix(mixer: ConferenceMixer, a: CallSession, b: CallSession): Promise<void> {
    const stream = await this.calls.acquireMicrophone();
    const [track] = stream.getAudioTracks();
    if (!track || this.conference?.mixer !== mixer) {
      for (const t of stream.getTracks()) t.stop();
      return;
    }
    await mixer.start([a, b], track);
  }

  /** Stops the mix; the leg still up gets its own microphone back and continues as a normal call. */
  private async endConference(): Promise<void> {
    const conference = this.conference;
    if (!conference) return;
    this.conference = null;
    const survivors = this.calls.all().filter((call) => call.current.conferenceId === conference.id && !call.session.isEnded());
    const restored = await conference.mixer.stop(survivors.map((call) => call.id));
    for (const leg of survivors) {
      leg.patch({ conferenceId: undefined });
      // Hang up in a conference ends the legs one after the other: a "survivor" may have ended while its own
      // microphone was put back, after the call's end stopped its sender's track. Nothing else stops that
      // microphone, and it stayed captured after the call (test/e2e/soak.spec.ts counts it).
      if (leg.session.isEnded()) {
        restored.get(leg.id)?.stop();
        continue;
      }
      let track = leg.outgoingTrack;
      if (track?.readyState === 'ended') {
        // The microphone went away during the conference (headset unplugged): open the current one.
        const [fresh] = (await this.calls.acquireMicrophone()).getAudioTracks();
        if (fresh && leg.session.isEnded()) fresh.stop();
        else if (fresh) await leg.replaceMicrophone(fresh);
        track = leg.outgoingTrack;
      }
      // JsSIP's hold disabled whatever track was on the sender then; the restored one must follow it.
      if (track) track.enabled = !leg.session.isOnHold().local;
      // Keep the agent muted if they were: from now on JsSIP's mute is the right tool again.
      leg.setMute(conference.muted);
    }
  }

  private inProgress(call: CallSession): boolean {
    const state = call.current.transfer?.state;
    return state === 'transferring' || state === 'consulting';
  }
}
