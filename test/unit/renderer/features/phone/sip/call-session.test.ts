import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { CallSession, needsIceRestart, readInviteOrigin, type CallSessionHooks } from '@renderer/features/phone/sip/call-session';

describe('needsIceRestart', () => {
  it('restarts ICE only when the media path is down', () => {
    expect(needsIceRestart('failed')).toBe(true);
    expect(needsIceRestart('disconnected')).toBe(true);
    for (const state of ['new', 'checking', 'connected', 'completed', 'closed'] as const) expect(needsIceRestart(state)).toBe(false);
  });
});

describe('readInviteOrigin', () => {
  const request = (headers: Record<string, string>) =>
    ({ getHeader: (name: string) => headers[name.toLowerCase()] }) as unknown as IncomingRequest;
  it('puts the INVITE\'s From, P-Asserted-Identity and Call-ID on the snapshot as strings, for the CTI trust decision', () => {
    expect(readInviteOrigin(request({ from: '"IVR" <sip:ivr@pbx>;tag=1', 'p-asserted-identity': '<sip:ivr@pbx>', 'call-id': 'abc@h' }))).toEqual({
      from: '"IVR" <sip:ivr@pbx>;tag=1',
      assertedIdentity: '<sip:ivr@pbx>',
      callId: 'abc@h',
    });
    expect(readInviteOrigin(request({ from: '<sip:1002@pbx>', 'call-id': 'x' }))).toEqual({ from: '<sip:1002@pbx>', callId: 'x' });
    expect(readInviteOrigin(undefined)).toBeUndefined();
  });
});

/** The parts of RTCPeerConnection JsSIP's addTrack path touches: each addTrack creates a transceiver. */
class FakePeerConnection {
  readonly transceivers: { sender: { track: MediaStreamTrack }; receiver: { track: { kind: string } } }[] = [];
  readonly originalAddTrack = vi.fn((track: MediaStreamTrack): RTCRtpSender => {
    const transceiver = { sender: { track }, receiver: { track: { kind: track.kind } } };
    this.transceivers.push(transceiver);
    return transceiver.sender as unknown as RTCRtpSender;
  });
  addTrack = this.originalAddTrack;
  getTransceivers = () => this.transceivers as unknown as RTCRtpTransceiver[];
  addEventListener = vi.fn();
}

/** A JsSIP RTCSession stand-in: events, identity, and the peer connection once it exists. */
function fakeSession(connection?: FakePeerConnection) {
  return Object.assign(new EventEmitter(), {
    id: 'call-1',
    remote_identity: { uri: { user: '1002' }, display_name: '' },
    connection,
    isEnded: () => false,
  });
}

const track = (kind: string) => ({ kind }) as MediaStreamTrack;

function callWith(session: ReturnType<typeof fakeSession>, audioTransceiver?: CallSessionHooks['audioTransceiver']) {
  const hooks: CallSessionHooks = { updated: vi.fn(), ended: vi.fn(), remoteStream: vi.fn(), ...(audioTransceiver ? { audioTransceiver } : {}) };
  return new CallSession(session as unknown as RTCSession, 'incoming', hooks, 1000);
}

describe('CallSession: audio transceiver report (encoded recording taps)', () => {
  it("reports the audio transceiver inside JsSIP's addTrack call, before addTrack returns", () => {
    const pc = new FakePeerConnection();
    const order: string[] = [];
    const report = vi.fn(() => order.push('reported'));
    callWith(fakeSession(pc), report);
    const sender = (pc as unknown as RTCPeerConnection).addTrack(track('audio'));
    order.push('returned');
    expect(order).toEqual(['reported', 'returned']);
    expect(report).toHaveBeenCalledWith(pc.transceivers[0]);
    expect(pc.transceivers[0]?.sender).toBe(sender);
    expect(pc.originalAddTrack).toHaveBeenCalledTimes(1);
  });

  it('covers a peer connection JsSIP creates later (outgoing call: the peerconnection event)', () => {
    const session = fakeSession();
    const report = vi.fn();
    callWith(session, report);
    const pc = new FakePeerConnection();
    session.emit('peerconnection', { peerconnection: pc });
    (pc as unknown as RTCPeerConnection).addTrack(track('audio'));
    expect(report).toHaveBeenCalledExactlyOnceWith(pc.transceivers[0]);
  });

  it('does not report a video track', () => {
    const pc = new FakePeerConnection();
    const report = vi.fn();
    callWith(fakeSession(pc), report);
    (pc as unknown as RTCPeerConnection).addTrack(track('video'));
    expect(pc.originalAddTrack).toHaveBeenCalledTimes(1);
    expect(report).not.toHaveBeenCalled();
  });

  it('leaves addTrack alone when nobody listens for transceivers', () => {
    const pc = new FakePeerConnection();
    callWith(fakeSession(pc));
    expect(pc.addTrack).toBe(pc.originalAddTrack);
  });
});

describe('CallSession: a re-INVITE loop', () => {
  it('lets 10 re-INVITEs or UPDATEs in 10 s through, answers 491 beyond that without touching the call, and logs it once', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const session = fakeSession();
      const guarded = vi.fn();
      const hooks: CallSessionHooks = { updated: vi.fn(), ended: vi.fn(), remoteStream: vi.fn(), guarded };
      new CallSession(session as unknown as RTCSession, 'incoming', hooks, 1000);
      const rejected: unknown[] = [];
      const offer = (event: 'reinvite' | 'update') => session.emit(event, { request: {}, reject: (options: unknown) => rejected.push(options) });
      for (let i = 0; i < 500; i++) offer(i % 2 ? 'reinvite' : 'update');
      expect(rejected).toHaveLength(490);
      expect(rejected[0]).toEqual({ status_code: 491, reason_phrase: 'Request Pending' });
      expect(guarded).toHaveBeenCalledOnce();
      expect(guarded.mock.calls[0]?.[0]).toMatch(/call call-1: more than 10 re-INVITEs\/UPDATEs in 10 s, answering 491/);
      expect(hooks.updated).not.toHaveBeenCalled();
      // The window slides: once it has passed, a renegotiation (hold, an ICE restart) goes through again.
      vi.advanceTimersByTime(10_000);
      offer('reinvite');
      expect(rejected).toHaveLength(490);
    } finally {
      vi.useRealTimers();
    }
  });
});
