/**
 * Redaction applied to every log line before it is written anywhere (Signal's redactAll idea):
 * phone numbers, SIP user parts, card and id numbers, e-mail addresses, credentials in URLs, and
 * passwords, tokens and digest secrets never reach a log.
 *
 * Every pattern starts only at the beginning of a token (a lookbehind) and has no nested ambiguous
 * repetition, so a line of any length is redacted in linear time: main redacts what any renderer sends.
 */

/** An ASCII or full-width digit (an IME can type ０-９ into a note that ends up in a log). */
const D = '[0-9\\uFF10-\\uFF19]';

/** `word` matched in any case, for a pattern that must stay case-sensitive elsewhere. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/**
 * Names whose value is secret: `password=`, `"token": "…"`, `access_token=`, `accessToken:`,
 * `X-Auth-Token:`, `pwd=`. A name may carry a prefix joined by `_`, `-` or camelCase (`sip-password`,
 * `refreshToken`); it starts where a token starts, so `bypass:`, `spin=` and `passport:` are not names.
 */
const SECRET_NAME = `(?<![A-Za-z0-9_-])((?:[A-Za-z0-9]+[_-]|[a-z0-9]+(?=[A-Z]))*(?:${[
  'password', 'passwd', 'passphrase', 'pwd', 'pass', 'credentials?', 'authorization', 'token', 'secret',
  'api[_-]?key', 'private[_-]?key', 'cookie', 'session[_-]?id', 'pin', 'cvv2?', 'otp',
].map(anyCase).join('|')}))`;
/** An HTTP/SIP auth scheme word: kept, so the log still says which scheme was used. */
const SCHEME = `(?:(?:${['bearer', 'basic', 'digest', 'negotiate', 'ntlm', 'token'].map(anyCase).join('|')})\\s+)?`;

const patterns: ReadonlyArray<[RegExp, string]> = [
  // name[:=]value, the value quoted or up to a separator; `Authorization: Bearer x` loses x, not "Bearer".
  [new RegExp(`${SECRET_NAME}(["']?\\s*[:=]\\s*${SCHEME})("[^"]*"|'[^']*'|[^\\s,;}&]+)`, 'g'), '$1$2[REDACTED]'],
  // A digest response= (the hash of the password: it can be cracked offline), wherever the header was cut.
  [/(?<![A-Za-z0-9_-])(response)(\s*=\s*)("[^"]*"|[^\s,;&]+)/gi, '$1$2[REDACTED]'],
  // Credentials inside a URL: wss://user:password@host.
  [/(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]*@/gi, '$1[REDACTED]@'],
  [/\b(sips?:)([^@\s;>]+)@/gi, '$1[REDACTED]@'],
  [/(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[REDACTED-EMAIL]'],
  // Card numbers written with dots (6222.0212.3456.7890): 13–19 digits, one separator between any two.
  [new RegExp(`\\+?${D}(?:[\\s.\\uFF0E\\-\\uFF0D]?${D}){12,18}`, 'g'), '[REDACTED-NUMBER]'],
  // Phone, id and card numbers: 6 or more digits, spaces and hyphens, ASCII or full-width.
  [new RegExp(`\\+?${D}[${D.slice(1, -1)}\\s\\-\\uFF0D]{4,}${D}`, 'g'), '[REDACTED-NUMBER]'],
];

/** Removes secrets and personal numbers from a log message. */
export function redact(message: string): string {
  let out = message;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
