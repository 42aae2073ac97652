import { describe, expect, it } from 'vitest';
import { CallMux, type Leg } from '@renderer/features/recording/capture/encoded/call-mux';
import { bytesOf, readPages, splitStreams, type OggPage } from './ogg-reader';

const BOS = 0x02;
const EOS = 0x04;
const SERIAL = 0x1234_5678;
const TICK = 960;
const FB20 = 0xf8;
/** What a slot holds for one leg: the 20 ms packet's frame byte, or 'silence'. */
type Heard = number | 'silence';

/** A 20 ms Opus packet whose single payload byte identifies it. */
const opus = (id: number) => Uint8Array.of(FB20, id);

/** Feeds one leg a packet per slot in [from, to), each arriving on time; ids are the slot number + base. */
function feed(mux: CallMux, leg: Leg, from: number, to: number, base: number): void {
  for (let slot = from; slot < to; slot++) mux.frame(leg, 'audio/opus', opus(base + slot), slot * TICK, slot * 20);
}

/** Splits every audio packet (pages after the two header pages) into [customer, agent]. */
function slotsOf(pages: OggPage[]): [Heard, Heard][] {
  return pages.filter((page) => page.sequence >= 2).flatMap((page) =>
    page.packets.map((packet) =>
      splitStreams(packet).map((stream): Heard => {
        expect(stream.toc & 0xfc).toBe(FB20);
        expect(stream.frames).toHaveLength(1);
        const frame = bytesOf(stream.frames[0] ?? new Uint8Array(0));
        if (frame.length === 2 && frame[0] === 0xff && frame[1] === 0xfe) return 'silence';
        expect(frame).toHaveLength(1);
        return frame[0] ?? -1;
      }) as [Heard, Heard],
    ),
  );
}

function flushPages(mux: CallMux, nowMs: number, final: boolean): OggPage[] {
  const out = mux.flush(nowMs, final);
  if (!out) throw new Error('nothing flushed');
  return readPages(out.bytes);
}

