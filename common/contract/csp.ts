/**
 * The Content-Security-Policy the renderer runs under, in both hosts: the Electron custom protocol
 * (main/app/protocol.ts) and the browser host (main/web-host/server.ts) send it as a response header.
 * Pure TypeScript: no imports.
 */

/**
 * One directive per entry, so a reviewer sees each grant on its own line.
 * - style-src 'unsafe-inline': React style props and component libraries set inline styles.
 * - media-src blob: mediastream:: recordings play back from blobs; remote call audio is a MediaStream.
 * - connect-src ws: wss: https:: SIP over WebSocket, CRM, knowledge and recording servers named by the policy.
 *   Plain http only to loopback: services on the agent's own machine (the browser host's speech service, test
 *   doubles). The policy schema accepts http:// URLs for loopback hosts only, so the two rules agree.
 * - worker-src blob:: search and speech recognition workers may be created from blobs.
 */
const directives: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss: https: http://127.0.0.1:* http://localhost:* http://[::1]:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

/** The Content-Security-Policy header value for every document the renderer loads. */
export const CONTENT_SECURITY_POLICY: string = directives.join('; ');
