/**
 * Calling hours (policy `callbacks.hours`): when a customer may be called, in the bank's time zone. Outside
 * them are the quiet hours: no callback is placed then unless the customer asked for that very time.
 */
import type { CallbacksPolicy } from '@common/contract/policy-callbacks';
import { minutesOf, weekdayOf, zonedDatePlus, zonedParts, zonedToEpoch } from './zoned-time';

export type CallingHours = CallbacksPolicy['hours'];

/** A span of time, epoch ms, start inclusive, end exclusive. */
export interface TimeWindow {
  startAt: number;
  endAt: number;
}

/** Whether a customer may be called at `ms`. */
export function withinHours(ms: number, hours: CallingHours): boolean {
  const p = zonedParts(ms, hours.timeZone);
  const minute = p.hour * 60 + p.minute;
  return hours.days.includes(p.weekday) && minute >= minutesOf(hours.start) && minute < minutesOf(hours.end);
}

/** The opening and closing instants of the calling day `days` after the local date of `ms`, or null on a closed day. */
function dayHours(ms: number, days: number, hours: CallingHours): TimeWindow | null {
  const date = zonedDatePlus(ms, days, hours.timeZone);
  if (!hours.days.includes(weekdayOf(date, hours.timeZone))) return null;
  const at = (hhmm: string) => zonedToEpoch({ ...date, hour: 0, minute: minutesOf(hhmm) }, hours.timeZone);
  return { startAt: at(hours.start), endAt: at(hours.end) };
}

/** The first instant at or after `ms` when a customer may be called (within 8 days: every week has an open day). */
export function nextOpening(ms: number, hours: CallingHours): number {
  if (withinHours(ms, hours)) return ms;
  for (let days = 0; days <= 7; days++) {
    const open = dayHours(ms, days, hours);
    if (open && open.startAt > ms) return open.startAt;
  }
  return ms;
}

/** When the calling day that `ms` falls in closes (ms itself when it is outside the hours). */
function closingAfter(ms: number, hours: CallingHours): number {
  const today = dayHours(ms, 0, hours);
  return today && ms >= today.startAt && ms < today.endAt ? today.endAt : ms;
}

/**
 * Fits a window into the calling hours: a start in the quiet hours moves to the next opening, and the end is
 * kept at least as long after it (cut at closing time). A customer's own request is kept as it is.
 */
export function fitToHours(window: TimeWindow, hours: CallingHours, customerAsked: boolean): TimeWindow {
  if (customerAsked) return window;
  const startAt = nextOpening(window.startAt, hours);
  if (startAt === window.startAt && window.endAt <= closingAfter(startAt, hours)) return window;
  const length = Math.max(window.endAt - window.startAt, 15 * 60_000);
  return { startAt, endAt: Math.min(startAt + length, closingAfter(startAt, hours)) };
}
