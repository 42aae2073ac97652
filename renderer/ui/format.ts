/** Formatters every feature's screens share. */

/** mm:ss (h:mm:ss past an hour) for a duration in ms. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/**
 * mm:ss.t for an offset into a recording (h:mm:ss.t past an hour), to the nearest tenth of a second: a
 * 0.4 s pause must not read as 00:03–00:03.
 */
export function formatOffset(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  return `${formatDuration(Math.floor(tenths / 10) * 1000)}.${tenths % 10}`;
}

/*
 * Dates, times and numbers in the UI's language, the same way on every screen: a 24-hour clock (Chinese
 * banks' habit, and no "PM" next to "19:49" in the next panel), today's times without a date, older ones
 * with month and day, and the year only when it is not this one.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** 19:49 (the time of day, 24-hour, in the UI's language). */
export function formatTime(ms: number, language: string): string {
  return cached(`time:${language}`, () => new Intl.DateTimeFormat(language, clock)).format(ms);
}

/** 19:49:05, for a live board where seconds matter. */
export function formatTimeSeconds(ms: number, language: string): string {
  return cached(`time-s:${language}`, () => new Intl.DateTimeFormat(language, { ...clock, second: '2-digit' })).format(ms);
}

/** When something happened: today's time alone, else month, day and time, with the year only if it is not this one. */
export function formatWhen(ms: number, language: string, now: number = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return formatTime(ms, language);
  const withYear = date.getFullYear() !== today.getFullYear();
  const options: Intl.DateTimeFormatOptions = { ...clock, month: '2-digit', day: '2-digit', ...(withYear ? { year: 'numeric' } : {}) };
  return cached(`when:${language}:${withYear}`, () => new Intl.DateTimeFormat(language, options)).format(ms);
}

/** A number with the language's grouping and decimals (1,234.5). */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(`number:${language}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(language, options)).format(value);
}

/** An amount of money in its currency, written the UI language's way (¥1,234.50, NT$1,234.50, CN¥1,234.50). */
export function formatCurrency(amount: number, currency: string, language: string): string {
  return formatNumber(amount, language, { style: 'currency', currency });
}
