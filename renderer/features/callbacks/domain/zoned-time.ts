/**
 * Wall-clock time in a named time zone, from and to epoch ms, with Intl only (no time-zone data of our own).
 * Pure: every function takes the instant it works on, so tests cross DST changes with fixed instants.
 */

/** A local date and time in some time zone; `weekday` is 1 = Monday … 7 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** How far `timeZone` is ahead of UTC at the instant `ms`, in ms (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant the clocks in `timeZone` show this date and time. A time the clocks skip (spring forward) is
 * taken as the same length after the change (02:30 → 03:30); a time they show twice (fall back), the first.
 * `day` and `hour` may overflow (day 32, hour 24): they roll over as on a calendar.
 */
export function zonedToEpoch(date: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute);
  // Two passes settle every zone: the offset one day either side of the guess brackets the change.
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const first = asUtc - before;
  if (before === after) return first;
  // A change near here: the earlier offset holds if the clocks read the asked time with it (fall back: the first one).
  if (offsetAt(first, timeZone) === before) return first;
  const second = asUtc - after;
  if (offsetAt(second, timeZone) === after) return second;
  // Skipped (spring forward): keep the old offset, which lands the same length past the change.
  return first;
}

/** The local calendar date `days` after the date of `ms` in `timeZone`. */
export function zonedDatePlus(ms: number, days: number, timeZone: string): { year: number; month: number; day: number } {
  const p = zonedParts(ms, timeZone);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The weekday (1 = Monday … 7 = Sunday) of a local calendar date in `timeZone` (read at its noon, clear of DST changes). */
export function weekdayOf(date: { year: number; month: number; day: number }, timeZone: string): number {
  return zonedParts(zonedToEpoch({ ...date, hour: 12, minute: 0 }, timeZone), timeZone).weekday;
}

/** "HH:MM" as minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
