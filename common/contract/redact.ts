/**
 * Redaction applied to every log line before it is written anywhere (Signal's redactAll idea), and to every
 * text file of a diagnostics export: SIP user parts, e-mail addresses, credentials in URLs, passwords,
 * tokens (bearer, basic, JWT), digest responses and nonces, private and team keys, card numbers (Luhn) and
 * other long numbers never reach a file; phone numbers keep only their last four digits (redact-numbers.ts).
 *
 * Every pattern starts only at the beginning of a token (a lookbehind) and has no nested ambiguous
 * repetition, so a line of any length is redacted in linear time: main redacts what any renderer sends.
 */

import { classifyNumber, NUMBER_RUN, RESIDENT_ID } from './redact-numbers';

/** `word` matched in any case, for a pattern that must stay case-sensitive elsewhere. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/**
 * Names whose value is secret: `password=`, `"token": "…"`, `access_token=`, `accessToken:`,
 * `X-Auth-Token:`, `pwd=`. A name may carry a prefix joined by `_`, `-` or camelCase (`sip-password`,
 * `refreshToken`); it starts where a token starts, so `bypass:`, `spin=` and `passport:` are not names.
 */
const SECRET_NAME = `(?<![A-Za-z0-9_-])((?:[A-Za-z0-9]+[_-]|[a-z0-9]+(?=[A-Z]))*(?:${[
  'password', 'passwd', 'passphrase', 'pwd', 'pass', 'credentials?', 'authorization', 'token', 'secret',
  'api[_-]?key', 'private[_-]?key', 'hmac[_-]?key', 'team[_-]?key', 'signing[_-]?key', 'cookie', 'session[_-]?id', 'pin', 'cvv2?', 'otp',
].map(anyCase).join('|')}))`;
/** An HTTP/SIP auth scheme word: kept, so the log still says which scheme was used. */
const SCHEME = `(?:(?:${['bearer', 'basic', 'digest', 'negotiate', 'ntlm', 'token'].map(anyCase).join('|')})\\s+)?`;

const TOKEN68 = '[A-Za-z0-9._~+/-]';

