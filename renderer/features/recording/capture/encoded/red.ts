/**
 * RFC 2198 redundant audio (Chromium's `audio/red` for Opus): the primary encoding is the last block,
 * after the redundant ones. Recording keeps the primary only (the redundant blocks repeat earlier frames).
 */

/** The primary block of a RED payload; null when the headers run past the payload. */
export function redPrimary(payload: Uint8Array): Uint8Array | null {
  let at = 0;
  let redundant = 0;
  for (;;) {
    const first = payload[at];
    if (first === undefined) return null;
    if ((first & 0x80) === 0) {
      at += 1;
      break;
    }
    const third = payload[at + 2];
    const fourth = payload[at + 3];
    if (third === undefined || fourth === undefined) return null;
    redundant += ((third & 0x03) << 8) | fourth;
    at += 4;
  }
  const start = at + redundant;
  return start <= payload.length ? payload.subarray(start) : null;
}
