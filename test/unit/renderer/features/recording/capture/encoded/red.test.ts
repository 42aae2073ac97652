import { describe, expect, it } from 'vitest';
import { redPrimary } from '@renderer/features/recording/capture/encoded/red';
import { bytesOf } from './ogg-reader';

const OPUS_PT = 111;

/** An RFC 2198 redundant block header: F=1, block PT, 14-bit timestamp offset, 10-bit block length. */
function redundantHeader(length: number, timestampOffset = 960, pt = OPUS_PT): number[] {
  return [0x80 | pt, timestampOffset >> 6, ((timestampOffset & 0x3f) << 2) | (length >> 8), length & 0xff];
}

const filled = (length: number, value: number) => new Array<number>(length).fill(value);
const primary = (payload: number[]) => {
  const out = redPrimary(Uint8Array.from(payload));
  return out ? bytesOf(out) : null;
};

describe('redPrimary', () => {
  it('no redundant block: the primary follows the one-byte header', () => {
    expect(primary([OPUS_PT, 0xf8, 1, 2])).toEqual([0xf8, 1, 2]);
  });

  it('skips one redundant block (its length from the 10-bit field)', () => {
    expect(primary([...redundantHeader(3), OPUS_PT, 7, 7, 7, 0xf8, 9])).toEqual([0xf8, 9]);
  });

  it('skips two redundant blocks, one longer than 255 bytes', () => {
    const payload = [...redundantHeader(300, 1920), ...redundantHeader(5), OPUS_PT, ...filled(300, 1), ...filled(5, 2), 0xf8, 3, 4];
    expect(primary(payload)).toEqual([0xf8, 3, 4]);
  });

  it('reads the block length without the timestamp offset bits that share its byte', () => {
    const payload = [...redundantHeader(2, 0x3fff), OPUS_PT, 5, 5, 0xf8];
    expect(primary(payload)).toEqual([0xf8]);
    const longest = [...redundantHeader(1023, 0x3fff), OPUS_PT, ...filled(1023, 6), 0xf8, 8];
    expect(primary(longest)).toEqual([0xf8, 8]);
  });

  it('an empty primary block is empty, not an error', () => {
    expect(primary([...redundantHeader(2), OPUS_PT, 1, 1])).toEqual([]);
  });

  it('null when the headers or the redundant blocks run past the payload', () => {
    expect(primary([])).toBeNull();
    expect(primary([0x80 | OPUS_PT, 0, 0])).toBeNull(); // a redundant header cut short
    expect(primary([...redundantHeader(3)])).toBeNull(); // no primary header
    expect(primary([...redundantHeader(10), OPUS_PT, 1, 2])).toBeNull(); // block longer than the rest
  });
});
