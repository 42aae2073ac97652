/**
 * The wire format of desktop-to-desktop supervision (issue 20 §2, §4), shared by the lead's app (which
 * asks), Electron main (which signs with the lead's private key) and the agent's app (which verifies).
 *
 * INVITE header (one line; values percent-encoded):
 *   X-Lingxi-Supervision: v=1;mode=listen;call=<SIP Call-ID of the agent's customer call>;
 *     lead=<lead's SIP URI>;ts=<Unix ms>;nonce=<base64url, 16 bytes>;sig=<base64url Ed25519 signature>
 * Mode switch, SIP INFO in the supervision dialog, Content-Type `application/vnd.lingxi.supervision+json`:
 *   {"v":1,"mode":"whisper","call":"…","lead":"sip:…","ts":…,"nonce":"…","sig":"…"}
 * Both sign the same canonical text (signedText): a purpose line, then mode, call, lead, ts and nonce, one
 * per line. Pure: no crypto here (supervision-signing.ts), no JsSIP.
 */
import { z } from 'zod';

export const SUPERVISION_HEADER = 'X-Lingxi-Supervision';
export const SUPERVISION_INFO_TYPE = 'application/vnd.lingxi.supervision+json';
export const SUPERVISION_VERSION = 1;

/** What the lead asks for: the three mixes, or the customer's call handed to the lead. */
export const supervisionWireModes = ['listen', 'whisper', 'barge', 'takeover'] as const;
export type SupervisionWireMode = (typeof supervisionWireModes)[number];

/** Why one request is signed: the INVITE that starts supervision, or an INFO that switches mode. */
export type SupervisionPurpose = 'invite' | 'mode';

/** The fields a lead signs. */
export interface SupervisionClaim {
  mode: SupervisionWireMode;
  /** The SIP Call-ID of the agent's customer call. */
  call: string;
  /** The lead's SIP URI (as in the agents' `supervision.leads`). */
  lead: string;
  /** Unix ms when signed. */
  ts: number;
  /** 16 random bytes, base64url: no two requests sign the same text. */
  nonce: string;
}

export interface SignedSupervisionClaim extends SupervisionClaim {
  /** Ed25519 signature over signedText(purpose, claim), base64url. */
  sig: string;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const claimShape = {
  mode: z.enum(supervisionWireModes),
  call: z.string().min(1).max(256),
  lead: z.string().regex(/^sips?:[^@\s]+@[^@\s]+$/, 'must be a SIP URI'),
  ts: z.number().int().positive(),
  nonce: base64url.min(16).max(64),
};
export const supervisionClaimSchema = z.strictObject(claimShape);
export const signedClaimSchema = z.strictObject({ ...claimShape, sig: base64url.min(80).max(100) });
/** The INFO body of a mode switch. */
export const modeSwitchBodySchema = z.strictObject({ v: z.literal(SUPERVISION_VERSION), ...claimShape, sig: base64url.min(80).max(100) });

/** The exact text that is signed: a request signed for one purpose never passes as the other. */
export function signedText(purpose: SupervisionPurpose, claim: SupervisionClaim): string {
  return [`lingxi-supervision/${SUPERVISION_VERSION}/${purpose}`, claim.mode, claim.call, claim.lead, String(claim.ts), claim.nonce].join('\n');
}

/** The header's value for a signed claim. */
export function formatSupervisionHeader(claim: SignedSupervisionClaim): string {
  const fields: [string, string][] = [
    ['v', String(SUPERVISION_VERSION)],
    ['mode', claim.mode],
    ['call', claim.call],
    ['lead', claim.lead],
    ['ts', String(claim.ts)],
    ['nonce', claim.nonce],
    ['sig', claim.sig],
  ];
  return fields.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join(';');
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads the header's value; anything malformed is an error naming what is wrong. */
export function parseSupervisionHeader(value: string): ParseResult<SignedSupervisionClaim> {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) return { ok: false, error: `malformed field "${part.trim()}"` };
    try {
      fields.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      return { ok: false, error: `malformed encoding in "${part.trim()}"` };
    }
  }
  if (fields.get('v') !== String(SUPERVISION_VERSION)) return { ok: false, error: `unsupported version ${fields.get('v') ?? '(none)'}` };
  fields.delete('v');
  const parsed = signedClaimSchema.safeParse({ ...Object.fromEntries(fields), ts: Number(fields.get('ts')) });
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** The INFO body for a signed mode switch. */
export function formatModeSwitchBody(claim: SignedSupervisionClaim): string {
  return JSON.stringify({ v: SUPERVISION_VERSION, ...claim });
}

export function parseModeSwitchBody(body: string): ParseResult<SignedSupervisionClaim> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  const parsed = modeSwitchBodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  const { v: _version, ...claim } = parsed.data;
  return { ok: true, value: claim };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(header)'}: ${issue.message}` : 'invalid';
}

/** The user part and host of a SIP URI, without scheme, parameters or display name, lower-cased host. */
export function sipAddress(value: string): string | null {
  const match = /sips?:([^@;>\s]+)@([^;>\s:]+)/i.exec(value);
  return match ? `${match[1]}@${(match[2] ?? '').toLowerCase()}` : null;
}

/** Whether two SIP URIs (or name-addr header values) name the same address. */
export function sameSipAddress(a: string, b: string): boolean {
  const left = sipAddress(a);
  return left !== null && left === sipAddress(b);
}
