/**
 * Bounds the offers a peer makes inside one call (re-INVITE, UPDATE). Each one costs an offer/answer in
 * WebRTC and, for hold and resume, a store update and a render; a peer in a never-ending re-INVITE loop
 * (issue 25 §3) would keep the renderer busy for the whole call. Real peers renegotiate a few times a call
 * (hold, resume, an ICE restart, a codec change), so more than REOFFERS_PER_WINDOW in REOFFER_WINDOW_MS is
 * answered 491 Request Pending without touching the media: the call and its audio go on as they were, and a
 * well-behaved peer retries after 2.1–4 s (RFC 3261 §14.1). Memory is bounded by the window's count.
 */

export const REOFFERS_PER_WINDOW = 10;
export const REOFFER_WINDOW_MS = 10_000;

export class ReofferLimit {
  /** When each offer processed within the window arrived (oldest first, at most `count`). */
  private readonly accepted: number[] = [];
  private refusedCount = 0;

  constructor(
    private readonly count = REOFFERS_PER_WINDOW,
    private readonly windowMs = REOFFER_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Offers refused so far on this call. */
  get refused(): number {
    return this.refusedCount;
  }

  /** Whether the offer arriving now may be processed; an allowed one is counted. */
  allow(): boolean {
    const at = this.now();
    while (this.accepted.length > 0 && (this.accepted[0] ?? at) <= at - this.windowMs) this.accepted.shift();
    if (this.accepted.length >= this.count) {
      this.refusedCount += 1;
      return false;
    }
    this.accepted.push(at);
    return true;
  }
}
