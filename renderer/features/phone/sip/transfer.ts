/**
 * REFER (RFC 3515) on a call: blind transfer to a number, or attended transfer with Replaces (RFC 3891)
 * naming the consultation call. JsSIP reports the transferee's progress as NOTIFY sipfrag events on
 * the subscriber that refer() returns; this module turns them into one outcome. JsSIP never ends the
 * transferring leg itself: the caller does that on `accepted`.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { TransferFailure } from './types';

/** A transfer target that never sends a final NOTIFY must not keep the customer on hold for ever. */
export const TRANSFER_TIMEOUT_MS = 60_000;

export interface ReferHandlers {
  /** The transferee reached the target (final NOTIFY 2xx). */
  accepted(): void;
  /** The REFER was refused, or the transferee could not reach the target. */
  failed(failure: TransferFailure): void;
}

/** What JsSIP's ReferSubscriber emits (its typings declare refer() as returning void). */
interface ReferSubscriberLike {
  on(event: 'requestFailed', fn: (e: { response: { status_code: number; reason_phrase: string } | null; cause: string }) => void): void;
  on(event: 'accepted', fn: () => void): void;
  on(event: 'failed', fn: (e: { status_line: { status_code: number | string; reason_phrase: string } }) => void): void;
}

/**
 * Maps a failed REFER or a failing NOTIFY to what the agent is told. A SIP status wins; otherwise the
 * JsSIP cause becomes a stable code ('timeout', 'connection', 'rejected').
 */
export function referFailure(statusCode: number | string | undefined, reasonPhrase: string | undefined, cause?: string): TransferFailure {
  const code = Number(statusCode);
  if (Number.isInteger(code) && code >= 300) return { statusCode: code, reason: reasonPhrase?.trim() ?? '' };
  if (cause === 'Request Timeout' || cause === 'timeout') return { reason: 'timeout' };
  if (cause === 'Connection Error' || cause === 'Dialog Error') return { reason: 'connection' };
  return { reason: 'rejected' };
}

/**
 * Sends REFER on `session` to `targetUri` (with Replaces naming `replaces` for an attended transfer).
 * Exactly one handler is called, at most once; the returned function cancels the guard timer and
 * silences the handlers (the call ended meanwhile).
 */
export function sendRefer(
  session: RTCSession,
  targetUri: string,
  replaces: RTCSession | undefined,
  handlers: ReferHandlers,
  timeoutMs = TRANSFER_TIMEOUT_MS,
): () => void {
  let settled = false;
  const settle = (fn: () => void): void => {
    if (settled) return;
    settled = true;
    clearTimeout(guard);
    fn();
  };
  const guard = setTimeout(() => settle(() => handlers.failed({ reason: 'timeout' })), timeoutMs);
  const subscriber = session.refer(targetUri, replaces ? { replaces } : {}) as unknown as ReferSubscriberLike | false;
  if (!subscriber) {
    // JsSIP returns false when the dialog is not confirmed (e.g. the call is still being set up).
    settle(() => handlers.failed({ reason: 'rejected' }));
    return () => undefined;
  }
  subscriber.on('requestFailed', ({ response, cause }) =>
    settle(() => handlers.failed(referFailure(response?.status_code, response?.reason_phrase, cause))),
  );
  subscriber.on('failed', ({ status_line }) =>
    settle(() => handlers.failed(referFailure(status_line.status_code, status_line.reason_phrase))),
  );
  subscriber.on('accepted', () => settle(() => handlers.accepted()));
  return () => {
    settled = true;
    clearTimeout(guard);
  };
}
