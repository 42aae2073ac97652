/**
 * The Content-Security-Policy the renderer runs under, in both hosts: the Electron custom protocol
 * (main/app/protocol.ts) and the browser host (main/web-host/server.ts) send it as a response header, and
 * the built index.html carries it as a <meta> too (tools/csp-meta-plugin.ts), so the Vite dev server and
 * any other server that forgets the header are covered.
 * Pure TypeScript: no imports.
 */

/** Loopback origins with any port, for the plain (unencrypted) schemes: CSP host sources take no IP ranges. */
function loopback(scheme: 'http' | 'ws'): string {
  return ['127.0.0.1', 'localhost', '[::1]'].map((host) => `${scheme}://${host}:*`).join(' ');
}

/**
 * One directive per entry, so a reviewer sees each grant on its own line.
 * - style-src 'unsafe-inline': React style props and component libraries set inline styles.
 * - media-src blob: mediastream:: recordings play back from blobs; remote call audio is a MediaStream.
 * - connect-src wss: https:: SIP over WebSocket, CRM, knowledge and recording servers named by the policy.
 *   Plain ws: and http: only to loopback: services on the agent's own machine (a local SIP proxy, the browser
 *   host's speech service, test doubles). The policy schema accepts ws:// and http:// URLs for loopback hosts
 *   only, so the two rules agree; a script that slipped in cannot send data out in clear text.
 * - worker-src blob:: search and speech recognition workers may be created from blobs.
 * - form-action 'none': the app never submits an HTML form anywhere; an injected <form> cannot post out.
 */
const directives: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  `connect-src 'self' wss: https: ${loopback('ws')} ${loopback('http')}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** The Content-Security-Policy header value for every document the renderer loads. */
export const CONTENT_SECURITY_POLICY: string = directives.join('; ');

/** Directives a <meta http-equiv> policy cannot carry: browsers ignore them there (CSP3 §3.3). */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The same policy for a <meta http-equiv="Content-Security-Policy"> in index.html: the header's directives
 * minus those a meta cannot carry (frame-ancestors stays header-only).
 */
export const META_CONTENT_SECURITY_POLICY: string = directives
  .filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0] ?? ''))
  .join('; ');
