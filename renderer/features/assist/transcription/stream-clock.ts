/**
 * Maps a protocol stream's times (ms of audio the server received since `start`) back to the caller's clock.
 * The two differ once frames are dropped (back-pressure, a reconnect, a track that went silent): each gap is
 * recorded as an anchor where the server's count continues but the caller's clock jumped.
 */

interface Anchor {
  streamMs: number;
  clockMs: number;
}

/** Frames further than this from where the previous one ended start a new anchor, ms. */
const GAP_TOLERANCE_MS = 5;

export class StreamClock {
  private anchors: Anchor[] = [];
  private sentMs = 0;
  private expectedMs: number | null = null;

  /** Records a frame as sent; `durationMs` of audio captured at `clockMs`. */
  sent(clockMs: number, durationMs: number): void {
    if (this.expectedMs === null || Math.abs(clockMs - this.expectedMs) > GAP_TOLERANCE_MS) {
      this.anchors.push({ streamMs: this.sentMs, clockMs });
    }
    this.sentMs += durationMs;
    this.expectedMs = clockMs + durationMs;
  }

  /** Audio sent in this stream, ms. */
  get streamMs(): number {
    return this.sentMs;
  }

  /** The caller's time of a stream time. */
  toClock(streamMs: number): number {
    let anchor = this.anchors[0];
    if (!anchor) return streamMs;
    for (const candidate of this.anchors) {
      if (candidate.streamMs > streamMs) break;
      anchor = candidate;
    }
    return anchor.clockMs + (streamMs - anchor.streamMs);
  }

  /** A new stream (start sent again): the server counts from zero. */
  reset(): void {
    this.anchors = [];
    this.sentMs = 0;
    this.expectedMs = null;
  }
}
