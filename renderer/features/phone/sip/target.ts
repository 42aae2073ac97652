/**
 * Turns what the agent typed into a SIP target, or explains why it cannot.
 * Separators people type (spaces, dashes, dots, brackets) are dropped; a full SIP URI passes as is.
 */
export type DialTarget = { ok: true; uri: string; number: string } | { ok: false; error: 'empty' | 'invalid' };

export function toDialTarget(input: string, ownUri: string): DialTarget {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'empty' };
  if (/^sips?:/i.test(trimmed)) {
    const match = /^sips?:([^@\s]+)@[^@\s]+$/i.exec(trimmed);
    return match?.[1] ? { ok: true, uri: trimmed, number: match[1] } : { ok: false, error: 'invalid' };
  }
  const number = trimmed.replace(/[\s\-.()]/g, '');
  if (!/^\+?[0-9*#]{1,32}$/.test(number)) return { ok: false, error: 'invalid' };
  const domain = ownUri.slice(ownUri.indexOf('@') + 1);
  return { ok: true, uri: `sip:${number}@${domain}`, number };
}

/** The user part of a SIP URI: the number shown to the agent. */
export function userPart(uri: string): string {
  const match = /^sips?:([^@;]+)@/i.exec(uri);
  return match?.[1] ?? uri;
}
