/**
 * The customer's own preferred calling time (the CRM profile's `callPreference`) as a window: the next slot
 * of it in the bank's time zone. An open end ("after 15:00") is closed by the calling hours; the times the
 * customer named are kept even in the quiet hours, as the customer asked for them.
 */
import type { CallPreference } from '@common/crm/call-preference';
import type { CallingHours, TimeWindow } from './calling-hours';
import { minutesOf, weekdayOf, zonedDatePlus, zonedToEpoch } from './zoned-time';

/** A slot with less than this left is skipped for the next one. */
const MIN_SLOT_MS = 15 * 60_000;

/**
 * The first slot of the preference that still has a quarter of an hour left at `now` (cut to start at `now`
 * when it is open already), on the preference's weekdays or else the calling days; null when the preference
 * leaves no time on any day (e.g. "after 22:00" with calling hours until 21:00).
 */
export function nextPreferredWindow(preference: CallPreference, now: number, hours: CallingHours): TimeWindow | null {
  const zone = hours.timeZone;
  const from = minutesOf(preference.from ?? hours.start);
  const to = minutesOf(preference.to ?? hours.end);
  if (from >= to) return null;
  const days = preference.days ?? hours.days;
  for (let offset = 0; offset <= 7; offset++) {
    const date = zonedDatePlus(now, offset, zone);
    if (!days.includes(weekdayOf(date, zone))) continue;
    const startAt = Math.max(now, zonedToEpoch({ ...date, hour: 0, minute: from }, zone));
    const endAt = zonedToEpoch({ ...date, hour: 0, minute: to }, zone);
    if (endAt - startAt >= MIN_SLOT_MS) return { startAt, endAt };
  }
  return null;
}
