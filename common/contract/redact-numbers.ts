/**
 * Digit runs in log text: which are card numbers, phone numbers or other personal numbers, and which are
 * times, versions, addresses and durations a reader needs. Used by redact.ts.
 *
 * - Card numbers: 13–19 digits (spaces, dashes or dots between them) that pass the Luhn check → `[REDACTED-CARD]`.
 * - Other runs of 16 digits or more (account and id numbers) → `[REDACTED-NUMBER]`; a Chinese resident id
 *   (17 digits and a check digit or X) too.
 * - Phone numbers: 7–15 digits → masked to their last four, `[REDACTED-PHONE …8000]`.
 * - Kept: fewer than 7 digits (extensions, ports, counts), a number with a unit (`1500 ms`, `2048 MB`),
 *   decimals, dotted versions and IP addresses, dates (`2026-12-07`), epoch times (10 or 13 contiguous
 *   digits starting with 1), and digits inside a word (call ids, hashes: `a1234567b`).
 */

/** ASCII and full-width digits (an IME can type ０-９ into a note that ends up in a log). */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
/** One separator between digit groups: space, ideographic space, no-break space, dash, full-width dash, dot. */
const SEPARATOR = '[ \\u00A0\\u3000\\-\\uFF0D.\\uFF0E]';
/** What may not stand right before a number: a letter, digit, underscore or decimal point (part of a word or a fraction); a time's colon; a dash after a letter or digit (the groups of a UUID). */
const NOT_AFTER = '(?<![A-Za-z0-9_\\uFF10-\\uFF19.]|[0-9]:|[A-Za-z0-9]-)';
/** What may not follow it: a letter or digit (a word), a separator or colon with more digits (a longer run, a time), a unit. */
const NOT_BEFORE = `(?![A-Za-z0-9_\\uFF10-\\uFF19]|[.\\-:/][0-9]|\\s?(?:ms|s|sec|seconds?|min|minutes?|h|hours?|us|µs|ns|bytes?|B|[kKMG]i?B|kbps|bps|Hz|kHz|px|%)(?![A-Za-z]))`;

/**
 * A run of digit groups; the first group may be a single digit (`+1 415 …`), later ones have at least two,
 * so a list of single digits (`1 2 3 4 5 6 7`) is never one number. The groups are separated by exactly one
 * non-digit, so the pattern has one way to match any text: linear time.
 */
export const NUMBER_RUN = new RegExp(`${NOT_AFTER}(\\+?)(${DIGIT}+(?:${SEPARATOR}${DIGIT}{2,})*)${NOT_BEFORE}`, 'g');

/** A Chinese resident id: 17 digits and a check character that may be X. */
export const RESIDENT_ID = /(?<![A-Za-z0-9_])[0-9]{17}[0-9Xx](?![A-Za-z0-9_])/g;

const asciiDigits = (text: string): string =>
  text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[^0-9]/g, '');

/** Whether a digit string passes the Luhn check (every payment card number does). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const DATE = /^[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}$/;

/** The replacement for one digit run NUMBER_RUN found (the run itself when it is kept). */
export function classifyNumber(match: string, plus: string, run: string): string {
  const digits = asciiDigits(run);
  const contiguous = digits.length === run.length;
  if (digits.length < 7) return match;
  if (!plus && digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return '[REDACTED-CARD]';
  if (digits.length >= 16) return '[REDACTED-NUMBER]';
  // Dots separate decimals, versions and addresses; a card written with dots is caught above.
  if (/[.\uFF0E]/.test(run) || DATE.test(run)) return match;
  // Epoch seconds and milliseconds (2001–2033); no phone number has 10 or 13 digits starting with 1 in one piece.
  if (!plus && contiguous && (digits.length === 10 || digits.length === 13) && digits.startsWith('1')) return match;
  return `[REDACTED-PHONE …${digits.slice(-4)}]`;
}
