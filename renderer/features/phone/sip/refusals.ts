/**
 * Incoming calls the phone refuses at once with 486 Busy Here: both lines taken, a second call with call
 * waiting off, or the agent not Ready. They are refused before they become calls anywhere (no snapshot in
 * the store, no ring, no screen pop, no history row, no log line each): an INVITE flood from a hostile peer
 * (50 a second) must not cost the renderer a React render per INVITE while the agent talks. Instead they
 * are counted, and the count is reported at most once per interval (first refusal at once, the rest
 * trailing), so the agent and the log see one "N calls refused while busy" line.
 */

/** Why an incoming call was refused without ringing. */
export type RefusalReason = 'lines-full' | 'no-call-waiting' | 'not-ready';

/** The refusals since the phone last had no call (or since the first refusal when it had none). */
export interface RefusedCalls {
  count: number;
  byReason: Record<RefusalReason, number>;
  /** Epoch ms of the first and the latest refusal counted. */
  since: number;
  last: number;
}

/** An agent handles at most two lines: a call and a waiting (or consultation) call. */
export const MAX_CALLS = 2;

/**
 * Whether an incoming call must be refused, and why; undefined when it may ring.
 * @param others calls the phone has now (ringing, connected or held)
 * @param callWaiting the policy allows a second incoming call to ring
 * @param acceptsCalls the agent is Ready (or on a call, for call waiting)
 */
export function refusalReason(others: number, callWaiting: boolean, acceptsCalls: () => boolean): RefusalReason | undefined {
  if (others >= MAX_CALLS) return 'lines-full';
  if (others > 0 && !callWaiting) return 'no-call-waiting';
  return acceptsCalls() ? undefined : 'not-ready';
}

/** Counts refusals and reports the running tally, throttled to one report per `intervalMs`. */
export class RefusalTally {
  private tally: RefusedCalls | null = null;
  private lastReport = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly report: (tally: RefusedCalls | null) => void,
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tally so far (null when nothing was refused since the last reset). */
  get current(): RefusedCalls | null {
    return this.tally;
  }

  add(reason: RefusalReason): void {
    const at = this.now();
    const tally = this.tally ?? { count: 0, byReason: { 'lines-full': 0, 'no-call-waiting': 0, 'not-ready': 0 }, since: at, last: at };
    this.tally = { ...tally, count: tally.count + 1, byReason: { ...tally.byReason, [reason]: tally.byReason[reason] + 1 }, last: at };
    if (this.timer !== undefined) return;
    const wait = this.lastReport + this.intervalMs - at;
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Reports what is pending now, then starts a new tally (the phone has no call any more); returns the closed tally. */
  reset(): RefusedCalls | null {
    const closed = this.tally;
    if (!closed) return null;
    this.clearTimer();
    this.tally = null;
    this.lastReport = -Infinity;
    this.report(null);
    return closed;
  }

  /** Stops the pending report (the engine stopped). */
  dispose(): void {
    this.clearTimer();
  }

  private flush(): void {
    this.clearTimer();
    this.lastReport = this.now();
    this.report(this.tally);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
