/**
 * HTTP digest authentication as SIP uses it (RFC 3261 §22.4, RFC 2617 with qop=auth, MD5): the demo
 * registrar challenges every REGISTER and checks the answer against the demo users' passwords.
 */
import { createHash, randomBytes } from 'node:crypto';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** Parses `Digest username="1001", realm="…", nc=00000001, …` into its parameters. */
export function parseDigest(value: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+(.*)$/is.exec(value);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const pair of (match[1] as string).matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/gi)) {
    params[(pair[1] as string).toLowerCase()] = pair[2] ?? pair[3] ?? '';
  }
  return params;
}

export class DigestAuth {
  /** Nonces handed out recently; an answer must use one of them (a replay after a restart fails). */
  private readonly nonces = new Map<string, number>();

  constructor(
    readonly realm: string,
    private readonly passwordOf: (user: string) => string | undefined,
    private readonly nonceTtlMs = 5 * 60_000,
  ) {}

  /** A fresh `WWW-Authenticate` value. */
  challenge(now = Date.now()): string {
    for (const [nonce, issued] of this.nonces) if (now - issued > this.nonceTtlMs) this.nonces.delete(nonce);
    const nonce = randomBytes(16).toString('hex');
    this.nonces.set(nonce, now);
    return `Digest realm="${this.realm}", nonce="${nonce}", qop="auth", algorithm=MD5`;
  }

  /**
   * The authenticated user when `authorization` answers one of our challenges for `method` correctly,
   * with the user `expectedUser` (the To user of a REGISTER), else undefined.
   */
  verify(authorization: string | undefined, method: string, expectedUser: string | undefined, now = Date.now()): string | undefined {
    const p = authorization ? parseDigest(authorization) : undefined;
    if (!p?.username || !p.nonce || !p.uri || !p.response) return undefined;
    const issued = this.nonces.get(p.nonce);
    if (issued === undefined || now - issued > this.nonceTtlMs) return undefined;
    if (p.realm !== this.realm || (expectedUser !== undefined && p.username !== expectedUser)) return undefined;
    const password = this.passwordOf(p.username);
    if (password === undefined) return undefined;
    const ha1 = md5(`${p.username}:${this.realm}:${password}`);
    const ha2 = md5(`${method}:${p.uri}`);
    const expected = p.qop === 'auth' ? md5(`${ha1}:${p.nonce}:${p.nc ?? ''}:${p.cnonce ?? ''}:auth:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
    return expected === p.response ? p.username : undefined;
  }
}

/** Computes a client's answer; the unit tests play the UA with it. */
export function digestResponse(o: { user: string; password: string; realm: string; method: string; uri: string; nonce: string; nc: string; cnonce: string }): string {
  const ha1 = md5(`${o.user}:${o.realm}:${o.password}`);
  return md5(`${ha1}:${o.nonce}:${o.nc}:${o.cnonce}:auth:${md5(`${o.method}:${o.uri}`)}`);
}
