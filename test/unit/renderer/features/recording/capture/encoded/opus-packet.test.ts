import { describe, expect, it } from 'vitest';
import {
  SILENCE_PACKET,
  SLOT_SAMPLES,
  buildPacket,
  frameSamplesOf,
  lengthBytes,
  parsePacket,
  selfDelimit,
  toSlotPackets,
} from '@renderer/features/recording/capture/encoded/opus-packet';
import { bytesOf, readPacket, readSelfDelimited } from './ogg-reader';

/** RFC 6716 Table 2: frame size (ms) of each TOC configuration 0–31. */
const FRAME_MS = [
  10, 20, 40, 60, 10, 20, 40, 60, 10, 20, 40, 60, // SILK NB, MB, WB
  10, 20, 10, 20, // Hybrid SWB, FB
  2.5, 5, 10, 20, 2.5, 5, 10, 20, 2.5, 5, 10, 20, 2.5, 5, 10, 20, // CELT NB, WB, SWB, FB
];

const toc = (config: number, code = 0, stereo = false) => (config << 3) | (stereo ? 4 : 0) | code;
const CELT_FB_20 = toc(31);
const CELT_FB_10 = toc(30);
const CELT_FB_2_5 = toc(28);
const bytes = (...values: number[]) => Uint8Array.from(values);
/** A frame of `length` recognisable bytes. */
const frame = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (seed * 31 + i) & 0xff);
const framesOf = (packet: Uint8Array) => parsePacket(packet)?.frames.map(bytesOf);

describe('frameSamplesOf', () => {
  it('gives every TOC configuration its RFC 6716 frame duration at 48 kHz', () => {
    FRAME_MS.forEach((ms, config) => expect(frameSamplesOf(toc(config)), `config ${config}`).toBe(ms * 48));
  });

  it('ignores the stereo flag and the frame-count code', () => {
    expect(frameSamplesOf(toc(1, 3, true))).toBe(960);
    expect(frameSamplesOf(toc(16, 2, true))).toBe(120);
    expect(frameSamplesOf(toc(14, 1))).toBe(480);
  });
});

