/**
 * The customer's own preferred calling time, as the CRM carries it (policy `crm.mapping.callPreference`).
 * Times are the bank's wall clock (`callbacks.hours.timeZone`). The format, case-insensitive:
 *
 *   15:00-18:00              every calling day, from 15:00 until 18:00 (also 15:00–18:00, 15:00~18:00)
 *   after 15:00              from 15:00 until the calling hours close
 *   before 11:00             from the calling hours' opening until 11:00
 *   Mon-Fri 15:00-18:00      only on these weekdays (Mon … Sun; a range "Mon-Fri" or a list "Sat,Sun")
 *
 * Anything else is not a preference: the mapping leaves it out (one log line), the screen pop goes on.
 * Pure, no time zone here: callbacks/domain/preferred-window.ts turns it into instants.
 */

/** A parsed preference; at least one of `from` and `to` ("HH:MM"). `days`: 1 = Monday … 7 = Sunday. */
export interface CallPreference {
  days?: number[];
  from?: string;
  to?: string;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = '([01]?\\d|2[0-4]):([0-5]\\d)';
const SPAN = new RegExp(`^${TIME}\\s*[-–~]\\s*${TIME}$`);
const AFTER = new RegExp(`^after\\s+${TIME}$`);
const BEFORE = new RegExp(`^before\\s+${TIME}$`);
/** Longer text is not a preference (and is not parsed). */
const MAX_CHARS = 60;

const hhmm = (hour: string, minute: string): string | null => {
  const h = Number(hour);
  if (h === 24 && minute !== '00') return null;
  return `${String(h).padStart(2, '0')}:${minute}`;
};

function parseDay(name: string): number | null {
  const index = DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
  return index >= 0 ? index + 1 : null;
}

/** "Mon-Fri", "Sat,Sun", "Mon,Wed-Fri" → weekday numbers in order, or null. */
function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [first = '', last, extra] = part.trim().split(/\s*[-–]\s*/);
    const from = parseDay(first);
    const to = last === undefined ? from : parseDay(last);
    if (from === null || to === null || extra !== undefined || to < from) return null;
    for (let day = from; day <= to; day++) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** Parses a CRM value; null when it is not a preference in the format above. */
export function parseCallPreference(value: unknown): CallPreference | null {
  if (typeof value !== 'string' || value.length > MAX_CHARS) return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  // Weekdays first, if any: everything before the times.
  const timesFirst = /^(after|before|\d)/.test(text);
  const split = timesFirst ? null : /^([a-z,\s–-]+?)\s+((?:after|before)\s.*|\d.*)$/.exec(text);
  if (!timesFirst && !split) return null;
  const days = split ? parseDays(split[1] ?? '') : undefined;
  if (days === null) return null;
  const times = split ? (split[2] ?? '') : text;
  let preference: CallPreference | null = null;
  const span = SPAN.exec(times);
  const after = AFTER.exec(times);
  const before = BEFORE.exec(times);
  if (span) {
    const from = hhmm(span[1] ?? '', span[2] ?? '');
    const to = hhmm(span[3] ?? '', span[4] ?? '');
    preference = from && to && from < to ? { from, to } : null;
  } else if (after) {
    const from = hhmm(after[1] ?? '', after[2] ?? '');
    preference = from && from < '24:00' ? { from } : null;
  } else if (before) {
    const to = hhmm(before[1] ?? '', before[2] ?? '');
    preference = to && to > '00:00' ? { to } : null;
  }
  return preference && days ? { days, ...preference } : preference;
}

const dayName = (day: number): string => {
  const name = DAY_NAMES[day - 1] ?? 'mon';
  return name[0]?.toUpperCase() + name.slice(1);
};

/** Contiguous runs of weekdays: [1,2,3,5] → [[1,3],[5,5]]. */
function dayRuns(days: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** The canonical text of a preference (what the profile keeps): "Mon-Fri 15:00-18:00", "after 15:00". */
export function formatCallPreference(preference: CallPreference): string {
  const days = preference.days ? `${dayRuns(preference.days).map(([a, b]) => (a === b ? dayName(a) : `${dayName(a)}-${dayName(b)}`)).join(',')} ` : '';
  if (preference.from && preference.to) return `${days}${preference.from}-${preference.to}`;
  return preference.from ? `${days}after ${preference.from}` : `${days}before ${preference.to ?? ''}`;
}

/** Words of `describeCallPreference` in one UI language. */
export interface PreferenceWords {
  after: (time: string) => string;
  before: (time: string) => string;
  /** Between the weekdays of a list. */
  listSeparator: string;
}

/**
 * A preference for people, in the UI language: "Mon–Fri 15:00–18:00", "周一至周五 15:00–18:00", "after 15:00".
 * Weekday names come from Intl (a Monday in January 2024 is day 1).
 */
export function describeCallPreference(preference: CallPreference, language: string, words: PreferenceWords): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const name = (day: number) => weekday.format(Date.UTC(2024, 0, day));
  const rangeSeparator = language.startsWith('zh') ? '至' : '–';
  const days = preference.days
    ? `${dayRuns(preference.days)
        .map(([a, b]) => (a === b ? name(a) : b === a + 1 ? `${name(a)}${words.listSeparator}${name(b)}` : `${name(a)}${rangeSeparator}${name(b)}`))
        .join(words.listSeparator)} `
    : '';
  if (preference.from && preference.to) return `${days}${preference.from}–${preference.to}`;
  return `${days}${preference.from ? words.after(preference.from) : words.before(preference.to ?? '')}`;
}