const patterns: ReadonlyArray<[RegExp, string]> = [
  // A private key in PEM, whole or cut off (base64 has no '-', so the body ends at the END line or the text).
  [/-----BEGIN ([A-Z ]*)PRIVATE KEY-----[^-]*(?:-----END [A-Z ]*PRIVATE KEY-----)?/g, '[REDACTED-PRIVATE-KEY]'],
  // A supervision (Ed25519) private key as npm run supervision:keygen prints it: base64 PKCS#8, fixed prefix.
  [/MC4CAQAwBQYDK2VwBCIEI[A-Za-z0-9+/_-]{20,}=*/g, '[REDACTED-PRIVATE-KEY]'],
  // A JSON Web Token anywhere (header and payload are base64url JSON: "eyJ").
  // Only where a token starts: without the lookbehind "eyJeyJeyJ…" was scanned to its end from every "eyJ",
  // quadratic time (50,000 characters: 3.5 s; found by fuzzing).
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[REDACTED-JWT]'],
  // name[:=]value, the value quoted or up to a separator; `Authorization: Bearer x` loses x, not "Bearer".
  [new RegExp(`${SECRET_NAME}(["']?\\s*[:=]\\s*${SCHEME})("[^"]*"|'[^']*'|[^\\s,;}&]+)`, 'g'), '$1$2[REDACTED]'],
  // Digest fields that let the password be cracked offline (response) or tie a capture to it (nonce, cnonce),
  // wherever the header was cut.
  [/(?<![A-Za-z0-9_-])(response|c?nonce)(\s*=\s*)("[^"]*"|[^\s,;&]+)/gi, '$1$2[REDACTED]'],
  // A bearer or basic credential without a header name ("sent Bearer abc.def"): a token with a digit or symbol in it.
  [new RegExp(`(?<![A-Za-z0-9_-])((?:bearer|basic)\\s+)(?=${TOKEN68}*[0-9._~+/=-])${TOKEN68}{8,}=*`, 'gi'), '$1[REDACTED]'],
  // Credentials inside a URL: wss://user:password@host.
  [/(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]*@/gi, '$1[REDACTED]@'],
  [/\b(sips?:)([^@\s;>]+)@/gi, '$1[REDACTED]@'],
  [/(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[REDACTED-EMAIL]'],
  [RESIDENT_ID, '[REDACTED-NUMBER]'],
];

/** Secrets known by value (the policy's SIP password, a stored token): shorter ones would hit ordinary words. */
const MIN_LITERAL_SECRET = 4;

/**
 * Removes secrets and personal numbers from a log message or any other text bound for a file.
 * @param secrets values known to be secret (the loaded policy's password, keys): every occurrence is removed
 */
export function redact(message: string, secrets: readonly string[] = []): string {
  let out = message;
  for (const secret of secrets) if (secret.length >= MIN_LITERAL_SECRET) out = out.split(secret).join('[REDACTED]');
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out.replace(NUMBER_RUN, classifyNumber);
}

/** A field name whose whole value is secret (`password`, `sipPassword`, `x-auth-token`, `hmacKey`). */
const SECRET_KEY = new RegExp(`^${SECRET_NAME}$`);

/** Whether a field of this name holds a secret as a whole. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Redacts every string in a JSON-like value (object keys included); a field whose name says it is secret
 * loses its whole value, whatever its shape. Numbers go through the same digit rules as text unless
 * `numbers` is false (figures a host wrote itself: durations, byte counts, epoch times).
 */
export function redactValue(value: unknown, secrets: readonly string[] = [], keep: ReadonlySet<string> = new Set(), numbers = true): unknown {
  return redactNested(value, secrets, keep, numbers, 0);
}

/** Deeper than any record Lingxi writes: the rest is redacted as JSON text instead of walked (recursion would overflow). */
const MAX_DEPTH = 64;

function redactNested(value: unknown, secrets: readonly string[], keep: ReadonlySet<string>, numbers: boolean, depth: number): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (typeof value === 'number') {
    const text = String(value);
    const redacted = numbers ? redact(text, secrets) : text;
    return redacted === text ? value : redacted;
  }
  if (value === null || typeof value !== 'object') return value;
  // Found by fuzzing: a value nested a few thousand deep overflowed the stack and the line was lost.
  if (depth >= MAX_DEPTH) return deepText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactNested(item, secrets, new Set(), numbers, depth + 1));
  // Object.fromEntries defines own properties: a "__proto__" field from JSON stays a field, where assigning
  // it would set the copy's prototype and drop the field (found by fuzzing).
  return Object.fromEntries(Object.entries(value).map(([key, item]) => (keep.has(key) ? [key, item] : redactEntry(key, item, secrets, numbers, depth))));
}

/** One field of an object at `depth`: its name redacted, its value too (all of it when the name says it is secret). */
function redactEntry(key: string, item: unknown, secrets: readonly string[], numbers: boolean, depth: number): [string, unknown] {
  if (isSecretKey(key) && item !== null && item !== undefined && item !== '') return [redact(key, secrets), '[REDACTED]'];
  return [redact(key, secrets), redactNested(item, secrets, new Set(), numbers, depth + 1)];
}

/** The part of a value below MAX_DEPTH, as redacted JSON text; JSON.stringify itself overflows a few thousand levels down. */
function deepText(value: object, secrets: readonly string[]): string {
  try {
    return redact(JSON.stringify(value), secrets);
  } catch (error) {
    if (error instanceof RangeError) return '[REDACTED-TOO-DEEP]';
    throw error;
  }
}

/**
 * Redacts one JSON log line field by field (JSON-aware, so escapes cannot hide a secret and the line stays
 * valid JSON); a line that is not JSON is redacted as text. `keep` names top-level fields left as they are
 * (the logger's own time and pid).
 */
export function redactJsonLine(line: string, secrets: readonly string[] = [], keep: ReadonlySet<string> = new Set()): string {
  const newline = line.endsWith('\n') ? '\n' : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return redact(line, secrets);
  }
  // A line that is JSON stays JSON (found by fuzzing: a top-level array redacted as text could break it).
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return `${JSON.stringify(redactValue(parsed, secrets))}${newline}`;
  // Fields in their order, built as own properties (a "__proto__" field is a field).
  const out = Object.fromEntries(Object.entries(parsed).map(([key, item]) => (keep.has(key) ? [key, item] : redactEntry(key, item, secrets, true, 0))));
  return `${JSON.stringify(out)}${newline}`;
}
