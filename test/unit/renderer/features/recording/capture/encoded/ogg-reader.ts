/**
 * Test-side readers written from the specs, independent of the code under test: Ogg pages (RFC 3533)
 * with a bit-by-bit CRC, and the self-delimited Opus framing of RFC 6716 Appendix B. The tests parse
 * what the recorder writes with these, so a writer bug cannot hide behind a matching reader bug.
 */

/** One parsed Ogg page. */
export interface OggPage {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  /** The CRC stored in the page and whether it matches the page's bytes. */
  crcOk: boolean;
  lacing: number[];
  /** Packets that complete on this page (in order). */
  packets: Uint8Array[];
}

/** Ogg's CRC-32 computed one bit at a time (polynomial 0x04C11DB7, initial 0, no reflection, no final xor). */
export function bitwiseCrc(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc = (crc ^ (byte << 24)) >>> 0;
    for (let bit = 0; bit < 8; bit++) crc = (crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1) >>> 0;
  }
  return crc;
}

/** Splits a byte stream into Ogg pages; throws on anything that is not a well-formed page sequence. */
export function readPages(bytes: Uint8Array): OggPage[] {
  const pages: OggPage[] = [];
  let pending: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at);
    const capture = String.fromCharCode(...bytes.subarray(at, at + 4));
    if (capture !== 'OggS') throw new Error(`no capture pattern at byte ${at}`);
    if (bytes[at + 4] !== 0) throw new Error(`stream structure version ${bytes[at + 4]} at byte ${at}`);
    const count = bytes[at + 26] ?? 0;
    const lacing = [...bytes.subarray(at + 27, at + 27 + count)];
    const bodySize = lacing.reduce((sum, n) => sum + n, 0);
    const end = at + 27 + count + bodySize;
    if (end > bytes.length) throw new Error(`page at byte ${at} runs past the data`);
    const page = bytes.slice(at, end);
    const stored = new DataView(page.buffer).getUint32(22, true);
    page.fill(0, 22, 26);
    const packets: Uint8Array[] = [];
    let bodyAt = at + 27 + count;
    for (const value of lacing) {
      pending.push(...bytes.subarray(bodyAt, bodyAt + value));
      bodyAt += value;
      if (value < 255) {
        packets.push(Uint8Array.from(pending));
        pending = [];
      }
    }
    pages.push({
      flags: bytes[at + 5] ?? 0,
      granule: view.getBigUint64(6, true),
      serial: view.getUint32(14, true),
      sequence: view.getUint32(18, true),
      crcOk: bitwiseCrc(page) === stored,
      lacing,
      packets,
    });
    at = end;
  }
  return pages;
}

/** A packet's frames as RFC 6716 §3.2 and Appendix B describe them. */
export interface ReadPacket {
  toc: number;
  frames: Uint8Array[];
  /** Bytes the packet took (for a self-delimited packet: where the next stream's packet starts). */
  used: number;
}

function frameLength(data: Uint8Array, at: number): [number, number] {
  const first = data[at];
  if (first === undefined) throw new Error(`frame length missing at byte ${at}`);
  if (first < 252) return [first, 1];
  const second = data[at + 1];
  if (second === undefined) throw new Error(`second length byte missing at byte ${at + 1}`);
  return [first + 4 * second, 2];
}

/**
 * Reads one self-delimited Opus packet (code 0, or code 3 CBR/VBR; codes 1 and 2 are not written by
 * the recorder) from the start of `data`.
 */
export function readSelfDelimited(data: Uint8Array): ReadPacket {
  const toc = data[0];
  if (toc === undefined) throw new Error('empty packet');
  const slice = (from: number, length: number) => {
    if (from + length > data.length) throw new Error('frame runs past the data');
    return data.slice(from, from + length);
  };
  if ((toc & 3) === 0) {
    const [length, size] = frameLength(data, 1);
    return { toc, frames: [slice(1 + size, length)], used: 1 + size + length };
  }
  if ((toc & 3) !== 3) throw new Error(`code ${toc & 3} is not expected here`);
  const header = data[1] ?? 0;
  const count = header & 0x3f;
  let at = 2;
  let padding = 0;
  if (header & 0x40) {
    let byte: number;
    do {
      byte = data[at++] ?? 0;
      padding += byte === 255 ? 254 : byte;
    } while (byte === 255);
  }
  const lengths: number[] = [];
  const explicit = header & 0x80 ? count : 1;
  for (let i = 0; i < explicit; i++) {
    const [length, size] = frameLength(data, at);
    lengths.push(length);
    at += size;
  }
  while (lengths.length < count) lengths.push(lengths[0] ?? 0);
  const frames = lengths.map((length) => {
    const frame = slice(at, length);
    at += length;
    return frame;
  });
  return { toc, frames, used: at + padding };
}

/** Reads one normal (not self-delimited) code 0 or code 3 packet that fills `data`. */
export function readPacket(data: Uint8Array): ReadPacket {
  const toc = data[0];
  if (toc === undefined) throw new Error('empty packet');
  if ((toc & 3) === 0) return { toc, frames: [data.slice(1)], used: data.length };
  if ((toc & 3) !== 3 || !((data[1] ?? 0) & 0x80) || (data[1] ?? 0) & 0x40) throw new Error('expected code 0 or unpadded code 3 VBR');
  const count = (data[1] ?? 0) & 0x3f;
  let at = 2;
  const lengths: number[] = [];
  for (let i = 0; i < count - 1; i++) {
    const [length, size] = frameLength(data, at);
    lengths.push(length);
    at += size;
  }
  lengths.push(data.length - at - lengths.reduce((sum, n) => sum + n, 0));
  const frames = lengths.map((length) => {
    const frame = data.slice(at, at + length);
    at += length;
    return frame;
  });
  return { toc, frames, used: data.length };
}

/** Splits a two-stream packet: stream 0 self-delimited, stream 1 normal. */
export function splitStreams(packet: Uint8Array): [ReadPacket, ReadPacket] {
  const first = readSelfDelimited(packet);
  return [first, readPacket(packet.subarray(first.used))];
}

/** Bytes as plain numbers, for readable toEqual failures. */
export const bytesOf = (data: Uint8Array | ArrayBuffer): number[] => [...new Uint8Array(data)];
