/**
 * Turns one RTCPeerConnection.getStats() report into the network figures of the last interval: RTT,
 * jitter, packet loss and jitter-buffer delay, using the cumulative counters of the previous report.
 * Pure, so it is unit-tested with recorded reports. Field names: W3C webrtc-stats.
 */

/** Cumulative counters carried from one report to the next. */
export interface StatsCounters {
  inboundReceived: number;
  inboundLost: number;
  /** Seconds of jitter-buffer delay summed over emitted samples, and how many samples. */
  jitterBufferDelay: number;
  jitterBufferEmitted: number;
  remoteLost: number;
  remoteReceived: number | null;
  /** Last known loss of what we send (as the remote reports it); RTCP reports arrive every few seconds. */
  remoteLossPercent: number;
}

/** Figures over the interval since the previous report. */
export interface NetworkFigures {
  /** Round-trip time in ms; null until RTCP or STUN has measured one. */
  rttMs: number | null;
  /** Interarrival jitter (RFC 3550) in ms, the worse of what we receive and what the remote receives. */
  jitterMs: number;
  /** Packet loss in %, the worse direction. */
  lossPercent: number;
  /** Average time a sample waited in our jitter buffer, ms; null when nothing was played out. */
  jitterBufferMs: number | null;
  /** Audio packets received in the interval (0 means no media: on hold, or nothing measured). */
  packetsReceived: number;
}

type Stat = Record<string, unknown> & { type?: unknown; kind?: unknown; id?: unknown };

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function isAudio(stat: Stat): boolean {
  // Older reports carry mediaType instead of kind.
  return (stat.kind ?? stat['mediaType']) === 'audio';
}

/** Loss in % over an interval: lost / (lost + received), 0 when nothing was expected. */
export function lossPercent(lost: number, received: number): number {
  const expected = lost + received;
  // packetsLost can go down (late or duplicate packets): never report negative loss.
  return expected > 0 ? Math.min(100, Math.max(0, (100 * lost) / expected)) : 0;
}

/**
 * Reads a report. `previous` is the counters returned for the last report of the same call, or null
 * for the first one (its interval then runs from the start of the call).
 * Returns null when the report has no inbound audio stream yet.
 */
export function readStats(
  report: Iterable<Stat>,
  previous: StatsCounters | null,
): { figures: NetworkFigures; counters: StatsCounters } | null {
  const stats = [...report];
  const inbound = stats.find((s) => s.type === 'inbound-rtp' && isAudio(s));
  if (!inbound) return null;
  const remote = stats.find((s) => s.type === 'remote-inbound-rtp' && isAudio(s));

  const counters: StatsCounters = {
    inboundReceived: num(inbound['packetsReceived']) ?? 0,
    inboundLost: num(inbound['packetsLost']) ?? 0,
    jitterBufferDelay: num(inbound['jitterBufferDelay']) ?? 0,
    jitterBufferEmitted: num(inbound['jitterBufferEmittedCount']) ?? 0,
    remoteLost: num(remote?.['packetsLost']) ?? 0,
    remoteReceived: num(remote?.['packetsReceived']) ?? null,
    remoteLossPercent: previous?.remoteLossPercent ?? 0,
  };
  const base = previous ?? {
    inboundReceived: 0,
    inboundLost: 0,
    jitterBufferDelay: 0,
    jitterBufferEmitted: 0,
    remoteLost: 0,
    remoteReceived: 0,
    remoteLossPercent: 0,
  };

  const received = counters.inboundReceived - base.inboundReceived;
  const inboundLoss = lossPercent(counters.inboundLost - base.inboundLost, received);

  // What we send: deltas when the remote report counts received packets, else the report's own
  // fractionLost (loss since the remote's previous report). No new report in the interval: keep the last.
  if (remote) {
    const remoteReceivedDelta =
      counters.remoteReceived !== null && base.remoteReceived !== null ? counters.remoteReceived - base.remoteReceived : null;
    const remoteLostDelta = counters.remoteLost - base.remoteLost;
    if (remoteReceivedDelta !== null && remoteReceivedDelta + remoteLostDelta > 0) {
      counters.remoteLossPercent = lossPercent(remoteLostDelta, remoteReceivedDelta);
    } else if (remoteReceivedDelta === null && num(remote['fractionLost']) !== undefined) {
      counters.remoteLossPercent = Math.min(100, Math.max(0, 100 * (num(remote['fractionLost']) ?? 0)));
    }
  }

  const emitted = counters.jitterBufferEmitted - base.jitterBufferEmitted;
  const jitterBufferMs = emitted > 0 ? (1000 * (counters.jitterBufferDelay - base.jitterBufferDelay)) / emitted : null;

  const jitterMs = 1000 * Math.max(num(inbound['jitter']) ?? 0, num(remote?.['jitter']) ?? 0);
  return {
    figures: {
      rttMs: roundTripMs(stats, remote),
      jitterMs,
      lossPercent: Math.max(inboundLoss, counters.remoteLossPercent),
      jitterBufferMs,
      packetsReceived: Math.max(0, received),
    },
    counters,
  };
}

/** RTCP round trip (remote-inbound-rtp) when measured, else the selected ICE pair's STUN round trip. */
function roundTripMs(stats: Stat[], remote: Stat | undefined): number | null {
  const rtcp = num(remote?.['roundTripTime']);
  if (rtcp !== undefined) return 1000 * rtcp;
  const transport = stats.find((s) => s.type === 'transport');
  const selectedId = transport?.['selectedCandidatePairId'];
  const pair =
    stats.find((s) => s.type === 'candidate-pair' && s.id === selectedId) ??
    stats.find((s) => s.type === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded');
  const stun = num(pair?.['currentRoundTripTime']);
  return stun === undefined ? null : 1000 * stun;
}
