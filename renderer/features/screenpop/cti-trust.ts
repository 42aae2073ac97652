/**
 * Whether to believe an INVITE's CTI headers. Anyone who can place a SIP call can write X-Verified or
 * X-Customer-Id, so they count only from a source IT names in `cti.trustedSources` (matched against the
 * P-Asserted-Identity, else the From) or with a valid X-CTI-Signature HMAC under `cti.hmacKey`.
 */
import type { CtiPolicy } from '@common/contract/policy';
import type { InviteOrigin } from '../phone';

/** The CTI headers a signature covers, in signing order (README: "CTI signature"). */
export const SIGNED_CTI_HEADERS = ['x-customer-id', 'x-ivr-path', 'x-intent', 'x-verified', 'x-language', 'x-queue', 'x-vip'] as const;
export const SIGNATURE_HEADER = 'x-cti-signature';
const CANONICAL_VERSION = 'lingxi-cti-v1';

export type CtiTrust =
  | { trusted: true; by: 'source' | 'signature' }
  | { trusted: false; reason: 'unknown-source' | 'bad-signature' | 'expired' | 'replayed' };

interface SipAddress {
  user: string;
  host: string;
}

/** user@host of a sip:/sips: URI (scheme, port, parameters and headers dropped); undefined for anything else. */
function parseSipUri(uri: string): SipAddress | undefined {
  const match = /^sips?:([^@;?]+)@(\[[^\]]+\]|[^:;?>]+)/i.exec(uri.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { user: match[1], host: match[2].toLowerCase() };
}

/**
 * The SIP address of a From or P-Asserted-Identity value: `"Name" <sip:u@h;p>;tag=x` or `sip:u@h;tag=x`.
 * P-Asserted-Identity may list a tel: URI too; the first sip: entry counts.
 */
export function headerAddress(value: string): SipAddress | undefined {
  const bracketed = [...value.matchAll(/<([^>]*)>/g)].map((m) => m[1] ?? '');
  // Without angle brackets, whatever follows ';' is a header parameter (RFC 3261 §20.10).
  const entries = bracketed.length > 0 ? bracketed : value.split(',').map((entry) => entry.split(';')[0] ?? '');
  for (const entry of entries) {
    const address = parseSipUri(entry);
    if (address) return address;
  }
  return undefined;
}

/** Who sent the INVITE, as far as the proxy vouches: its P-Asserted-Identity, else its From. */
export function inviteSource(invite: InviteOrigin | undefined): SipAddress | undefined {
  if (!invite) return undefined;
  return (invite.assertedIdentity ? headerAddress(invite.assertedIdentity) : undefined) ?? headerAddress(invite.from);
}

/** Whether an address is one of the policy's sources (`sip:*@domain` = every user of the domain, not its subdomains). */
export function isTrustedSource(source: SipAddress | undefined, trustedSources: readonly string[]): boolean {
  if (!source) return false;
  return trustedSources.some((pattern) => {
    const trusted = parseSipUri(pattern);
    return trusted !== undefined && trusted.host === source.host && (trusted.user === '*' || trusted.user === source.user);
  });
}

/** The exact string the IVR signs (README: "CTI signature"): version, timestamp, Call-ID, then each header. */
export function canonicalCtiString(headers: Record<string, string>, callId: string, timestamp: string): string {
  return [CANONICAL_VERSION, timestamp, callId, ...SIGNED_CTI_HEADERS.map((name) => `${name}:${headers[name]?.trim() ?? ''}`)].join('\n');
}

/** `t=<unix seconds>;sig=<64 hex>`, parameters in any order; undefined when malformed. */
export function parseSignature(value: string | undefined): { timestamp: string; hex: string; sig: Uint8Array<ArrayBuffer> } | undefined {
  if (!value) return undefined;
  const params = new Map(value.split(';').map((part) => {
    const [name = '', ...rest] = part.split('=');
    return [name.trim().toLowerCase(), rest.join('=').trim()] as const;
  }));
  const timestamp = params.get('t') ?? '';
  const hex = params.get('sig') ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  const sig = new Uint8Array(new ArrayBuffer(32));
  for (let i = 0; i < 32; i += 1) sig[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { timestamp, hex: hex.toLowerCase(), sig };
}

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/** The lowercase hex HMAC-SHA256 of the canonical string: what a signing IVR sends (tests, tools). */
export async function signCti(secret: string, headers: Record<string, string>, callId: string, timestamp: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(canonicalCtiString(headers, callId, timestamp)));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface TrustContext {
  headers: Record<string, string>;
  invite: InviteOrigin | undefined;
  /** Epoch ms. */
  now: number;
  /** Signatures accepted lately (sig hex → expiry ms): the same signed INVITE is believed once. */
  seen: Map<string, number>;
}

/** Decides whether a call's CTI headers may be believed. Never throws. */
export async function decideCtiTrust(policy: CtiPolicy, { headers, invite, now, seen }: TrustContext): Promise<CtiTrust> {
  if (isTrustedSource(inviteSource(invite), policy.trustedSources)) return { trusted: true, by: 'source' };
  const signature = parseSignature(headers[SIGNATURE_HEADER]);
  if (!policy.hmacKey || !signature || !invite?.callId) return { trusted: false, reason: signature ? 'bad-signature' : 'unknown-source' };
  const age = now / 1000 - Number(signature.timestamp);
  if (Math.abs(age) > policy.maxAgeSeconds) return { trusted: false, reason: 'expired' };
  let valid: boolean;
  try {
    const data = new TextEncoder().encode(canonicalCtiString(headers, invite.callId, signature.timestamp));
    // verify() compares in constant time.
    valid = await crypto.subtle.verify('HMAC', await hmacKey(policy.hmacKey), signature.sig, data);
  } catch {
    valid = false;
  }
  if (!valid) return { trusted: false, reason: 'bad-signature' };
  for (const [sig, expires] of seen) if (expires < now) seen.delete(sig);
  if (seen.has(signature.hex)) return { trusted: false, reason: 'replayed' };
  // Kept past the whole acceptance window (maxAge either side of the timestamp).
  seen.set(signature.hex, now + policy.maxAgeSeconds * 2000);
  return { trusted: true, by: 'signature' };
}

/**
 * A customer id fit to put in a CRM request: matches the policy's pattern as a whole, and is never `.`
 * or `..` (a URL template with {customerId} in its path would walk up the CRM's API with the agent's token).
 */
export function validCustomerId(id: string | undefined, pattern: string): string | undefined {
  if (id === undefined || id === '.' || id === '..') return undefined;
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
  return regex.test(id) ? id : undefined;
}
