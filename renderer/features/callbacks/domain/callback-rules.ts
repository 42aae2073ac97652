/**
 * What a callback's outcome does to it, where it sits in the list, and which ended calls count as dropped.
 * Pure: the service applies these with its clock and the policy.
 */
import type { CallEnd } from '../../phone';
import type { CallbackOutcome, StoredCallback } from '../../../db/schema';
import { parseCallPreference } from '@common/crm/call-preference';
import { fitToHours, type CallingHours } from './calling-hours';
import { nextPreferredWindow } from './preferred-window';

export const CALLBACK_OUTCOMES: readonly CallbackOutcome[] = ['reached', 'no-answer', 'wrong-number', 'declined', 'done-elsewhere'];

/** Due now (its window is open), overdue (its window closed with no outcome), or later. */
export type CallbackBucket = 'due' | 'overdue' | 'later';

export function bucketOf(callback: Pick<StoredCallback, 'windowStart' | 'windowEnd'>, now: number): CallbackBucket {
  if (now < callback.windowStart) return 'later';
  return now < callback.windowEnd ? 'due' : 'overdue';
}

const BUCKET_ORDER: Record<CallbackBucket, number> = { overdue: 0, due: 1, later: 2 };

/** The open callbacks in list order: overdue, then due, then later, each by when its window opens. */
export function listOrder(callbacks: readonly StoredCallback[], now: number): StoredCallback[] {
  return callbacks
    .filter((c) => c.status === 'open')
    .sort((a, b) => BUCKET_ORDER[bucketOf(a, now)] - BUCKET_ORDER[bucketOf(b, now)] || a.windowStart - b.windowStart);
}

/**
 * The callback after an attempt's outcome. No answer moves it to the retry plan's next slot (fitted to the
 * calling hours, or the next slot of the customer's own preferred time after the wait) while the plan lasts, then closes it as no answer; every
 * other outcome closes it.
 */
export function applyOutcome(callback: StoredCallback, outcome: CallbackOutcome, now: number, plan: { retryMinutes: readonly number[]; hours: CallingHours }): StoredCallback {
  const base = { ...callback, updatedAt: now, dirty: true };
  if (outcome !== 'no-answer') return { ...base, status: 'closed', outcome };
  const wait = plan.retryMinutes[callback.attempts];
  if (wait === undefined) return { ...base, status: 'closed', outcome, attempts: callback.attempts + 1 };
  const length = Math.max(callback.windowEnd - callback.windowStart, 15 * 60_000);
  const startAt = now + wait * 60_000;
  // A customer with a preferred time is tried again in its next slot after the wait.
  const preference = parseCallPreference(callback.preference);
  const window = (preference ? nextPreferredWindow(preference, startAt, plan.hours) : null) ?? fitToHours({ startAt, endAt: startAt + length }, plan.hours, false);
  return { ...base, attempts: callback.attempts + 1, windowStart: window.startAt, windowEnd: window.endAt, status: 'open' };
}

/** JsSIP's causes for a call that ended without anyone hanging up: the line, not a person, ended it. */
const ABNORMAL_CAUSES = new Set(['RTP Timeout', 'Connection Error', 'Request Timeout', 'Dialog Error', 'No ACK', 'Internal Error']);

/**
 * Whether an ended call dropped: the customer was talking (answered) and the call ended abnormally, or a
 * transfer of it failed and the customer was lost with it.
 */
export function isDroppedCall(end: Pick<CallEnd, 'outcome' | 'cause'> & { call: Pick<CallEnd['call'], 'answeredAt' | 'transfer'> }): boolean {
  if (end.outcome !== 'answered' || end.call.answeredAt === undefined) return false;
  return ABNORMAL_CAUSES.has(end.cause) || end.call.transfer?.state === 'failed';
}

/** How many open callbacks are overdue at the last tick (the team board's figure). */
export function selectOverdueCount(state: { callbacks: readonly StoredCallback[]; callbacksNow: number }): number {
  return state.callbacks.filter((c) => c.status === 'open' && bucketOf(c, state.callbacksNow) === 'overdue').length;
}
