import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallControl, type CallRegistry } from '@renderer/features/phone/sip/call-control';
import type { CallSession } from '@renderer/features/phone/sip/call-session';
import type { CallEnd, CallSnapshot } from '@renderer/features/phone/sip/types';
import { callSnapshot } from '../../../support/call-snapshot';

/** Stands in for CallSession: a snapshot, hold/mute that take effect at once, a REFER emitter. */
class FakeCall {
  current: CallSnapshot;
  readonly referSubscriber = new EventEmitter();
  readonly session = {
    refer: vi.fn(() => this.referSubscriber),
    isOnHold: () => ({ local: this.current.heldLocally, remote: false }),
    isEnded: () => this.current.phase === 'ended',
  };
  readonly hangup = vi.fn(() => this.patch({ phase: 'ended' }));

  constructor(
    id: string,
    number: string,
    patch: Partial<CallSnapshot> = {},
  ) {
    this.current = callSnapshot({ id, remoteNumber: number, ...patch });
  }
  get id() {
    return this.current.id;
  }
  get established() {
    return this.current.phase === 'active';
  }
  get remoteUri() {
    return `sip:${this.current.remoteNumber}@pbx`;
  }
  setHold = vi.fn((hold: boolean) => this.patch({ heldLocally: hold }));
  setMute = vi.fn((mute: boolean) => this.patch({ muted: mute }));
  patch(patch: Partial<CallSnapshot>) {
    this.current = { ...this.current, ...patch };
  }
}

function setup(...calls: FakeCall[]) {
  const map = new Map(calls.map((c) => [c.id, c]));
  const place = vi.fn(async (uri: string) => {
    const call = new FakeCall('consult', uri.slice(4, uri.indexOf('@')), { direction: 'outgoing', phase: 'dialing' });
    map.set(call.id, call);
    return call as unknown as CallSession;
  });
  const registry: CallRegistry = {
    get: (id) => map.get(id) as unknown as CallSession | undefined,
    all: () => [...map.values()] as unknown as CallSession[],
    ownUri: 'sip:1001@pbx',
    place,
    acquireMicrophone: vi.fn(),
    mark: vi.fn(),
  };
  return { control: new CallControl(registry), map, place, registry };
}

const ended = (call: FakeCall, patch: Partial<CallEnd> = {}): CallEnd => ({
  call: { ...call.current, phase: 'ended' },
  outcome: 'answered',
  cause: 'Terminated',
  ...patch,
});

describe('CallControl: call waiting', () => {
  it('answering a waiting call holds the call in progress', () => {
    const first = new FakeCall('a', '1002');
    const waiting = new FakeCall('b', '1003', { phase: 'ringing' });
    setup(first, waiting).control.prepareAnswer('b');
    expect(first.setHold).toHaveBeenCalledWith(true);
    expect(waiting.setHold).not.toHaveBeenCalled();
  });

  it('resuming one call holds the other; Swap calls exchanges them', () => {
    const a = new FakeCall('a', '1002', { heldLocally: true });
    const b = new FakeCall('b', '1003');
    const { control } = setup(a, b);
    control.swap();
    expect(b.current.heldLocally).toBe(true);
    expect(a.current.heldLocally).toBe(false);
    control.setHold('b', false);
    expect(a.current.heldLocally).toBe(true);
    expect(b.current.heldLocally).toBe(false);
  });
});

describe('CallControl: hold and dial (click-to-dial during a call)', () => {
  it('holds the connected call, then dials on the second line', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, place } = setup(customer);
    place.mockImplementationOnce(async (uri) => {
      expect(customer.current.heldLocally, 'the customer is on hold before the new call goes out').toBe(true);
      return new FakeCall('b', uri.slice(4, uri.indexOf('@')), { direction: 'outgoing', phase: 'dialing' }) as unknown as CallSession;
    });
    expect(await control.holdAndDial('a', '010-8888 8888')).toEqual({ ok: true, callId: 'b' });
    expect(place).toHaveBeenCalledWith('sip:01088888888@pbx');
    expect(customer.current.transfer, 'not a transfer').toBeUndefined();
  });

  it('refuses with two lines in use or a call not yet connected, and resumes the customer when the phone cannot dial', async () => {
    const customer = new FakeCall('a', '1002');
    const waiting = new FakeCall('w', '1004', { phase: 'ringing' });
    expect(await setup(customer, waiting).control.holdAndDial('a', '1003')).toEqual({ ok: false, error: 'not-active' });
    expect(await setup(new FakeCall('c', '1005', { phase: 'connecting' })).control.holdAndDial('c', '1003')).toEqual({ ok: false, error: 'not-active' });
    expect(customer.setHold).not.toHaveBeenCalled();
    const { control, place } = setup(customer);
    place.mockResolvedValueOnce(null as unknown as CallSession);
    expect(await control.holdAndDial('a', '1003')).toEqual({ ok: false, error: 'not-registered' });
    expect(customer.setHold.mock.calls).toEqual([[true], [false]]);
  });
});

