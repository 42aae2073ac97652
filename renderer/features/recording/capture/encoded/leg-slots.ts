/**
 * One leg's encoded Opus packets, placed on the recording's 20 ms slots. A packet's slot comes from its
 * RTP timestamp (48 kHz for Opus) relative to an anchor taken on the wall clock, so reordered packets
 * land in place and both legs line up on the time they were heard; the anchor is re-taken when the RTP
 * clock jumps (hold, a new source after a re-INVITE) or drifts past what jitter explains.
 */
import { SLOT_SAMPLES, parsePacket, toSlotPackets } from './opus-packet';

/** RTP and wall clock disagreeing by more than this (slots of 20 ms) re-anchors the leg. */
const REANCHOR_SLOTS = 25;

/** What became of one received packet. */
export type PlaceResult = 'placed' | 'late' | 'unsupported';

export class LegSlots {
  private anchor: { rtp: number; slot: number } | null = null;
  private readonly packets = new Map<number, Uint8Array>();

  /**
   * Places a packet. `wallSlot` is the slot of the wall clock now; `firstOpen` the first slot not yet
   * written to the file (earlier slots are final, so a packet for them is late and dropped).
   */
  place(packet: Uint8Array, rtpTimestamp: number, wallSlot: number, firstOpen: number): PlaceResult {
    const parsed = parsePacket(packet);
    const slotPackets = parsed && toSlotPackets(parsed);
    if (!slotPackets) return 'unsupported';
    let slot = this.slotOf(rtpTimestamp);
    if (slot === null || Math.abs(slot - wallSlot) > REANCHOR_SLOTS) {
      this.anchor = { rtp: rtpTimestamp, slot: wallSlot };
      slot = wallSlot;
    }
    let placed = false;
    slotPackets.forEach((slotPacket, index) => {
      const at = slot + index;
      if (at < firstOpen || this.packets.has(at)) return;
      this.packets.set(at, slotPacket);
      placed = true;
    });
    return placed ? 'placed' : 'late';
  }

  /** Whether the slot's packet is in. */
  has(slot: number): boolean {
    return this.packets.has(slot);
  }

  /** The packet for a slot, left in place. */
  peek(slot: number): Uint8Array | undefined {
    return this.packets.get(slot);
  }

  /** Removes and returns the packet for a slot (undefined: nothing was heard then). */
  take(slot: number): Uint8Array | undefined {
    const packet = this.packets.get(slot);
    this.packets.delete(slot);
    return packet;
  }

  /** Drops packets before a slot (they can no longer be written). */
  dropBefore(slot: number): void {
    for (const key of this.packets.keys()) if (key < slot) this.packets.delete(key);
  }

  private slotOf(rtpTimestamp: number): number | null {
    if (!this.anchor) return null;
    // RTP timestamps are 32-bit and wrap: the signed difference is the distance.
    const delta = (rtpTimestamp - this.anchor.rtp) | 0;
    return this.anchor.slot + Math.round(delta / SLOT_SAMPLES);
  }
}
