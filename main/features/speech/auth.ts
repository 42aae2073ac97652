/**
 * Who may use the loopback speech service. It listens on 127.0.0.1 only, but every local process and
 * every web page the agent opens can reach loopback ports, and the service hears both sides of bank calls.
 *
 * - Token: a random secret made when the service starts and given only to the app (main passes it to the
 *   renderer over IPC; the browser host injects it). The client offers it as the subprotocol
 *   `lingxi-token.<token>` (browsers cannot set WebSocket headers; a URL query would end up in logs).
 *   Compared in constant time.
 * - Origin: browsers always send it on WebSocket upgrades and pages cannot forge it, so a page from another
 *   site is refused even if it guessed the port. Requests without Origin (Node clients: main, tests) are
 *   allowed only when configured, and still need the token.
 * - Host: must be a loopback name with our port, which defeats DNS rebinding (a foreign name resolving to
 *   127.0.0.1).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SPEECH_PROTOCOL, SPEECH_TOKEN_PREFIX } from '@common/contract/speech-protocol';

/** Who is let in. */
export interface AccessPolicy {
  token: string;
  /** Exact origins, e.g. "lingxi://app" (Electron) or "http://127.0.0.1:5173" (browser host). */
  allowedOrigins: readonly string[];
  /** Let clients that send no Origin header in (with the token). */
  allowMissingOrigin: boolean;
  /** The port the service listens on (for the Host check). */
  port: number;
}

/** A decision on one upgrade request. */
export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** A new random token (256 bits, base64url: valid in a subprotocol). */
export function newSpeechToken(): string {
  return randomBytes(32).toString('base64url');
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  return (header ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decides whether an upgrade request may open a speech socket. */
export function checkAccess(req: IncomingMessage, policy: AccessPolicy): AccessDecision {
  const host = (req.headers.host ?? '').toLowerCase();
  const hostName = host.replace(/:\d+$/, '');
  if (!LOOPBACK_HOSTS.has(hostName) || host !== `${hostName}:${policy.port}`) return { ok: false, status: 403, reason: `host ${host || '(none)'} is not this loopback service` };
  const origin = req.headers.origin;
  if (origin === undefined) {
    if (!policy.allowMissingOrigin) return { ok: false, status: 403, reason: 'no Origin header' };
  } else if (!policy.allowedOrigins.includes(origin)) {
    return { ok: false, status: 403, reason: `origin ${origin} is not allowed` };
  }
  const protocols = offeredProtocols(req);
  if (!protocols.includes(SPEECH_PROTOCOL)) return { ok: false, status: 401, reason: `subprotocol ${SPEECH_PROTOCOL} not offered` };
  const offered = protocols.find((p) => p.startsWith(SPEECH_TOKEN_PREFIX));
  if (!offered || !sameSecret(offered.slice(SPEECH_TOKEN_PREFIX.length), policy.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