describe('CallMux.flush', () => {
  it('the first flush: OpusHead and OpusTags pages, then one two-stream packet per 20 ms slot up to 200 ms behind now', () => {
    const mux = new CallMux(SERIAL);
    mux.frame('customer', 'audio/opus', opus(0xc1), 7777, 0);
    mux.frame('agent', 'audio/opus', opus(0xa1), 123, 0);
    const out = mux.flush(1000, false);
    expect(out?.endMs).toBe(800);
    const pages = readPages(out?.bytes ?? new Uint8Array(0));
    expect(pages.every((p) => p.crcOk && p.serial === SERIAL)).toBe(true);
    expect(pages.map((p) => p.sequence)).toEqual([0, 1, 2]);
    expect(pages.map((p) => p.flags)).toEqual([BOS, 0, 0]);
    expect(String.fromCharCode(...(pages[0]?.packets[0]?.subarray(0, 8) ?? []))).toBe('OpusHead');
    expect(pages[0]?.packets[0]?.[9]).toBe(2); // two channels
    expect(pages[0]?.packets[0]?.[18]).toBe(1); // mapping family 1
    expect(String.fromCharCode(...(pages[1]?.packets[0]?.subarray(0, 8) ?? []))).toBe('OpusTags');
    const slots = slotsOf(pages);
    expect(slots).toHaveLength(40);
    expect(slots[0]).toEqual([0xc1, 0xa1]);
    expect(slots.slice(1).every(([c, a]) => c === 'silence' && a === 'silence')).toBe(true);
  });

  it('customer packets go in stream 0 (left), agent packets in stream 1 (right), each in its own slot', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 20, 0); // ids 0–19
    feed(mux, 'agent', 5, 30, 100); // ids 105–129
    const slots = slotsOf(flushPages(mux, 1000, false));
    expect(slots.map(([c]) => c)).toEqual([...Array.from({ length: 20 }, (_, i) => i), ...new Array(20).fill('silence')]);
    expect(slots.map(([, a]) => a)).toEqual([
      ...new Array(5).fill('silence'),
      ...Array.from({ length: 25 }, (_, i) => 105 + i),
      ...new Array(10).fill('silence'),
    ]);
  });

  it('a missing packet is silence in its slot; reordered packets are placed by timestamp', () => {
    const mux = new CallMux(SERIAL);
    mux.frame('customer', 'audio/opus', opus(1), 0, 0);
    mux.frame('customer', 'audio/opus', opus(4), 3 * TICK, 60);
    mux.frame('customer', 'audio/opus', opus(3), 2 * TICK, 65);
    const slots = slotsOf(flushPages(mux, 300, false)).map(([c]) => c);
    expect(slots).toEqual([1, 'silence', 3, 4, 'silence']);
  });

  it('a 60 ms packet fills three slots', () => {
    const mux = new CallMux(SERIAL);
    mux.frame('agent', 'audio/opus', Uint8Array.of(0xfb, 0x03, 7, 8, 9), 0, 0);
    expect(slotsOf(flushPages(mux, 300, false)).map(([, a]) => a)).toEqual([7, 8, 9, 'silence', 'silence']);
  });

  it('later flushes carry audio pages only, continuing sequence and granule', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 50, 0);
    mux.flush(1000, false);
    feed(mux, 'customer', 50, 100, 0);
    const out = mux.flush(2000, false);
    expect(out?.endMs).toBe(1800);
    const pages = readPages(out?.bytes ?? new Uint8Array(0));
    expect(pages.map((p) => [p.sequence, p.flags])).toEqual([[3, 0]]);
    expect(pages[0]?.packets).toHaveLength(50);
    expect(pages[0]?.granule).toBe(90n * 960n + 312n);
    expect(splitStreams(pages[0]?.packets[0] ?? new Uint8Array(0))[0].frames.map(bytesOf)).toEqual([[40]]);
  });

  it('slots both legs filled are final at once: a flush holds back only the slot still being heard', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 50, 0);
    feed(mux, 'agent', 0, 50, 100);
    const out = mux.flush(1000, false);
    // Both legs' packets are in up to slot 49: nothing waits out the 200 ms reorder window.
    expect(out?.endMs).toBe(1000);
    expect(slotsOf(readPages(out?.bytes ?? new Uint8Array(0))).at(-1)).toEqual([49, 149]);
  });

  it('a slot missing one leg\'s packet holds back the slots after it for the reorder window, and a late packet fills it', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 50, 0);
    feed(mux, 'agent', 0, 45, 100);
    feed(mux, 'agent', 46, 50, 100);
    // Slot 45 (900 ms) lacks the agent's packet: the flush stops there; slots 200 ms behind are final regardless.
    expect(mux.flush(1000, false)?.endMs).toBe(900);
    mux.frame('agent', 'audio/opus', opus(145), 45 * TICK, 995);
    const out = mux.flush(1000, false);
    expect(out?.endMs).toBe(1000);
    expect(slotsOf(readPages(out?.bytes ?? new Uint8Array(0)))[0]).toEqual([45, 145]);
  });

  it('a leg that sends nothing (on hold) holds back only the reorder window', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 50, 0);
    expect(mux.flush(1000, false)?.endMs).toBe(800);
  });

  it('null when no slot became final since the last flush', () => {
    const mux = new CallMux(SERIAL);
    expect(mux.flush(150, false)).toBeNull(); // the first 200 ms stay open for late packets
    expect(mux.flush(1000, false)).not.toBeNull();
    expect(mux.flush(1000, false)).toBeNull();
    expect(mux.flush(1019, false)).toBeNull();
  });

  it('the final flush writes every slot up to now, ends the stream, and its granule is slots × 960 + pre-skip', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'agent', 0, 100, 0);
    const first = flushPages(mux, 1000, false);
    const preSkip = new DataView((first[0]?.packets[0] ?? new Uint8Array(12)).buffer).getUint16(10, true);
    expect(preSkip).toBe(312);
    const out = mux.flush(2010, true);
    expect(out?.endMs).toBe(2000);
    const pages = readPages(out?.bytes ?? new Uint8Array(0));
    expect(pages.at(-1)?.flags).toBe(EOS);
    expect(pages.slice(0, -1).every((p) => p.flags === 0)).toBe(true);
    expect(pages.at(-1)?.granule).toBe(BigInt(100 * 960 + preSkip));
    expect(pages.flatMap((p) => p.packets)).toHaveLength(60);
    const all = slotsOf([...first, ...pages]).map(([, a]) => a);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('a recording stopped within its first 20 ms still ends with one slot', () => {
    const mux = new CallMux(SERIAL);
    const out = mux.flush(10, true);
    expect(out?.endMs).toBe(20);
    const pages = readPages(out?.bytes ?? new Uint8Array(0));
    expect(pages.map((p) => p.flags)).toEqual([BOS, 0, EOS]);
    expect(slotsOf(pages)).toEqual([['silence', 'silence']]);
    expect(pages.at(-1)?.granule).toBe(960n + 312n);
  });

  it('a recording stopped within its first 200 ms is still a complete file', () => {
    const mux = new CallMux(SERIAL);
    mux.frame('customer', 'audio/opus', opus(5), 0, 0);
    const pages = flushPages(mux, 100, true);
    expect(pages.map((p) => p.flags)).toEqual([BOS, 0, EOS]);
    expect(slotsOf(pages)).toEqual([[5, 'silence'], ['silence', 'silence'], ['silence', 'silence'], ['silence', 'silence'], ['silence', 'silence']]);
    expect(pages.at(-1)?.granule).toBe(5n * 960n + 312n);
  });
});

