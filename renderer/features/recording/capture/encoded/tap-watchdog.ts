/**
 * Notices a recording tap that stopped passing a call's audio on: the worker's frame counts for a leg
 * stop moving while that leg's media still flows per getStats (the customer's RTP still arrives, the
 * agent's microphone still feeds a sending transceiver). No I/O and no timers of its own: the caller
 * feeds heartbeats (`frames`), calls `check` after each and again `nextCheckInMs()` later unless another
 * heartbeat came first; unit tests drive it with a fake clock and fake stats.
 *
 * Why the heartbeats drive the checks: a healthy tap's counts move at every heartbeat, so a check between
 * two of them finds nothing to do. The page wakes for the heartbeats alone (FRAMES_EVERY_MS) while they
 * come; only a heartbeat overdue (SILENCE_MS) or a leg gone stale makes it check in between
 * (SAMPLE_EVERY_MS), to sample the media and act within 500 ms.
 *
 * Why two getStats samples and a grace period: a live tap counts a frame as it passes and reports the
 * count within one heartbeat (FRAMES_EVERY_MS), so only media that flowed at least GRACE_MS ago without
 * any frame being counted proves the tap is stuck — anything sooner may simply not be reported yet.
 */
import { FRAMES_EVERY_MS, type LegCounts, type TapOptions } from './tap-protocol';

export type Leg = TapOptions['leg'];

/**
 * Media that reached a call's legs, as getStats counts it: `customer` RTP packets received;
 * `agent` ms of microphone audio handed to the sender, null while the call sends nothing (held by the
 * customer), when a silent agent leg is expected.
 */
export interface LegFlow {
  customer: number;
  agent: number | null;
}

export interface TapWatchdogDeps {
  now(): number;
  /** The call's media counters now; null when the call is gone. */
  flow(callId: string): Promise<LegFlow | null>;
  /** A call's tap is stuck on `leg`: called once, after which the call is no longer watched. */
  stalled(callId: string, leg: Leg): void;
}

/**
 * No heartbeat this long after the last: check without one. A whole heartbeat of slack: on a loaded
 * machine a starved worker must not pass for a dead one. A dead worker is still taken off 350–400 ms
 * after its last heartbeat (SILENCE_MS, one or two SAMPLE_EVERY_MS for MIN_FLOW, GRACE_MS), at most
 * 500 ms after it died.
 */
export const SILENCE_MS = 2 * FRAMES_EVERY_MS;
/** While a leg is stale (its media being sampled), check this often. */
export const SAMPLE_EVERY_MS = 50;
/** Frames unchanged this long: start sampling the media counters. */
export const STALE_MS = 100;
/** After media flowed with no frame counted, wait this long for a late heartbeat before acting. */
export const GRACE_MS = 100;
/** Media that counts as flowing: two packets (40 ms) of the customer, 40 ms of the agent's microphone. */
export const MIN_FLOW: Record<Leg, number> = { customer: 2, agent: 40 };

const LEGS: readonly Leg[] = ['customer', 'agent'];

interface LegWatch {
  frames: number;
  /** When `frames` last changed (or watching began). */
  changedAt: number;
  /** Media counter when the frames were first seen stale; null until then. */
  baseline: number | null;
  /** When the media counter first moved MIN_FLOW past the baseline; null until then. */
  flowedAt: number | null;
}

export class TapWatchdog {
  private readonly calls = new Map<string, Record<Leg, LegWatch>>();
  private checking = false;

  constructor(private readonly deps: TapWatchdogDeps) {}

  /** Starts watching a call whose transforms were just set. */
  watch(callId: string): void {
    const at = this.deps.now();
    const leg = (): LegWatch => ({ frames: 0, changedAt: at, baseline: null, flowedAt: null });
    this.calls.set(callId, { customer: leg(), agent: leg() });
  }

  unwatch(callId: string): void {
    this.calls.delete(callId);
  }

  get watching(): number {
    return this.calls.size;
  }

  /** When the caller should check next, if no heartbeat comes first. */
  nextCheckInMs(): number {
    const now = this.deps.now();
    for (const watch of this.calls.values()) if (LEGS.some((leg) => now - watch[leg].changedAt >= STALE_MS)) return SAMPLE_EVERY_MS;
    return SILENCE_MS;
  }

  /** A heartbeat from the tap worker: frames passed per call and leg so far. */
  frames(counts: Record<string, LegCounts>): void {
    const at = this.deps.now();
    for (const [callId, legs] of Object.entries(counts)) {
      const watch = this.calls.get(callId);
      if (!watch) continue;
      for (const leg of LEGS) {
        const state = watch[leg];
        if (legs[leg] === state.frames) continue;
        Object.assign(state, { frames: legs[leg], changedAt: at, baseline: null, flowedAt: null });
      }
    }
  }

  /** One round: samples the media of calls whose frames went stale and reports stuck taps. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const callId of [...this.calls.keys()]) await this.checkCall(callId);
    } finally {
      this.checking = false;
    }
  }

  private async checkCall(callId: string): Promise<void> {
    const stale = (watch: Record<Leg, LegWatch>) => LEGS.filter((leg) => this.deps.now() - watch[leg].changedAt >= STALE_MS);
    const before = this.calls.get(callId);
    if (!before || stale(before).length === 0) return;
    const flow = await this.deps.flow(callId);
    const watch = this.calls.get(callId);
    if (!watch) return;
    if (!flow) return this.unwatch(callId);
    const now = this.deps.now();
    for (const leg of stale(watch)) {
      const state = watch[leg];
      const media = flow[leg];
      if (media === null) {
        // Nothing is sent now (the customer holds): nothing to compare; start afresh when it flows again.
        Object.assign(state, { baseline: null, flowedAt: null });
        continue;
      }
      if (state.baseline === null) {
        state.baseline = media;
        continue;
      }
      if (state.flowedAt === null && media - state.baseline >= MIN_FLOW[leg]) state.flowedAt = now;
      if (state.flowedAt !== null && now - state.flowedAt >= GRACE_MS) {
        this.unwatch(callId);
        this.deps.stalled(callId, leg);
        return;
      }
    }
  }
}
