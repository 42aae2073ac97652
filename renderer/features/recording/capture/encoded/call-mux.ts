/**
 * One call's recording from the two legs' encoded packets: every 20 ms slot becomes one two-stream
 * Opus packet (customer, agent), silence where a leg sent nothing or the recording is paused, written
 * as Ogg pages. Nothing is decoded or re-encoded: the call's own encoders did the work once.
 */
import { addPause } from '../pauses';
import { LegSlots, type PlaceResult } from './leg-slots';
import { OggStream } from './ogg-pages';
import { SILENCE_PACKET, SLOT_SAMPLES, selfDelimit } from './opus-packet';
import { redPrimary } from './red';

export const SLOT_MS = 20;
/**
 * Slots kept open behind the wall clock for packets that arrive late or out of order, while a leg's
 * packet for them is still missing; a slot both legs have filled is final at once (see flush).
 */
export const REORDER_SLOTS = 10;
/**
 * How often the file's final slots are handed on to be committed. A crash loses what was not yet
 * committed: up to one interval plus the commit itself, so at 500 ms the promise of "at most the last
 * second" holds with room for a slow disk (README: Call recording, crash recovery).
 */
export const FLUSH_MS = 500;
export const RECORDING_MIME = 'audio/ogg;codecs=opus';
/**
 * The streams start mid-call, so the decoders start cold: the customary 6.5 ms of Opus look-ahead is
 * discarded by players (RFC 7845 §4.2) instead of playing the warm-up.
 */
const PRE_SKIP = 312;

export type Leg = 'customer' | 'agent';

/** Frames seen per leg and what became of them (logged at the end of the recording). */
export interface MuxStats {
  placed: Record<Leg, number>;
  late: number;
  /** Frames that could not be placed (not Opus, or framing that does not fit 20 ms slots). */
  unsupported: number;
}

export class CallMux {
  private readonly legs: Record<Leg, LegSlots> = { customer: new LegSlots(), agent: new LegSlots() };
  private readonly ogg: OggStream;
  private readonly pauses: { startMs: number; endMs?: number }[] = [];
  private nextSlot = 0;
  private headerWritten = false;
  readonly stats: MuxStats = { placed: { customer: 0, agent: 0 }, late: 0, unsupported: 0 };

  /**
   * @param delayMs the PCI delay line: slots this close to the wall clock are never written yet, so a pause
   *   back-dated by up to this much still silences them (policy recording.pciDelayMs)
   */
  constructor(
    serial: number,
    private readonly delayMs = 0,
  ) {
    this.ogg = new OggStream(serial);
  }

  /** An encoded frame of one leg, `atMs` after the recording started. */
  frame(leg: Leg, mimeType: string, data: Uint8Array, rtpTimestamp: number, atMs: number): void {
    const payload = mimeType === 'audio/opus' ? data : mimeType === 'audio/red' ? redPrimary(data) : null;
    const result: PlaceResult = payload
      ? this.legs[leg].place(payload, rtpTimestamp, Math.floor(atMs / SLOT_MS), this.nextSlot)
      : 'unsupported';
    if (result === 'placed') this.stats.placed[leg]++;
    else if (result === 'late') this.stats.late++;
    else this.stats.unsupported++;
  }

  /**
   * Pauses or resumes from `atMs` on (the same offsets the manifest keeps). A pause may be back-dated, but
   * not into slots already written: it starts at the first slot still open at the latest.
   */
  setPaused(paused: boolean, atMs: number): void {
    const open = this.pauses.at(-1);
    const at = Math.max(atMs, this.nextSlot * SLOT_MS);
    if (paused && (!open || open.endMs !== undefined)) addPause(this.pauses, { startMs: at });
    else if (!paused && open && open.endMs === undefined) open.endMs = Math.max(at, open.startMs);
  }