describe('CallMux pause', () => {
  const both = (mux: CallMux) => {
    feed(mux, 'customer', 0, 40, 0);
    feed(mux, 'agent', 0, 40, 100);
  };
  const heard = (slots: [Heard, Heard][]) => slots.map(([c, a]) => (c === 'silence' && a === 'silence' ? '-' : c !== 'silence' && a !== 'silence' ? 'x' : '?')).join('');

  it('slots inside a paused span are silence on both legs, whatever was received', () => {
    const mux = new CallMux(SERIAL);
    mux.setPaused(true, 100);
    mux.setPaused(false, 200);
    both(mux);
    expect(heard(slotsOf(flushPages(mux, 1000, false)))).toBe(`${'x'.repeat(5)}${'-'.repeat(5)}${'x'.repeat(30)}`);
  });

  it('a slot counts as paused when it starts inside the span', () => {
    const mux = new CallMux(SERIAL);
    mux.setPaused(true, 110);
    mux.setPaused(false, 210);
    both(mux);
    expect(heard(slotsOf(flushPages(mux, 1000, false)))).toBe(`${'x'.repeat(6)}${'-'.repeat(5)}${'x'.repeat(29)}`);
  });

  it('a repeated pause or a resume while not paused changes nothing', () => {
    const mux = new CallMux(SERIAL);
    mux.setPaused(false, 20);
    mux.setPaused(true, 100);
    mux.setPaused(true, 300);
    mux.setPaused(false, 200);
    mux.setPaused(false, 400);
    both(mux);
    expect(heard(slotsOf(flushPages(mux, 1000, false)))).toBe(`${'x'.repeat(5)}${'-'.repeat(5)}${'x'.repeat(30)}`);
  });

  it('several spans, the last one still open at stop', () => {
    const mux = new CallMux(SERIAL);
    mux.setPaused(true, 0);
    mux.setPaused(false, 60);
    mux.setPaused(true, 600);
    both(mux);
    expect(heard(slotsOf(flushPages(mux, 1000, true)))).toBe(`${'-'.repeat(3)}${'x'.repeat(27)}${'-'.repeat(20)}`);
  });

  it('the delay line holds back the newest 400 ms even when both legs are in', () => {
    const mux = new CallMux(SERIAL, 400);
    both(mux);
    expect(mux.flush(1000, false)?.endMs).toBe(600);
    expect(mux.flush(1000, false)).toBeNull();
    expect(mux.flush(1000, true)?.endMs).toBe(1000);
  });

  it('a pause back-dated into the delay line silences audio already received; not what was written', () => {
    const mux = new CallMux(SERIAL, 400);
    feed(mux, 'customer', 0, 60, 0);
    feed(mux, 'agent', 0, 60, 100);
    expect(heard(slotsOf(flushPages(mux, 1000, false)))).toBe('x'.repeat(30));
    // At 1000 ms the guard pauses from 700 ms ago: the mux reaches back to 600 ms, its first open slot.
    mux.setPaused(true, 300);
    mux.setPaused(false, 1000);
    expect(heard(slotsOf(flushPages(mux, 1200, true)))).toBe(`${'-'.repeat(20)}${'x'.repeat(10)}`);
  });

  it('a pause back-dated to before the previous resume continues that pause', () => {
    const mux = new CallMux(SERIAL);
    mux.setPaused(true, 100);
    mux.setPaused(false, 200);
    mux.setPaused(true, 160);
    mux.setPaused(false, 300);
    both(mux);
    expect(heard(slotsOf(flushPages(mux, 1000, false)))).toBe(`${'x'.repeat(5)}${'-'.repeat(10)}${'x'.repeat(25)}`);
  });
});

