/**
 * Opus packet framing (RFC 6716 §3), just enough to re-frame packets the call already encoded into a
 * two-stream Ogg Opus file without decoding them: split a packet into its frames, regroup frames into
 * 20 ms packets, and write the self-delimiting framing (RFC 6716 Appendix B) that every stream but the
 * last of a multistream packet uses.
 */

/** Samples per 20 ms at 48 kHz: Opus timestamps always count 48 kHz samples. */
export const SLOT_SAMPLES = 960;

/** One 20 ms CELT fullband frame that decodes to digital silence (TOC 0xF8, code 0). */
export const SILENCE_PACKET: Uint8Array = Uint8Array.of(0xf8, 0xff, 0xfe);

/** A packet's frames and their shared TOC byte (code bits cleared). */
export interface OpusFrames {
  toc: number;
  /** Samples per frame at 48 kHz (120 … 2880). */
  frameSamples: number;
  frames: Uint8Array[];
  /** The packet itself when it is one frame in code 0 framing (it then needs no re-framing). */
  single?: Uint8Array;
}

/** Frame duration (48 kHz samples) of a TOC configuration: SILK 0–11, Hybrid 12–15, CELT 16–31. */
export function frameSamplesOf(toc: number): number {
  const config = toc >> 3;
  if (config < 12) return [480, 960, 1920, 2880][config % 4] ?? 960;
  if (config < 16) return config % 2 === 0 ? 480 : 960;
  return [120, 240, 480, 960][config % 4] ?? 960;
}

/** Reads a frame length (1 or 2 bytes); returns [length, bytes used] or null when truncated. */
function readLength(data: Uint8Array, at: number): [number, number] | null {
  const first = data[at];
  if (first === undefined) return null;
  if (first < 252) return [first, 1];
  const second = data[at + 1];
  if (second === undefined) return null;
  return [second * 4 + first, 2];
}

/** Writes a frame length in Opus's 1-or-2-byte form. */
export function lengthBytes(length: number): number[] {
  if (length < 252) return [length];
  const first = 252 + (length & 3);
  return [first, (length - first) >> 2];
}

/** RFC 6716 §3.4 [R2]: no frame is longer than this; it is also the longest length lengthBytes can write. */
const MAX_FRAME_BYTES = 1275;

/** Splits a packet into frames; null for a malformed packet (it is then treated as lost). */
export function parsePacket(packet: Uint8Array): OpusFrames | null {
  const parsed = splitFrames(packet);
  // A longer frame is not Opus, and re-framing it would write a wrong length that garbles the other stream.
  return parsed && parsed.frames.every((frame) => frame.length <= MAX_FRAME_BYTES) ? parsed : null;
}

function splitFrames(packet: Uint8Array): OpusFrames | null {
  const toc = packet[0];
  if (toc === undefined) return null;
  const frameSamples = frameSamplesOf(toc);
  const base = { toc: toc & 0xfc, frameSamples };
  const body = packet.subarray(1);
  switch (toc & 3) {
    case 0:
      return { ...base, frames: [body], single: packet };
    case 1:
      if (body.length % 2 !== 0) return null;
      return { ...base, frames: [body.subarray(0, body.length / 2), body.subarray(body.length / 2)] };
    case 2: {
      const length = readLength(body, 0);
      if (!length || length[1] + length[0] > body.length) return null;
      const start = length[1];
      return { ...base, frames: [body.subarray(start, start + length[0]), body.subarray(start + length[0])] };
    }
    default:
      return parseCode3(packet, base);
  }
}

function parseCode3(packet: Uint8Array, base: { toc: number; frameSamples: number }): OpusFrames | null {
  const header = packet[1];
  if (header === undefined) return null;
  const count = header & 0x3f;
  const vbr = (header & 0x80) !== 0;
  let at = 2;
  let padding = 0;
  if (header & 0x40) {
    for (;;) {
      const byte = packet[at++];
      if (byte === undefined) return null;
      padding += byte === 255 ? 254 : byte;
      if (byte !== 255) break;
    }
  }
  if (count === 0) return null;
  const lengths: number[] = [];
  if (vbr) {
    for (let i = 0; i < count - 1; i++) {
      const length = readLength(packet, at);
      if (!length) return null;
      lengths.push(length[0]);
      at += length[1];
    }
    const rest = packet.length - padding - at - lengths.reduce((sum, n) => sum + n, 0);
    if (rest < 0) return null;
    lengths.push(rest);
  } else {
    const total = packet.length - padding - at;
    if (total < 0 || total % count !== 0) return null;
    for (let i = 0; i < count; i++) lengths.push(total / count);
  }
  const frames: Uint8Array[] = [];
  for (const length of lengths) {
    frames.push(packet.subarray(at, at + length));
    at += length;
  }
  return { ...base, frames };
}

/**
 * A packet of these frames (all of one TOC configuration), in normal or self-delimiting framing:
 * code 0 for one frame, code 3 VBR for more.
 */
export function buildPacket(toc: number, frames: Uint8Array[], selfDelimited: boolean): Uint8Array {
  const header: number[] = [];
  const last = frames.at(-1) ?? new Uint8Array(0);
  if (frames.length === 1) {
    header.push(toc & 0xfc);
  } else {
    header.push((toc & 0xfc) | 3, 0x80 | frames.length);
    for (const frame of frames.slice(0, -1)) header.push(...lengthBytes(frame.length));
  }
  if (selfDelimited) header.push(...lengthBytes(last.length));
  const size = header.length + frames.reduce((sum, frame) => sum + frame.length, 0);
  const packet = new Uint8Array(size);
  packet.set(header, 0);
  let at = header.length;
  for (const frame of frames) {
    packet.set(frame, at);
    at += frame.length;
  }
  return packet;
}

/**
 * Regroups a packet's frames into 20 ms packets (one per recording slot). Null when its frames cannot
 * make whole 20 ms packets (40/60 ms SILK frames, or a lone 10 ms packet).
 */
export function toSlotPackets(parsed: OpusFrames): Uint8Array[] | null {
  const { frameSamples, frames } = parsed;
  if (frameSamples > SLOT_SAMPLES || (frames.length * frameSamples) % SLOT_SAMPLES !== 0) return null;
  // The usual case, a 20 ms code 0 packet, is its own slot packet: no copy, nothing to re-frame.
  if (parsed.single && frameSamples === SLOT_SAMPLES) return [parsed.single];
  const perSlot = SLOT_SAMPLES / frameSamples;
  const packets: Uint8Array[] = [];
  for (let i = 0; i < frames.length; i += perSlot) packets.push(buildPacket(parsed.toc, frames.slice(i, i + perSlot), false));
  return packets;
}

/** The same packet in self-delimiting framing (for the first stream of a two-stream packet). */
export function selfDelimit(packet: Uint8Array): Uint8Array {
  const parsed = parsePacket(packet);
  if (!parsed) return selfDelimit(SILENCE_PACKET);
  return buildPacket(parsed.toc, parsed.frames, true);
}
