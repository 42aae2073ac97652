/**
 * Redaction applied to every log line before it is written anywhere (Signal's redactAll idea):
 * phone numbers, SIP user parts, card and id numbers, and digest secrets never reach a log.
 */
const patterns: ReadonlyArray<[RegExp, string]> = [
  [/\b(password|credential|authorization|token|secret)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}]+)/gi, '$1$2[REDACTED]'],
  [/\b(sips?:)([^@\s;>]+)@/gi, '$1[REDACTED]@'],
  [/\+?\d[\d\s-]{4,}\d/g, '[REDACTED-NUMBER]'],
];

/** Removes secrets and personal numbers from a log message. */
export function redact(message: string): string {
  let out = message;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