describe('CallControl: blind transfer', () => {
  it('refuses what cannot be dialled or a call that is not connected', () => {
    const ringing = new FakeCall('a', '1002', { phase: 'ringing' });
    const { control } = setup(ringing);
    expect(control.transfer('a', '')).toEqual({ ok: false, error: 'empty' });
    expect(control.transfer('a', 'abc')).toEqual({ ok: false, error: 'invalid' });
    expect(control.transfer('a', '1003')).toEqual({ ok: false, error: 'not-active' });
  });

  it('holds the customer and REFERs; the final NOTIFY 2xx ends the agent leg', () => {
    const call = new FakeCall('a', '1002');
    const { control, registry } = setup(call);
    expect(control.transfer('a', '1003')).toEqual({ ok: true });
    expect(call.current.transfer).toEqual({ kind: 'blind', target: '1003', state: 'transferring' });
    expect(call.current.heldLocally).toBe(true);
    expect(call.session.refer).toHaveBeenCalledWith('sip:1003@pbx', {});
    expect(registry.mark).toHaveBeenCalledWith('lingxi:refer-sent');
    expect(control.transfer('a', '1004')).toEqual({ ok: false, error: 'in-progress' });
    call.referSubscriber.emit('accepted', {});
    expect(call.hangup).toHaveBeenCalled();
  });

  it('on failure the call stays, is resumed and keeps why', () => {
    const call = new FakeCall('a', '1002');
    const { control } = setup(call);
    control.transfer('a', '1003');
    call.referSubscriber.emit('failed', { status_line: { status_code: 486, reason_phrase: 'Busy Here' } });
    expect(call.hangup).not.toHaveBeenCalled();
    expect(call.current.heldLocally).toBe(false);
    expect(call.current.transfer).toMatchObject({ state: 'failed', failure: { statusCode: 486, reason: 'Busy Here' } });
  });
});

describe('CallControl: attended transfer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('Consult holds the customer and calls the colleague, linked to the customer call', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, place, map } = setup(customer);
    expect(await control.consult('a', '1003')).toEqual({ ok: true, callId: 'consult' });
    expect(place).toHaveBeenCalledWith('sip:1003@pbx');
    expect(customer.current.heldLocally).toBe(true);
    expect(customer.current.transfer).toEqual({ kind: 'attended', target: '1003', state: 'consulting' });
    expect(map.get('consult')?.current.consultOf).toBe('a');
  });

  it('Complete transfer REFERs the customer with Replaces; both legs end', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, map } = setup(customer);
    await control.consult('a', '1003');
    const consult = map.get('consult') as FakeCall;
    expect(control.completeTransfer('consult')).toEqual({ ok: false, error: 'not-active' }); // still dialling
    consult.patch({ phase: 'active' });
    expect(control.completeTransfer('consult')).toEqual({ ok: true });
    expect(customer.session.refer).toHaveBeenCalledWith('sip:1003@pbx', { replaces: consult.session });
    expect(customer.current.transfer?.state).toBe('transferring');
    customer.referSubscriber.emit('accepted', {});
    expect(customer.hangup).toHaveBeenCalled();
    // Normally the colleague's phone ends the replaced leg; if not, the agent does after a grace period.
    expect(consult.hangup).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5000);
    expect(consult.hangup).toHaveBeenCalled();
  });

  it('Cancel transfer hangs up the colleague and resumes the customer', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, map } = setup(customer);
    await control.consult('a', '1003');
    control.cancelTransfer('consult');
    expect(map.get('consult')?.hangup).toHaveBeenCalled();
    expect(customer.current.heldLocally).toBe(false);
    expect(customer.current.transfer).toBeUndefined();
  });

  it('a colleague who does not answer: the customer is resumed and the agent told why', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, map } = setup(customer);
    await control.consult('a', '1003');
    const consult = map.get('consult') as FakeCall;
    map.delete('consult');
    control.callEnded(ended(consult, { outcome: 'busy', statusCode: 486, reasonPhrase: 'Busy Here', cause: 'Busy' }));
    expect(customer.current.heldLocally).toBe(false);
    expect(customer.current.transfer).toMatchObject({ state: 'failed', failure: { statusCode: 486, reason: 'Busy Here' } });
  });

  it('a consultation that was answered and ended just clears the transfer', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, map } = setup(customer);
    await control.consult('a', '1003');
    const consult = map.get('consult') as FakeCall;
    map.delete('consult');
    control.callEnded(ended(consult));
    expect(customer.current.transfer).toBeUndefined();
    expect(customer.current.heldLocally).toBe(false);
  });

  it('a failed consultation call set-up resumes the customer', async () => {
    const customer = new FakeCall('a', '1002');
    const { control, place } = setup(customer);
    place.mockResolvedValueOnce(null as unknown as CallSession);
    expect(await control.consult('a', '1003')).toEqual({ ok: false, error: 'not-registered' });
    expect(customer.current.heldLocally).toBe(false);
    expect(customer.current.transfer).toBeUndefined();
  });
});
