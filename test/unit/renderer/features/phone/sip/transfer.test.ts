import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RTCSession } from 'jssip/lib/RTCSession';
import { referFailure, sendRefer } from '@renderer/features/phone/sip/transfer';

/** A session whose refer() returns an emitter standing in for JsSIP's ReferSubscriber. */
function fakeSession(result: 'subscriber' | false = 'subscriber') {
  const subscriber = new EventEmitter();
  const refer = vi.fn(() => (result === 'subscriber' ? subscriber : false));
  return { session: { refer } as unknown as RTCSession, refer, subscriber };
}

describe('referFailure', () => {
  it('keeps the SIP status and reason phrase', () => {
    expect(referFailure(486, 'Busy Here')).toEqual({ statusCode: 486, reason: 'Busy Here' });
    expect(referFailure('404', ' Not Found ')).toEqual({ statusCode: 404, reason: 'Not Found' });
  });
  it('turns JsSIP causes without a status into stable codes', () => {
    expect(referFailure(undefined, undefined, 'Request Timeout')).toEqual({ reason: 'timeout' });
    expect(referFailure(undefined, undefined, 'Connection Error')).toEqual({ reason: 'connection' });
    expect(referFailure(undefined, undefined, 'Rejected')).toEqual({ reason: 'rejected' });
    expect(referFailure(200, 'OK')).toEqual({ reason: 'rejected' });
  });
});

describe('sendRefer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the target, and the consultation session as replaces for an attended transfer', () => {
    const { session, refer } = fakeSession();
    const consult = {} as RTCSession;
    sendRefer(session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed: vi.fn() });
    sendRefer(session, 'sip:1003@pbx', consult, { accepted: vi.fn(), failed: vi.fn() });
    expect(refer).toHaveBeenNthCalledWith(1, 'sip:1003@pbx', {});
    expect(refer).toHaveBeenNthCalledWith(2, 'sip:1003@pbx', { replaces: consult });
  });

  it('a final NOTIFY 2xx is success, once; later events are ignored', () => {
    const { session, subscriber } = fakeSession();
    const accepted = vi.fn();
    const failed = vi.fn();
    sendRefer(session, 'sip:1003@pbx', undefined, { accepted, failed });
    subscriber.emit('accepted', {});
    subscriber.emit('failed', { status_line: { status_code: 486, reason_phrase: 'Busy Here' } });
    vi.advanceTimersByTime(120_000);
    expect(accepted).toHaveBeenCalledTimes(1);
    expect(failed).not.toHaveBeenCalled();
  });

  it('a failing NOTIFY or a refused REFER reports why', () => {
    const notify = fakeSession();
    const failed = vi.fn();
    sendRefer(notify.session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed });
    notify.subscriber.emit('failed', { status_line: { status_code: '486', reason_phrase: 'Busy Here' } });
    expect(failed).toHaveBeenLastCalledWith({ statusCode: 486, reason: 'Busy Here' });

    const refused = fakeSession();
    sendRefer(refused.session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed });
    refused.subscriber.emit('requestFailed', { response: { status_code: 405, reason_phrase: 'Method Not Allowed' }, cause: 'Rejected' });
    expect(failed).toHaveBeenLastCalledWith({ statusCode: 405, reason: 'Method Not Allowed' });
  });

  it('gives up after the guard time without a final NOTIFY, unless cancelled', () => {
    const silent = fakeSession();
    const failed = vi.fn();
    sendRefer(silent.session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed }, 1000);
    vi.advanceTimersByTime(1000);
    expect(failed).toHaveBeenCalledWith({ reason: 'timeout' });

    const cancelled = fakeSession();
    const failedToo = vi.fn();
    const cancel = sendRefer(cancelled.session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed: failedToo }, 1000);
    cancel();
    vi.advanceTimersByTime(5000);
    cancelled.subscriber.emit('accepted', {});
    expect(failedToo).not.toHaveBeenCalled();
  });

  it('fails at once when JsSIP cannot send REFER on this dialog', () => {
    const { session } = fakeSession(false);
    const failed = vi.fn();
    sendRefer(session, 'sip:1003@pbx', undefined, { accepted: vi.fn(), failed });
    expect(failed).toHaveBeenCalledWith({ reason: 'rejected' });
  });
});
