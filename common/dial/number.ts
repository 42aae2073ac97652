/**
 * Click-to-dial numbers: what a `tel:`, `sip:` or `callto:` link, a `?dial=` address or the clipboard holds,
 * turned into the number the bank's PBX dials, or the reason it is not a number.
 *
 * China-first: `+86` / `0086` become the national form the PBX dials (mobiles and 400/800/95xxx service
 * numbers as they are, landlines with the trunk 0); other country codes stay international (`+852…`) and the
 * policy decides (dial-check.ts). Full-width digits and punctuation (NFKC), RFC 3966 visual separators and
 * `phone-context`, and extensions (`;ext=`, `,`, `p`, `w`, `ext.`, `x`, `转`/`轉`) are understood.
 * Pure TypeScript: main (link hand-off), the browser host and the renderer use it.
 */

/** Why a text is not a number Lingxi dials (each has a sentence in the Dial dialog's messages). */
export type NumberProblem =
  | 'empty'
  /** Letters or symbols that are not part of any phone number. */
  | 'not-a-number'
  /** A sip: address whose user part is a name, not a number (sip:alice@…). */
  | 'sip-name'
  /** A scheme other than tel:, sip:, sips:, callto:. */
  | 'unsupported-link'
  | 'too-short'
  | 'too-long';

/** What the number is, which decides whether `dial.prefix` applies (see dial-check.ts). */
export type NumberKind = 'national' | 'international';

export interface ParsedNumber {
  ok: true;
  /** Digits the PBX dials (national form), or `+` and digits for a number outside China. */
  number: string;
  kind: NumberKind;
  /** Digits sent as DTMF once the call is answered (`;ext=12`, `,12`, `转12`). */
  extension?: string;
}
export type NumberParse = ParsedNumber | { ok: false; problem: NumberProblem };

/** The longest text looked at; anything longer is refused before any parsing (links and the clipboard are untrusted). */
export const MAX_DIAL_INPUT = 256;
/** E.164 allows 15 digits; national forms with a trunk 0 and short codes stay within it. */
const MAX_DIGITS = 15;
const MIN_DIGITS = 3;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** RFC 3966 visual separators, plus the space and slash people type. */
const SEPARATORS = /[\s\-.()/[\]]/g;
/** Where an extension starts in a plain number: `,` `p` `w` (pause/wait), `;ext=`, `ext`, `x`, 转/轉/分机/分機. */
const EXTENSION_MARK = /\s*(?:;\s*ext\s*=|,+|[pw]+|ext\.?|x|转|轉|分机|分機)\s*/i;

