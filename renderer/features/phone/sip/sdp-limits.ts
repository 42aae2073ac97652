/**
 * The SIP guard's bounds on an SDP body from a peer we do not control (issue 25 §3, hostile peers).
 * - More formats on one m-line than RTP has payload types (128): no real offer does that, and Chromium
 *   rejects such an SDP only when the agent answers (the call would ring, then fail): refused up front.
 * - ICE candidate storms: each remote candidate becomes candidate pairs Chromium checks and keeps. RFC 8445
 *   §6.1.2.5 bounds the check list (100 pairs); real peers send a handful per media section. Candidates
 *   beyond MAX_CANDIDATES per media section are dropped, so the call still connects on the first ones.
 * Pure: the guard (sip-screen.ts) rewrites the message with the bounded body.
 */

/** RTP payload types are 7 bits (RFC 3550 §5.1): more formats than that on one m-line is no real offer. */
export const MAX_FORMATS = 128;
/** Remote ICE candidates kept per media section. */
export const MAX_CANDIDATES = 32;

export type SdpVerdict =
  | { action: 'pass' }
  | { action: 'rewrite'; body: string; note: string }
  | { action: 'refuse'; reason: string };

/** Checks and bounds an SDP body (lines separated by CRLF, or LF from sloppy peers). */
export function limitSdp(body: string): SdpVerdict {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(eol);
  const kept: string[] = [];
  let candidates = 0;
  let dropped = 0;
  for (const line of lines) {
    if (line.startsWith('m=')) {
      candidates = 0;
      // m=<media> <port> <proto> <fmt> ...
      const formats = line.trim().split(/\s+/).length - 3;
      if (formats > MAX_FORMATS) return { action: 'refuse', reason: `an m-line with ${formats} formats (RTP has ${MAX_FORMATS} payload types)` };
    }
    if (line.startsWith('a=candidate:')) {
      candidates += 1;
      if (candidates > MAX_CANDIDATES) {
        dropped += 1;
        continue;
      }
    }
    kept.push(line);
  }
  if (dropped === 0) return { action: 'pass' };
  return { action: 'rewrite', body: kept.join(eol), note: `${dropped} ICE candidates beyond ${MAX_CANDIDATES} per media section dropped` };
}
