import { describe, expect, it } from 'vitest';
import { lossPercent, readStats } from '@renderer/features/quality/stats-reader';

type Stat = Record<string, unknown>;

/** A Chromium-like report: audio inbound-rtp, optional remote-inbound-rtp and ICE pair. */
function report(inbound: Stat | null, remote: Stat | null = null, extra: Stat[] = []): Stat[] {
  return [
    { type: 'codec', id: 'C1', mimeType: 'audio/opus' },
    ...(inbound ? [{ type: 'inbound-rtp', kind: 'audio', id: 'I1', ...inbound }] : []),
    { type: 'outbound-rtp', kind: 'audio', id: 'O1', packetsSent: 500 },
    ...(remote ? [{ type: 'remote-inbound-rtp', kind: 'audio', id: 'R1', ...remote }] : []),
    ...extra,
  ];
}

const inbound = (received: number, lost: number, more: Stat = {}): Stat => ({
  packetsReceived: received,
  packetsLost: lost,
  jitter: 0.004,
  jitterBufferDelay: 0,
  jitterBufferEmittedCount: 0,
  ...more,
});

describe('readStats', () => {
  it('returns nothing before inbound audio exists', () => {
    expect(readStats(report(null), null)).toBeNull();
  });

  it('computes loss over the interval from packetsLost/packetsReceived deltas', () => {
    const first = readStats(report(inbound(100, 0)), null);
    expect(first?.figures.lossPercent).toBe(0);
    expect(first?.figures.packetsReceived).toBe(100);
    const second = readStats(report(inbound(190, 10)), first?.counters ?? null);
    expect(second?.figures.lossPercent).toBeCloseTo(10, 5); // 10 lost of 100 expected
    expect(second?.figures.packetsReceived).toBe(90);
    const third = readStats(report(inbound(290, 10)), second?.counters ?? null);
    expect(third?.figures.lossPercent).toBe(0); // the loss was in the previous interval only
  });

  it('never reports negative loss when late packets lower packetsLost', () => {
    const first = readStats(report(inbound(100, 5)), null);
    expect(readStats(report(inbound(200, 3)), first?.counters ?? null)?.figures.lossPercent).toBe(0);
    expect(lossPercent(0, 0)).toBe(0);
  });

  it('takes the worse direction: the remote report of what we send counts too', () => {
    const first = readStats(report(inbound(100, 0), { fractionLost: 0.25, roundTripTime: 0.12, jitter: 0.05 }), null);
    expect(first?.figures.lossPercent).toBe(25);
    expect(first?.figures.rttMs).toBeCloseTo(120, 5);
    expect(first?.figures.jitterMs).toBeCloseTo(50, 5); // remote jitter 50 ms > our 4 ms
    // No fresh report from the remote: its last figure stands.
    const second = readStats(report(inbound(200, 0), null), first?.counters ?? null);
    expect(second?.figures.lossPercent).toBe(25);
  });

  it('prefers remote packet deltas to fractionLost when the remote counts received packets', () => {
    const first = readStats(report(inbound(100, 0), { packetsLost: 0, packetsReceived: 100, fractionLost: 0.9 }), null);
    const second = readStats(
      report(inbound(200, 0), { packetsLost: 5, packetsReceived: 195, fractionLost: 0.9 }),
      first?.counters ?? null,
    );
    expect(second?.figures.lossPercent).toBeCloseTo(5, 5);
  });

  it('measures the jitter buffer over the interval and falls back to the ICE round trip', () => {
    const pair = { type: 'candidate-pair', id: 'P1', state: 'succeeded', nominated: true, currentRoundTripTime: 0.03 };
    const transport = { type: 'transport', id: 'T1', selectedCandidatePairId: 'P1' };
    const first = readStats(report(inbound(100, 0, { jitterBufferDelay: 960, jitterBufferEmittedCount: 48_000 })), null);
    expect(first?.figures.jitterBufferMs).toBeCloseTo(20, 5);
    expect(first?.figures.rttMs).toBeNull();
    const second = readStats(
      report(inbound(200, 0, { jitterBufferDelay: 960 + 1920, jitterBufferEmittedCount: 96_000 }), null, [pair, transport]),
      first?.counters ?? null,
    );
    expect(second?.figures.jitterBufferMs).toBeCloseTo(40, 5); // 1920 s over 48,000 samples
    expect(second?.figures.rttMs).toBeCloseTo(30, 5);
    expect(second?.figures.jitterMs).toBeCloseTo(4, 5);
  });
});
