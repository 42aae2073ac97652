import { describe, expect, it } from 'vitest';
import { OggStream, oggCrc } from '@renderer/features/recording/capture/encoded/ogg-pages';
import { bitwiseCrc, bytesOf, readPages } from './ogg-reader';

const BOS = 0x02;
const EOS = 0x04;
const SERIAL = 0xdeadbeef;
const ascii = (text: string) => [...new TextEncoder().encode(text)];
const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const packetOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (seed + i) & 0xff);
const le32 = (value: number) => [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff];

describe('oggCrc', () => {
  it('is CRC-32/CKSUM without its final xor: "123456789" → 0x89A1897F', () => {
    expect(oggCrc(Uint8Array.from(ascii('123456789')))).toBe(0x89a1897f);
    expect((oggCrc(Uint8Array.from(ascii('123456789'))) ^ 0xffffffff) >>> 0).toBe(0x765e7680);
  });

  it('matches a bit-by-bit CRC on arbitrary bytes', () => {
    const data = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(oggCrc(data)).toBe(bitwiseCrc(data));
    expect(oggCrc(new Uint8Array(0))).toBe(0);
  });
});

describe('OggStream.headers', () => {
  const pages = readPages(concat(new OggStream(SERIAL).headers('Lingxi', ['A=b', 'LANG=灵犀'], 312)));

  it('two pages: OpusHead with beginning-of-stream, then OpusTags, both at granule 0', () => {
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p.flags)).toEqual([BOS, 0]);
    expect(pages.map((p) => p.granule)).toEqual([0n, 0n]);
    expect(pages.map((p) => p.sequence)).toEqual([0, 1]);
    expect(pages.map((p) => p.serial)).toEqual([SERIAL, SERIAL]);
    expect(pages.every((p) => p.crcOk)).toBe(true);
    expect(pages.map((p) => p.packets.length)).toEqual([1, 1]);
  });

  it('OpusHead: version 1, 2 channels, pre-skip, 48 kHz, gain 0, family 1 with 2 uncoupled streams, map [0, 1]', () => {
    expect(bytesOf(pages[0]?.packets[0] ?? new Uint8Array(0))).toEqual([
      ...ascii('OpusHead'),
      1, // version
      2, // channels
      312 & 0xff, 312 >> 8, // pre-skip, little-endian
      ...le32(48_000), // input sample rate
      0, 0, // output gain
      1, // channel mapping family
      2, // stream count
      0, // coupled streams
      0, 1, // left ← stream 0, right ← stream 1
    ]);
  });

  it('OpusTags: vendor string and each comment with its UTF-8 byte length', () => {
    const lang = ascii('LANG=灵犀');
    expect(lang).toHaveLength(11);
    expect(bytesOf(pages[1]?.packets[0] ?? new Uint8Array(0))).toEqual([
      ...ascii('OpusTags'),
      ...le32(6),
      ...ascii('Lingxi'),
      ...le32(2),
      ...le32(3),
      ...ascii('A=b'),
      ...le32(lang.length),
      ...lang,
    ]);
  });

  it('OpusTags without comments still holds a comment count of 0', () => {
    const tags = readPages(concat(new OggStream(1).headers('V', [], 0)))[1]?.packets[0];
    expect(bytesOf(tags ?? new Uint8Array(0))).toEqual([...ascii('OpusTags'), ...le32(1), ...ascii('V'), ...le32(0)]);
  });
});

describe('OggStream.audio', () => {
  it('lacing: 0 → [0], 255 → [255, 0], 600 → [255, 255, 90]; packets read back whole', () => {
    const packets = [packetOf(0, 0), packetOf(255, 1), packetOf(600, 2)];
    const pages = readPages(concat(new OggStream(SERIAL).audio(packets, 2880n, 960, false)));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.lacing).toEqual([0, 255, 0, 255, 255, 90]);
    expect(pages[0]?.packets.map(bytesOf)).toEqual(packets.map(bytesOf));
    expect(pages[0]?.crcOk).toBe(true);
  });

  it('page header: capture pattern, version 0, granule after the last packet, serial and sequence', () => {
    const stream = new OggStream(SERIAL);
    stream.headers('Lingxi', [], 312);
    const page = concat(stream.audio([packetOf(3, 0), packetOf(3, 1)], 0x1_0000_0123n, 960, false));
    expect(bytesOf(page.subarray(0, 27))).toEqual([
      ...ascii('OggS'),
      0, // stream structure version
      0, // flags
      0x23, 0x01, 0, 0, 1, 0, 0, 0, // granule 0x1_0000_0123, 64-bit little-endian
      ...le32(SERIAL),
      ...le32(2), // sequence continues after the two header pages
      ...bytesOf(page.subarray(22, 26)), // CRC, checked below
      2, // segments
    ]);
    expect(readPages(page)[0]?.crcOk).toBe(true);
  });

  it('the CRC check notices a changed byte (the reader is not vacuous)', () => {
    const page = concat(new OggStream(SERIAL).audio([packetOf(10, 0)], 960n, 960, false));
    page.set([(page.at(-1) ?? 0) ^ 1], page.length - 1);
    expect(readPages(page)[0]?.crcOk).toBe(false);
  });

  it('end-of-stream only on the final page of the last audio call', () => {
    const stream = new OggStream(SERIAL);
    const middle = readPages(concat(stream.audio([packetOf(5, 0)], 960n, 960, false)));
    const packets = Array.from({ length: 300 }, (_, i) => packetOf(5, i));
    const last = readPages(concat(stream.audio(packets, 301n * 960n, 960, true)));
    expect(middle.map((p) => p.flags)).toEqual([0]);
    expect(last.map((p) => p.flags)).toEqual([0, EOS]);
    expect([...middle, ...last].map((p) => p.sequence)).toEqual([0, 1, 2]);
  });

  it('more than 255 segments: split into pages of at most 255, each with the granule after its own last packet', () => {
    const packets = Array.from({ length: 600 }, (_, i) => packetOf(10, i));
    const end = 1_000_000n;
    const pages = readPages(concat(new OggStream(SERIAL).audio(packets, end, 960, false)));
    expect(pages.map((p) => p.packets.length)).toEqual([255, 255, 90]);
    expect(pages.map((p) => p.granule)).toEqual([end - 345n * 960n, end - 90n * 960n, end]);
    expect(pages.flatMap((p) => p.packets).map(bytesOf)).toEqual(packets.map(bytesOf));
    expect(pages.every((p) => p.crcOk)).toBe(true);
  });

  it('a packet needing two segments is not split across pages when only one is left', () => {
    const packets = [...Array.from({ length: 254 }, (_, i) => packetOf(1, i)), packetOf(300, 7), packetOf(1, 8)];
    const pages = readPages(concat(new OggStream(SERIAL).audio(packets, 256n * 960n, 960, false)));
    expect(pages.map((p) => p.lacing.length)).toEqual([254, 3]);
    expect(pages.map((p) => p.granule)).toEqual([254n * 960n, 256n * 960n]);
    expect(pages[1]?.packets.map((p) => p.length)).toEqual([300, 1]);
  });

  it('nothing to write is no page', () => {
    expect(new OggStream(SERIAL).audio([], 0n, 960, false)).toEqual([]);
  });
});