describe('CallMux.frame and stats', () => {
  it('counts placed frames per leg', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 3, 0);
    feed(mux, 'agent', 0, 2, 0);
    expect(mux.stats).toEqual({ placed: { customer: 3, agent: 2 }, late: 0, unsupported: 0 });
  });

  it('a packet for a slot already written is late and not in the file', () => {
    const mux = new CallMux(SERIAL);
    feed(mux, 'customer', 0, 50, 0);
    mux.flush(1000, false); // slots 0–39 written
    mux.frame('customer', 'audio/opus', opus(200), 30 * TICK, 1000);
    expect(mux.stats.late).toBe(1);
    // The late packet did not move the leg's anchor either: slots 40–49 keep their packets.
    const later = slotsOf(flushPages(mux, 1200, false)).map(([c]) => c);
    expect(later).toEqual(Array.from({ length: 10 }, (_, i) => 40 + i));
  });

  it('non-Opus frames and framing that cannot fill 20 ms slots are unsupported and leave silence', () => {
    const mux = new CallMux(SERIAL);
    mux.frame('customer', 'audio/PCMU', Uint8Array.of(0xff, 0xff), 0, 0);
    mux.frame('customer', 'audio/opus', Uint8Array.of(0x10, 1, 2), 0, 0); // SILK 40 ms
    mux.frame('agent', 'audio/opus', Uint8Array.of(0xf0, 1), 0, 0); // a lone 10 ms
    mux.frame('agent', 'audio/red', Uint8Array.of(0x80 | 111, 0, 0), 0, 0); // RED header cut short
    expect(mux.stats).toEqual({ placed: { customer: 0, agent: 0 }, late: 0, unsupported: 4 });
    expect(slotsOf(flushPages(mux, 300, false)).flat().every((h) => h === 'silence')).toBe(true);
  });

  it("an oversized customer frame (over Opus's 1275 bytes) is silence and leaves the agent's packet in that slot intact", () => {
    const mux = new CallMux(SERIAL);
    mux.frame('customer', 'audio/opus', Uint8Array.from([FB20, ...new Uint8Array(1500).fill(7)]), 0, 0);
    mux.frame('agent', 'audio/opus', opus(0x33), 0, 0);
    expect(mux.stats.unsupported).toBe(1);
    expect(slotsOf(flushPages(mux, 300, false))[0]).toEqual(['silence', 0x33]);
  });

  it('RED: only the primary block is recorded', () => {
    const mux = new CallMux(SERIAL);
    // One redundant block (3 bytes, the previous packet) then the primary (a 20 ms packet).
    const red = Uint8Array.of(0x80 | 111, 0x0f, 0x00, 0x03, 111, FB20, 0xee, 0xee, FB20, 0x42);
    mux.frame('customer', 'audio/red', red, 0, 0);
    expect(mux.stats.placed.customer).toBe(1);
    expect(slotsOf(flushPages(mux, 300, false))[0]).toEqual([0x42, 'silence']);
  });
});

describe('CallMux.tail (what a crash keeps of the delay line)', () => {
  it("continues the file after the last flush with the agent's audio, withholds the customer's, and ends the stream", () => {
    const mux = new CallMux(SERIAL, 400);
    feed(mux, 'customer', 0, 50, 0);
    feed(mux, 'agent', 0, 50, 100);
    const written = flushPages(mux, 1000, false);
    const tail = mux.tail(1000);
    expect(tail).toMatchObject({ endMs: 1000, withheldFromMs: 600 });
    const pages = readPages(tail?.bytes ?? new Uint8Array(0));
    expect(pages.every((p) => p.crcOk && p.serial === SERIAL)).toBe(true);
    expect(pages[0]?.sequence).toBe((written.at(-1)?.sequence ?? 0) + 1);
    expect(pages.at(-1)?.flags).toBe(EOS);
    expect(slotsOf([...written, ...pages]).slice(30)).toEqual(Array.from({ length: 20 }, (_, i) => ['silence', 130 + i]));
  });

  it('does not advance the stream: the next flush writes the same slots with the customer, at the same page sequence', () => {
    const mux = new CallMux(SERIAL, 400);
    feed(mux, 'customer', 0, 50, 0);
    feed(mux, 'agent', 0, 50, 100);
    flushPages(mux, 1000, false);
    const tail = readPages(mux.tail(1000)?.bytes ?? new Uint8Array(0));
    const next = flushPages(mux, 1400, false);
    expect(next[0]?.sequence).toBe(tail[0]?.sequence);
    expect(slotsOf([{ ...(tail[0] as OggPage), sequence: 2 }, ...next.map((p) => ({ ...p, sequence: 2 }))]).slice(-20)).toEqual(
      Array.from({ length: 20 }, (_, i) => [30 + i, 130 + i]),
    );
  });

  it('keeps a pause: paused slots are silent on both channels', () => {
    const mux = new CallMux(SERIAL, 400);
    feed(mux, 'agent', 0, 50, 100);
    flushPages(mux, 1000, false);
    mux.setPaused(true, 800);
    const slots = slotsOf(readPages(mux.tail(1000)?.bytes ?? new Uint8Array(0)).map((p) => ({ ...p, sequence: 2 })));
    expect(slots.map(([, agent]) => agent)).toEqual([...Array.from({ length: 10 }, (_, i) => 130 + i), ...Array<Heard>(10).fill('silence')]);
  });

  it('is null without a delay line, and before the first flush carries the headers', () => {
    expect(new CallMux(SERIAL).tail(1000)).toBeNull();
    const mux = new CallMux(SERIAL, 400);
    feed(mux, 'agent', 0, 10, 100);
    const pages = readPages(mux.tail(200)?.bytes ?? new Uint8Array(0));
    expect(pages.map((p) => p.flags)).toEqual([BOS, 0, EOS]);
  });
});
