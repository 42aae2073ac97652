/** The "When" presets of the Callback dialog, worked out in the bank's time zone and fitted to the calling hours. */
import { fitToHours, type CallingHours, type TimeWindow } from './calling-hours';
import { zonedDatePlus, zonedParts, zonedToEpoch } from './zoned-time';

export const WINDOW_PRESETS = ['in-1-hour', 'this-afternoon', 'tomorrow-morning', 'custom'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

const HOUR = 3_600_000;
/** An afternoon is 14:00–17:00, a morning 09:00–12:00, local to the bank. */
const AFTERNOON = { from: 14, to: 17 };
const MORNING = { from: 9, to: 12 };

function localSpan(ms: number, days: number, span: { from: number; to: number }, timeZone: string): TimeWindow {
  const date = zonedDatePlus(ms, days, timeZone);
  return { startAt: zonedToEpoch({ ...date, hour: span.from, minute: 0 }, timeZone), endAt: zonedToEpoch({ ...date, hour: span.to, minute: 0 }, timeZone) };
}

/**
 * The window a preset means at `now`: in 1 hour (an hour long), this afternoon (tomorrow's once it is over),
 * tomorrow morning, or the picker's local date and time (`custom`, "YYYY-MM-DDTHH:MM" in the bank's zone, an
 * hour long). Then fitted to the calling hours, unless the customer asked for the time.
 */
export function windowFor(preset: WindowPreset, now: number, hours: CallingHours, options: { custom?: string; customerAsked?: boolean } = {}): TimeWindow {
  const zone = hours.timeZone;
  let window: TimeWindow;
  switch (preset) {
    case 'in-1-hour':
      window = { startAt: now + HOUR, endAt: now + 2 * HOUR };
      break;
    case 'this-afternoon': {
      const today = localSpan(now, 0, AFTERNOON, zone);
      window = now < today.endAt ? { startAt: Math.max(now, today.startAt), endAt: today.endAt } : localSpan(now, 1, AFTERNOON, zone);
      break;
    }
    case 'tomorrow-morning':
      window = localSpan(now, 1, MORNING, zone);
      break;
    case 'custom': {
      const startAt = parseLocal(options.custom ?? '', zone) ?? now;
      window = { startAt, endAt: startAt + HOUR };
      break;
    }
  }
  return fitToHours(window, hours, options.customerAsked ?? false);
}

/** "YYYY-MM-DDTHH:MM" (an `<input type="datetime-local">` value) in `timeZone`, or null. */
export function parseLocal(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return zonedToEpoch({ year, month, day, hour, minute }, timeZone);
}

/** The picker's value for an instant, in `timeZone`. */
export function formatLocal(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
