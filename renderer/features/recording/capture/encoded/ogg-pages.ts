/**
 * Ogg pages (RFC 3533) for one Opus logical stream (RFC 7845): the two header pages and audio pages.
 * The recording is two mono Opus streams in one file, channel mapping family 1 (stream 0 = left =
 * customer, stream 1 = right = agent), so any Ogg Opus player gives the stereo layout of the spec.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    table[i] = crc >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial 0). */
export function oggCrc(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;
/** A page holds at most 255 lacing values. */
const MAX_SEGMENTS = 255;

/** Writes the pages of one logical stream, keeping its serial number and page sequence. */
export class OggStream {
  private sequence = 0;

  constructor(private readonly serial: number) {}

  /** A copy at the same page sequence: pages it writes continue this stream without advancing it. */
  fork(): OggStream {
    const copy = new OggStream(this.serial);
    copy.sequence = this.sequence;
    return copy;
  }

  /**
   * The OpusHead and OpusTags pages that start the file. `preSkip`: samples the player discards at the
   * start (the decoder's warm-up; granule positions count them).
   */
  headers(vendor: string, comments: string[], preSkip: number): Uint8Array[] {
    const head = new Uint8Array(23);
    const view = new DataView(head.buffer);
    head.set(new TextEncoder().encode('OpusHead'), 0);
    head[8] = 1; // version
    head[9] = 2; // channels
    view.setUint16(10, preSkip, true);
    view.setUint32(12, 48_000, true);
    view.setInt16(16, 0, true); // output gain
    head[18] = 1; // channel mapping family 1 (Vorbis order: left, right)
    head[19] = 2; // streams
    head[20] = 0; // coupled streams: both are mono
    head[21] = 0; // left ← stream 0
    head[22] = 1; // right ← stream 1
    const encoder = new TextEncoder();
    const strings = [vendor, ...comments].map((text) => encoder.encode(text));
    const tags = new Uint8Array(8 + strings.reduce((sum, s) => sum + 4 + s.length, 4));
    const tagView = new DataView(tags.buffer);
    tags.set(encoder.encode('OpusTags'), 0);
    let at = 8;
    strings.forEach((text, index) => {
      tagView.setUint32(at, text.length, true);
      tags.set(text, at + 4);
      at += 4 + text.length;
      if (index === 0) {
        tagView.setUint32(at, comments.length, true);
        at += 4;
      }
    });
    return [this.page([head], 0n, FLAG_BOS), this.page([tags], 0n, 0)];
  }

  /**
   * Audio pages for consecutive packets. `endGranule` is the sample position after the last packet;
   * each page's granule is the position after its own last packet (`samplesPerPacket` each).
   */
  audio(packets: Uint8Array[], endGranule: bigint, samplesPerPacket: number, last: boolean): Uint8Array[] {
    const pages: Uint8Array[] = [];
    let start = 0;
    while (start < packets.length) {
      let segments = 0;
      let end = start;
      while (end < packets.length) {
        const needed = Math.floor((packets[end]?.length ?? 0) / 255) + 1;
        if (segments + needed > MAX_SEGMENTS) break;
        segments += needed;
        end++;
      }
      const granule = endGranule - BigInt((packets.length - end) * samplesPerPacket);
      pages.push(this.page(packets.slice(start, end), granule, last && end === packets.length ? FLAG_EOS : 0));
      start = end;
    }
    return pages;
  }

  private page(packets: Uint8Array[], granule: bigint, flags: number): Uint8Array {
    const lacing: number[] = [];
    for (const packet of packets) {
      for (let left = packet.length; ; left -= 255) {
        lacing.push(Math.min(left, 255));
        if (left < 255) break;
      }
    }
    const bodySize = packets.reduce((sum, packet) => sum + packet.length, 0);
    const page = new Uint8Array(27 + lacing.length + bodySize);
    const view = new DataView(page.buffer);
    page.set([0x4f, 0x67, 0x67, 0x53], 0); // "OggS"
    page[5] = flags;
    view.setBigUint64(6, granule, true);
    view.setUint32(14, this.serial, true);
    view.setUint32(18, this.sequence++, true);
    page[26] = lacing.length;
    page.set(lacing, 27);
    let at = 27 + lacing.length;
    for (const packet of packets) {
      page.set(packet, at);
      at += packet.length;
    }
    view.setUint32(22, oggCrc(page), true);
    return page;
  }
}