describe('parsePacket', () => {
  it('code 0: one frame, the rest of the packet', () => {
    const parsed = parsePacket(bytes(CELT_FB_20, 1, 2, 3));
    expect(parsed?.frameSamples).toBe(960);
    expect(parsed?.toc).toBe(CELT_FB_20);
    expect(parsed?.frames.map(bytesOf)).toEqual([[1, 2, 3]]);
  });

  it('keeps the stereo flag in the TOC and clears the code bits', () => {
    expect(parsePacket(bytes(toc(31, 1, true), 1, 2))?.toc).toBe(toc(31, 0, true));
  });

  it('a TOC byte alone is one empty frame (DTX)', () => {
    expect(framesOf(bytes(CELT_FB_20))).toEqual([[]]);
  });

  it('code 1: two frames of equal size; an odd body is malformed', () => {
    expect(framesOf(bytes(toc(31, 1), 1, 2, 3, 4))).toEqual([[1, 2], [3, 4]]);
    expect(parsePacket(bytes(toc(31, 1), 1, 2, 3))).toBeNull();
  });

  it('code 2: a one-byte first length, the second frame takes the rest', () => {
    expect(framesOf(bytes(toc(31, 2), 2, 1, 2, 3, 4, 5))).toEqual([[1, 2], [3, 4, 5]]);
    expect(framesOf(bytes(toc(31, 2), 0, 7))).toEqual([[], [7]]);
  });

  it('code 2: a two-byte first length (252 + 4 × 12 = 300)', () => {
    const first = frame(300, 1);
    const second = frame(5, 2);
    const packet = Uint8Array.from([toc(31, 2), 252, 12, ...first, ...second]);
    expect(framesOf(packet)).toEqual([bytesOf(first), bytesOf(second)]);
  });

  it('code 2: a first length past the packet or a missing second length byte is malformed', () => {
    expect(parsePacket(bytes(toc(31, 2), 5, 1, 2))).toBeNull();
    expect(parsePacket(bytes(toc(31, 2), 253))).toBeNull();
    expect(parsePacket(bytes(toc(31, 2)))).toBeNull();
  });

  it('code 3 CBR: the body split into M equal frames', () => {
    expect(framesOf(bytes(toc(31, 3), 0x03, 1, 2, 3, 4, 5, 6))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(parsePacket(bytes(toc(31, 3), 0x03, 1, 2, 3, 4, 5))).toBeNull();
  });

  it('code 3 VBR: M − 1 lengths, the last frame takes the rest', () => {
    expect(framesOf(bytes(toc(31, 3), 0x83, 1, 3, 9, 1, 2, 3, 4, 5))).toEqual([[9], [1, 2, 3], [4, 5]]);
  });

  it('code 3 VBR: two-byte lengths', () => {
    const a = frame(1275, 3);
    const b = frame(4, 4);
    const packet = Uint8Array.from([toc(31, 3), 0x82, 255, 255, ...a, ...b]);
    expect(framesOf(packet)).toEqual([bytesOf(a), bytesOf(b)]);
  });

  it('code 3 padding: the padding bytes at the end are not audio', () => {
    // CBR, 2 frames, 3 bytes of padding.
    expect(framesOf(bytes(toc(31, 3), 0x42, 3, 1, 2, 3, 4, 0, 0, 0))).toEqual([[1, 2], [3, 4]]);
  });

  it('code 3 padding: a length byte of 255 means 254 more and another length byte', () => {
    const padding = new Uint8Array(254 + 10);
    const packet = Uint8Array.from([toc(31, 3), 0xc2, 255, 10, 2, 1, 2, 3, 4, 5, ...padding]);
    expect(framesOf(packet)).toEqual([[1, 2], [3, 4, 5]]);
    const cbr = Uint8Array.from([toc(31, 3), 0x42, 255, 255, 0, 7, 8, ...new Uint8Array(508)]);
    expect(framesOf(cbr)).toEqual([[7], [8]]);
  });

  it('malformed code 3 packets are null', () => {
    expect(parsePacket(new Uint8Array(0))).toBeNull();
    expect(parsePacket(bytes(toc(31, 3)))).toBeNull(); // no frame count byte
    expect(parsePacket(bytes(toc(31, 3), 0x80))).toBeNull(); // zero frames
    expect(parsePacket(bytes(toc(31, 3), 0x41))).toBeNull(); // padding length missing
    expect(parsePacket(bytes(toc(31, 3), 0x41, 255))).toBeNull(); // padding length cut off after 255
    expect(parsePacket(bytes(toc(31, 3), 0x41, 9, 1, 2))).toBeNull(); // more padding than packet
    expect(parsePacket(bytes(toc(31, 3), 0xc1, 9, 1, 2))).toBeNull(); // same, VBR
    expect(parsePacket(bytes(toc(31, 3), 0x82, 9, 1, 2))).toBeNull(); // first frame past the end
    expect(parsePacket(bytes(toc(31, 3), 0x82))).toBeNull(); // a VBR length missing
  });
  it('a frame longer than 1275 bytes is malformed (RFC 6716 §3.4 R2), whatever the code', () => {
    expect(parsePacket(Uint8Array.from([CELT_FB_20, ...frame(1275)]))?.frames[0]).toHaveLength(1275);
    expect(parsePacket(Uint8Array.from([CELT_FB_20, ...frame(1276)]))).toBeNull();
    expect(parsePacket(Uint8Array.from([toc(31, 1), ...frame(2 * 1276)]))).toBeNull();
    expect(parsePacket(Uint8Array.from([toc(31, 2), 1, 9, ...frame(1276)]))).toBeNull();
    expect(parsePacket(Uint8Array.from([toc(31, 3), 0x02, ...frame(2 * 1276)]))).toBeNull();
    expect(parsePacket(Uint8Array.from([toc(31, 3), 0x82, 1, 9, ...frame(1276)]))).toBeNull();
  });

  it('an oversized frame is never re-framed with a length byte it cannot hold', () => {
    // lengthBytes tops out at 1275 (255 + 4 × 255): a longer frame would get a wrong length.
    const oversized = Uint8Array.from([CELT_FB_20, ...frame(1500)]);
    expect(bytesOf(selfDelimit(oversized))).toEqual([0xf8, 2, 0xff, 0xfe]);
  });
});

describe('lengthBytes', () => {
  it('uses one byte below 252 and two from 252 on (RFC 6716 §3.2.1)', () => {
    expect(lengthBytes(0)).toEqual([0]);
    expect(lengthBytes(251)).toEqual([251]);
    expect(lengthBytes(252)).toEqual([252, 0]);
    expect(lengthBytes(255)).toEqual([255, 0]);
    expect(lengthBytes(256)).toEqual([252, 1]);
    expect(lengthBytes(1275)).toEqual([255, 255]);
  });

  it('every frame length 0–1275 decodes back (first + 4 × second)', () => {
    for (let length = 0; length <= 1275; length++) {
      const encoded = lengthBytes(length);
      const decoded = encoded.length === 1 ? encoded[0] : (encoded[0] ?? 0) + 4 * (encoded[1] ?? 0);
      expect(decoded, `length ${length}`).toBe(length);
      expect(encoded.length).toBe(length < 252 ? 1 : 2);
      if (encoded.length === 2) expect(encoded[0]).toBeGreaterThanOrEqual(252);
    }
  });

  it('a code 2 packet built with it parses to the same frames', () => {
    for (const length of [0, 1, 251, 252, 253, 254, 255, 256, 1000, 1275]) {
      const first = frame(length, length);
      const packet = Uint8Array.from([toc(31, 2), ...lengthBytes(length), ...first, 42]);
      expect(framesOf(packet), `length ${length}`).toEqual([bytesOf(first), [42]]);
    }
  });
});

describe('buildPacket', () => {
  it('one frame is a code 0 packet', () => {
    expect(bytesOf(buildPacket(toc(31, 1), [bytes(5, 6)], false))).toEqual([CELT_FB_20, 5, 6]);
  });

  it('several frames are a code 3 VBR packet that parses back', () => {
    const frames = [frame(3, 1), frame(260, 2), frame(1, 3)];
    const packet = buildPacket(CELT_FB_10, frames, false);
    expect(packet[0]).toBe(toc(30, 3));
    expect(packet[1]).toBe(0x80 | 3);
    expect(readPacket(packet).frames.map(bytesOf)).toEqual(frames.map(bytesOf));
  });
});

describe('toSlotPackets', () => {
  const slots = (packet: Uint8Array) => {
    const parsed = parsePacket(packet);
    if (!parsed) throw new Error('test packet did not parse');
    return toSlotPackets(parsed)?.map(bytesOf) ?? null;
  };

  it('a 20 ms packet is one slot, unchanged', () => {
    expect(slots(bytes(CELT_FB_20, 1, 2, 3))).toEqual([[CELT_FB_20, 1, 2, 3]]);
    expect(slots(bytes(toc(1), 9, 9))).toEqual([[toc(1), 9, 9]]); // SILK NB 20 ms
    // Not even copied: the tap already owns its copy of the frame.
    const packet = bytes(CELT_FB_20, 1, 2, 3);
    const parsed = parsePacket(packet);
    expect(parsed && toSlotPackets(parsed)?.[0]).toBe(packet);
  });

  it('3 × 20 ms in a code 3 packet become three code 0 packets', () => {
    const packet = bytes(toc(31, 3), 0x83, 1, 2, 7, 8, 9, 4, 5);
    expect(slots(packet)).toEqual([
      [CELT_FB_20, 7],
      [CELT_FB_20, 8, 9],
      [CELT_FB_20, 4, 5],
    ]);
  });

  it('2 × 10 ms become one 20 ms code 3 packet holding both frames', () => {
    const out = slots(bytes(toc(30, 1), 1, 2, 3, 4));
    expect(out).toHaveLength(1);
    const read = readPacket(Uint8Array.from(out?.[0] ?? []));
    expect(read.toc & 0xfc).toBe(CELT_FB_10);
    expect(read.frames.map(bytesOf)).toEqual([[1, 2], [3, 4]]);
    expect(frameSamplesOf(read.toc) * read.frames.length).toBe(SLOT_SAMPLES);
  });

  it('4 × 10 ms become two 20 ms packets; 8 × 2.5 ms one', () => {
    const four = slots(bytes(toc(30, 3), 0x04, 1, 2, 3, 4));
    expect(four?.map((p) => readPacket(Uint8Array.from(p)).frames.map(bytesOf))).toEqual([[[1], [2]], [[3], [4]]]);
    const eight = slots(bytes(toc(28, 3), 0x08, 1, 2, 3, 4, 5, 6, 7, 8));
    expect(eight).toHaveLength(1);
    expect(readPacket(Uint8Array.from(eight?.[0] ?? [])).frames).toHaveLength(8);
    expect(frameSamplesOf(CELT_FB_2_5) * 8).toBe(SLOT_SAMPLES);
  });

  it('frames that cannot fill whole 20 ms slots are refused', () => {
    expect(slots(bytes(toc(2), 1, 2))).toBeNull(); // SILK 40 ms
    expect(slots(bytes(toc(11), 1, 2))).toBeNull(); // SILK 60 ms
    expect(slots(bytes(CELT_FB_10, 1, 2))).toBeNull(); // a lone 10 ms
    expect(slots(bytes(toc(12), 1, 2))).toBeNull(); // a lone 10 ms Hybrid
    expect(slots(bytes(toc(30, 3), 0x03, 1, 2, 3))).toBeNull(); // 30 ms of 10 ms frames
  });
});

describe('selfDelimit', () => {
  it('code 0: the frame length goes after the TOC', () => {
    expect(bytesOf(selfDelimit(bytes(CELT_FB_20, 1, 2, 3)))).toEqual([CELT_FB_20, 3, 1, 2, 3]);
    expect(bytesOf(selfDelimit(bytes(CELT_FB_20)))).toEqual([CELT_FB_20, 0]);
  });

  it('code 0 with a 300-byte frame: a two-byte length', () => {
    const body = frame(300);
    expect(bytesOf(selfDelimit(Uint8Array.from([CELT_FB_20, ...body])))).toEqual([CELT_FB_20, 252, 12, ...body]);
  });

  it('several frames: code 3 VBR with all M lengths, the last one after the M − 1 normal ones', () => {
    // Code 1 in (2 × 10 ms of 2 bytes) → code 3 VBR, 2 frames, lengths 2 and 2.
    expect(bytesOf(selfDelimit(bytes(toc(30, 1), 1, 2, 3, 4)))).toEqual([toc(30, 3), 0x82, 2, 2, 1, 2, 3, 4]);
    expect(bytesOf(selfDelimit(bytes(toc(31, 3), 0x83, 1, 2, 7, 8, 9, 4, 5)))).toEqual([toc(31, 3), 0x83, 1, 2, 2, 7, 8, 9, 4, 5]);
  });

  it('a malformed packet becomes self-delimited silence', () => {
    expect(bytesOf(selfDelimit(bytes(toc(31, 1), 1, 2, 3)))).toEqual([0xf8, 2, 0xff, 0xfe]);
  });

  it('round trip: an independent Appendix B reader finds the frames and where the next stream begins', () => {
    const inputs = [
      bytes(CELT_FB_20, 1, 2, 3),
      Uint8Array.from([CELT_FB_20, ...frame(700)]),
      bytes(toc(30, 1), 1, 2, 3, 4),
      Uint8Array.from([toc(28, 3), 0x88, 1, 1, 1, 1, 1, 1, 1, ...frame(16)]),
      Uint8Array.from([toc(31, 3), 0xc2, 255, 10, 2, 1, 2, 3, 4, 5, ...new Uint8Array(264)]),
    ];
    for (const input of inputs) {
      const expected = framesOf(input);
      const next = bytes(CELT_FB_20, 0xaa);
      const joined = Uint8Array.from([...selfDelimit(input), ...next]);
      const read = readSelfDelimited(joined);
      expect(read.toc & 0xfc).toBe((input[0] ?? 0) & 0xfc);
      expect(read.frames.map(bytesOf)).toEqual(expected);
      expect(bytesOf(joined.subarray(read.used))).toEqual(bytesOf(next));
    }
  });
});

describe('SILENCE_PACKET', () => {
  it('is one 20 ms CELT fullband code 0 frame', () => {
    expect(bytesOf(SILENCE_PACKET)).toEqual([0xf8, 0xff, 0xfe]);
    expect(frameSamplesOf(SILENCE_PACKET[0] ?? 0)).toBe(SLOT_SAMPLES);
    expect(parsePacket(SILENCE_PACKET)?.frames).toHaveLength(1);
  });
});
