/**
 * Who may talk to the browser host. Plain HTTP on loopback is reachable by every local user (a shared VDI or
 * thin-client host) and, through DNS rebinding, by any web page the agent visits; so every request must name
 * this host exactly (Host), come from no foreign page (Origin), and, for anything but the public static
 * bundle, carry this launch's random token, which only the address the host printed contains (in the
 * fragment, never sent over the wire by the browser; the page sends it back as a Bearer header).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The URL fragment key the page reads the token from (`#token=…`); renderer/platform/host-token.ts matches it. */
export const TOKEN_FRAGMENT_KEY = 'token';

/** A fresh per-launch token: 256 random bits, URL-safe. */
export function newHostToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The verdict on one request: `ok`, or the status to answer with (and nothing else). */
export type GuardVerdict = 'ok' | 401 | 403;

export interface RequestGuard {
  /** For the public static bundle: Host and Origin only. */
  checkPublic(headers: IncomingHttpHeaders): GuardVerdict;
  /** For every data endpoint: Host, Origin and the token. */
  checkPrivate(headers: IncomingHttpHeaders): GuardVerdict;
}

// Digests have equal length whatever was sent, so timingSafeEqual never throws and the compare leaks nothing.
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The guard for a host listening on `origin` (e.g. http://127.0.0.1:5173) with `token`.
 * Host must be exactly the origin's host:port (a rebound foreign name is refused); Origin, when sent, exactly the origin.
 */
export function createRequestGuard(origin: string, token: string): RequestGuard {
  const ownHost = new URL(origin).host;
  const expected = digest(`Bearer ${token}`);
  const checkPublic = (headers: IncomingHttpHeaders): GuardVerdict => {
    if ((headers.host ?? '').toLowerCase() !== ownHost) return 403;
    if (headers.origin !== undefined && headers.origin !== origin) return 403;
    return 'ok';
  };
  return {
    checkPublic,
    checkPrivate(headers) {
      const verdict = checkPublic(headers);
      if (verdict !== 'ok') return verdict;
      return timingSafeEqual(digest(headers.authorization ?? ''), expected) ? 'ok' : 401;
    },
  };
}
