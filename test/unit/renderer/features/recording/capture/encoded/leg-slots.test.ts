import { describe, expect, it } from 'vitest';
import { LegSlots } from '@renderer/features/recording/capture/encoded/leg-slots';
import { bytesOf } from './ogg-reader';

const FB20 = 0xf8; // CELT fullband 20 ms, code 0
/** A 20 ms packet whose payload byte tells packets apart. */
const packet = (id: number) => Uint8Array.of(FB20, id);
const TICK = 960; // RTP ticks per 20 ms at 48 kHz
const WRAP = 2 ** 32;

/** What each slot in a range holds: the packet's id byte, or null. */
function contents(slots: LegSlots, from: number, to: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let slot = from; slot < to; slot++) out.push(slots.take(slot)?.[1] ?? null);
  return out;
}

describe('LegSlots', () => {
  it('the first packet anchors the leg at the wall-clock slot', () => {
    const slots = new LegSlots();
    expect(slots.place(packet(1), 123_456, 5, 0)).toBe('placed');
    expect(contents(slots, 0, 8)).toEqual([null, null, null, null, null, 1, null, null]);
  });

  it('later packets follow their RTP timestamps, not their arrival time', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 1000, 5, 0);
    // Arrives in wall slot 6, but its timestamp is three packets later.
    expect(slots.place(packet(2), 1000 + 3 * TICK, 6, 0)).toBe('placed');
    expect(contents(slots, 5, 9)).toEqual([1, null, null, 2]);
  });

  it('reordered packets land in their own slots', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 10, 0);
    slots.place(packet(3), 2 * TICK, 12, 0);
    slots.place(packet(2), TICK, 12, 0);
    expect(contents(slots, 10, 13)).toEqual([1, 2, 3]);
  });

  it('rounds a timestamp that is not a whole packet from the anchor to the nearest slot', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 0, 0);
    slots.place(packet(2), TICK + 300, 1, 0);
    slots.place(packet(3), 3 * TICK - 300, 2, 0);
    expect(contents(slots, 0, 4)).toEqual([1, 2, null, 3]);
  });

  it('RTP timestamps wrapping past 2^32 keep counting forward', () => {
    const slots = new LegSlots();
    slots.place(packet(1), WRAP - TICK, 20, 0);
    slots.place(packet(2), 0, 21, 0);
    slots.place(packet(3), TICK, 22, 0);
    expect(contents(slots, 20, 23)).toEqual([1, 2, 3]);
  });

  it('a packet just before the wrap, reordered after one just past it, still lands one slot earlier', () => {
    const slots = new LegSlots();
    slots.place(packet(2), 500, 30, 0);
    slots.place(packet(1), WRAP - TICK + 500, 30, 0);
    expect(contents(slots, 29, 31)).toEqual([1, 2]);
  });

  it('a duplicate keeps the first copy and is reported late', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 0, 0);
    expect(slots.place(packet(9), 0, 0, 0)).toBe('late');
    expect(contents(slots, 0, 1)).toEqual([1]);
  });

  it('a packet for a slot already written to the file is late and dropped', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 10, 0);
    expect(slots.place(packet(2), TICK, 11, 12)).toBe('late');
    expect(contents(slots, 11, 12)).toEqual([null]);
  });

  it('re-anchors on the wall clock when the RTP clock jumps (hold, new source)', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 10, 0);
    // Two seconds' worth of timestamps later, but heard 40 ms after the first.
    expect(slots.place(packet(2), 100 * TICK, 12, 0)).toBe('placed');
    slots.place(packet(3), 101 * TICK, 13, 0);
    expect(contents(slots, 10, 14)).toEqual([1, null, 2, 3]);
    expect(slots.take(110)).toBeUndefined();
  });

  it('re-anchors when timestamps fall far behind the wall clock, too', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 50 * TICK, 0, 0);
    slots.place(packet(2), 0, 60, 0); // a new source restarting its timestamps
    expect(contents(slots, 0, 61).filter((id) => id !== null)).toEqual([1, 2]);
    slots.place(packet(3), 0, 60, 0);
    expect(slots.take(10)).toBeUndefined();
  });

  it('tolerates up to 25 slots of jitter before re-anchoring', () => {
    const slots = new LegSlots();
    slots.place(packet(1), 0, 100, 0);
    slots.place(packet(2), 25 * TICK, 101, 0); // 480 ms ahead of the wall clock: jitter
    slots.place(packet(3), 52 * TICK, 126, 0); // 26 slots ahead (slot 152 at wall 126): re-anchor
    slots.place(packet(4), 53 * TICK, 126, 0); // follows the new anchor
    expect(slots.take(125)?.[1]).toBe(2);
    expect(slots.take(152)).toBeUndefined();
    expect(contents(slots, 126, 128)).toEqual([3, 4]);
  });

  it('a multi-frame packet fills consecutive slots; a partly late one keeps its open slots', () => {
    const slots = new LegSlots();
    const threeFrames = Uint8Array.of(0xfb, 0x03, 1, 2, 3); // code 3 CBR, 3 × 20 ms
    expect(slots.place(threeFrames, 0, 4, 5)).toBe('placed');
    expect(slots.take(4)).toBeUndefined();
    expect(bytesOf(slots.take(5) ?? new Uint8Array(0))).toEqual([FB20, 2]);
    expect(bytesOf(slots.take(6) ?? new Uint8Array(0))).toEqual([FB20, 3]);
  });

  it('unsupported framing is refused and does not anchor the leg', () => {
    const slots = new LegSlots();
    expect(slots.place(Uint8Array.of(0x10, 1), 0, 0, 0)).toBe('unsupported'); // SILK 40 ms
    expect(slots.place(Uint8Array.of(0xf9, 1, 2, 3), 0, 0, 0)).toBe('unsupported'); // malformed code 1
    expect(slots.place(new Uint8Array(0), 0, 0, 0)).toBe('unsupported');
    slots.place(packet(1), 96_000, 3, 0);
    expect(slots.take(3)?.[1]).toBe(1);
  });

  it('take removes the packet; dropBefore forgets slots that can no longer be written', () => {
    const slots = new LegSlots();
    for (let i = 0; i < 4; i++) slots.place(packet(i), i * TICK, 5, 0);
    expect(slots.take(5)?.[1]).toBe(0);
    expect(slots.take(5)).toBeUndefined();
    slots.dropBefore(7);
    expect(contents(slots, 5, 9)).toEqual([null, null, 2, 3]);
  });
});