function fail(problem: NumberProblem): NumberParse {
  return { ok: false, problem };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** China's national significant number (after +86) in the form dialled inside China. */
function chinaNational(significant: string): string {
  // Mobiles (1xx), 400/800 service numbers and 95xxx/96xxx short service numbers take no trunk prefix.
  if (/^1\d{10}$/.test(significant) || /^[48]00\d{7}$/.test(significant) || /^9[56]\d{3,6}$/.test(significant)) return significant;
  return significant.startsWith('0') ? significant : `0${significant}`;
}

/** Digits with an optional leading + or 00 international prefix → the number the PBX dials, and its kind. */
function fromDigits(raw: string): NumberParse {
  let digits = raw;
  let international = false;
  if (digits.startsWith('+')) {
    international = true;
    digits = digits.slice(1);
  } else if (/^00[1-9]/.test(digits)) {
    international = true;
    digits = digits.slice(2);
  }
  if (!/^\d+$/.test(digits)) return fail(digits === '' ? 'empty' : 'not-a-number');
  if (digits.length > MAX_DIGITS) return fail('too-long');
  // A CRM export's 86-prefixed mobile without the + (8613800138000).
  if (!international && /^861[3-9]\d{9}$/.test(digits)) return { ok: true, number: digits.slice(2), kind: 'national' };
  if (international && digits.startsWith('86')) {
    const national = chinaNational(digits.slice(2));
    return national.length >= MIN_DIGITS ? { ok: true, number: national, kind: 'national' } : fail('too-short');
  }
  if (digits.length < MIN_DIGITS) return fail('too-short');
  return international ? { ok: true, number: `+${digits}`, kind: 'international' } : { ok: true, number: digits, kind: 'national' };
}

/** Splits `number<mark>extension`; the extension keeps only its digits (and * #, which DTMF carries). */
function splitExtension(text: string): { main: string; extension?: string } | undefined {
  const match = EXTENSION_MARK.exec(text);
  // A leading mark (`,123`) is not an extension: nothing to dial before it.
  if (!match || match.index === 0) return { main: text };
  const extension = text.slice(match.index + match[0].length).replace(SEPARATORS, '');
  if (extension === '') return { main: text.slice(0, match.index) };
  if (!/^[0-9*#]{1,16}$/.test(extension)) return undefined;
  return { main: text.slice(0, match.index), extension };
}

/** A plain number (also the part after `tel:` once its parameters are read). */
function parsePlain(text: string): NumberParse {
  const split = splitExtension(text.trim());
  if (!split) return fail('not-a-number');
  const main = split.main.replace(SEPARATORS, '');
  if (main === '') return fail('empty');
  if (!/^\+?\d+$/.test(main)) return fail('not-a-number');
  const parsed = fromDigits(main);
  return parsed.ok && split.extension ? { ...parsed, extension: split.extension } : parsed;
}

/** RFC 3966: `tel:+86-10-8888-8888;ext=12`, `tel:8888-8888;phone-context=+86-10`. */
function parseTel(body: string): NumberParse {
  const [number = '', ...params] = body.split(';');
  let extension: string | undefined;
  let context = '';
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (/^ext$/i.test(name.trim())) extension = value.replace(SEPARATORS, '');
    else if (/^phone-context$/i.test(name.trim())) context = value.trim();
  }
  if (extension !== undefined && !/^[0-9*#]{1,16}$/.test(extension)) return fail('not-a-number');
  // A global phone-context (+86-10) completes a local number; a domain context says nothing about digits.
  const local = number.replace(SEPARATORS, '');
  const full = context.startsWith('+') && !local.startsWith('+') ? `${context.replace(SEPARATORS, '')}${local}` : number;
  const parsed = parsePlain(full);
  return parsed.ok && extension ? { ...parsed, extension } : parsed;
}

/** `sip:8001@pbx.bank.example` → 8001 (dialled on the agent's own PBX); a name is refused. */
function parseSip(body: string): NumberParse {
  const user = body.split(/[;?]/)[0]?.split('@')[0] ?? '';
  const decoded = decode(user);
  // RFC 3261 §19.1.6: a telephone-subscriber user part may carry tel: parameters (;phone-context, ;ext is not one but seen).
  if (/[a-z]/i.test(decoded.replace(/;.*$/, ''))) return fail(decoded.trim() === '' ? 'empty' : 'sip-name');
  return parsePlain(decoded);
}

/**
 * Reads a dial request: a `tel:`/`sip:`/`sips:`/`callto:` link or a typed/copied number.
 * @returns the number the PBX dials (before the policy's prefix), or the reason it is not one
 */
export function parseDialInput(input: string): NumberParse {
  if (input.length > MAX_DIAL_INPUT) return fail('too-long');
  // Full-width digits, ＋, （）, －, the ideographic space: one form.
  const text = input.normalize('NFKC').trim();
  if (text === '') return fail('empty');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return parsePlain(text);
  const body = text.slice(scheme.length + 1);
  switch (scheme) {
    case 'tel':
      return parseTel(decode(body));
    case 'callto':
      return parsePlain(decode(body.replace(/^\/\//, '')));
    case 'sip':
    case 'sips':
      return parseSip(body);
    default:
      return fail('unsupported-link');
  }
}

/** The link schemes Lingxi registers for (Electron protocol client, browser protocol handler). */
export const DIAL_SCHEMES = ['tel', 'sip', 'callto'] as const;

/** Whether a command-line argument or URL is a link for one of DIAL_SCHEMES (the rest of argv is not ours). */
export function isDialLink(value: string): boolean {
  const scheme = SCHEME.exec(value.trim())?.[1]?.toLowerCase();
  return scheme === 'sips' || (DIAL_SCHEMES as readonly string[]).includes(scheme ?? '');
}