  /**
   * The file's next bytes: every slot that can no longer change, or, when `final`, every slot up to
   * `nowMs` with the end-of-stream mark. Null when there is nothing new. A slot can no longer change
   * once it is `REORDER_SLOTS` behind `nowMs`, or once both legs' packets for it (and for every slot
   * before it) are in: holding those back too would only widen what a crash loses. Either way a slot
   * waits out the PCI delay line (`delayMs`) first.
   */
  flush(nowMs: number, final: boolean): { bytes: Uint8Array; endMs: number } | null {
    const wallSlot = Math.floor(nowMs / SLOT_MS);
    const until = final ? Math.max(wallSlot, this.nextSlot + 1) : this.settledUntil(wallSlot);
    if (until <= this.nextSlot) return null;
    const packets: Uint8Array[] = [];
    for (let slot = this.nextSlot; slot < until; slot++) {
      const paused = this.isPaused(slot * SLOT_MS);
      const customer = this.legs.customer.take(slot);
      const agent = this.legs.agent.take(slot);
      packets.push(joinStreams(paused ? undefined : customer, paused ? undefined : agent));
    }
    const bytes = this.pages(this.ogg, packets, until, final);
    this.nextSlot = until;
    this.headerWritten = true;
    for (const leg of Object.values(this.legs)) leg.dropBefore(until);
    return { bytes, endMs: until * SLOT_MS };
  }

  /**
   * The file's end if the app died now: the slots still in the delay line up to `nowMs`, the agent's
   * audio as it is and the customer's withheld (silence: the PCI guard has not vetted it yet), closed
   * with the end-of-stream mark. It continues the stream right after the last `flush` without
   * advancing it; the store keeps the latest one beside the file and, after a crash, appends it, so a
   * crash loses at most one flush interval of the agent's audio while no unvetted customer audio is
   * kept. Null without a delay line (nothing is held back) or when the line is empty.
   */
  tail(nowMs: number): { bytes: Uint8Array; endMs: number; withheldFromMs: number } | null {
    const until = Math.floor(nowMs / SLOT_MS);
    if (this.delayMs === 0 || until <= this.nextSlot) return null;
    const packets: Uint8Array[] = [];
    for (let slot = this.nextSlot; slot < until; slot++) {
      const agent = this.isPaused(slot * SLOT_MS) ? undefined : this.legs.agent.peek(slot);
      packets.push(joinStreams(undefined, agent));
    }
    return { bytes: this.pages(this.ogg.fork(), packets, until, true), endMs: until * SLOT_MS, withheldFromMs: this.nextSlot * SLOT_MS };
  }

  /** Ogg pages for `packets`, the slots before `until`, preceded by the headers if none were written yet. */
  private pages(ogg: OggStream, packets: Uint8Array[], until: number, last: boolean): Uint8Array {
    const pages = this.headerWritten ? [] : ogg.headers('Lingxi', ['LINGXI_CHANNELS=left:customer,right:agent'], PRE_SKIP);
    pages.push(...ogg.audio(packets, BigInt(until * SLOT_SAMPLES + PRE_SKIP), SLOT_SAMPLES, last));
    return concat(pages);
  }

  /**
   * The first slot that may still change: past the reorder window, and past every slot both legs filled,
   * but never inside the delay line (which, when longer, is the reorder window too).
   */
  private settledUntil(wallSlot: number): number {
    const delaySlots = Math.ceil(this.delayMs / SLOT_MS);
    const horizon = wallSlot - delaySlots;
    let until = Math.max(wallSlot - Math.max(REORDER_SLOTS, delaySlots), this.nextSlot);
    while (until < horizon && this.legs.customer.has(until) && this.legs.agent.has(until)) until++;
    return until;
  }

  private isPaused(ms: number): boolean {
    return this.pauses.some((p) => p.startMs <= ms && (p.endMs === undefined || ms < p.endMs));
  }
}

/** One two-stream packet: the customer's in self-delimiting framing, then the agent's. */
function joinStreams(customer: Uint8Array | undefined, agent: Uint8Array | undefined): Uint8Array {
  const first = selfDelimit(customer ?? SILENCE_PACKET);
  const second = agent ?? SILENCE_PACKET;
  const packet = new Uint8Array(first.length + second.length);
  packet.set(first, 0);
  packet.set(second, first.length);
  return packet;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
