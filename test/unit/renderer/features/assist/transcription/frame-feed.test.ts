/**
 * The speech worker's side of a tap: frames timed on the page's clock from the worklet's context times (the
 * worker's own clock starts elsewhere), sent in ms since the answer, re-tied after a suspension, and the end of
 * the latest voiced frame kept for the final's latency figure.
 */
import { describe, expect, it } from 'vitest';
import { FrameFeed } from '@renderer/features/assist/transcription/frame-feed';

function feed(now: { ms: number }) {
  const sent: [number, number][] = [];
  // The worker's clock started 300 ms after the page's: its now() + 300 is the page's.
  const frames = new FrameFeed({ answeredAt: 1000, pageTimeOrigin: 5000 }, { send: (pcm, at) => void sent.push([pcm.byteLength, at]) }, () => now.ms, 5300);
  return { frames, sent };
}

describe('FrameFeed', () => {
  it('times frames on the page’s clock from the context’s, in ms since the answer, whenever they arrive', () => {
    const now = { ms: 1720 };
    const { frames, sent } = feed(now);
    // Anchored at the first frame: it ended now (page 2020), so it started 20 ms before; 1020 ms after the answer.
    frames.frame({ pcm: new ArrayBuffer(640), rms: 0.2, endTime: 10.0 });
    // The next arrives late (the thread was busy): its time comes from the context's clock, not the arrival.
    now.ms = 1900;
    frames.frame({ pcm: new ArrayBuffer(640), rms: 0.2, endTime: 10.02 });
    expect(sent.map(([bytes, at]) => [bytes, Math.round(at * 1000) / 1000])).toEqual([
      [640, 1000],
      [640, 1020],
    ]);
  });

  it('ties the clocks again after a suspension, and keeps the end of the latest voiced frame', () => {
    const now = { ms: 1720 };
    const { frames, sent } = feed(now);
    frames.frame({ pcm: new ArrayBuffer(640), rms: 0.2, endTime: 10.0 });
    expect(frames.lastVoicedAt).toBe(2020);
    now.ms = 4720;
    frames.frame({ pcm: new ArrayBuffer(640), rms: 0.001, endTime: 10.02, reanchor: true });
    expect(sent.at(-1)?.[1]).toBeCloseTo(4000, 6);
    expect(frames.lastVoicedAt, 'a silent frame is not speech').toBe(2020);
  });

  it('takes frames from a port and lets it go', async () => {
    const { frames, sent } = feed({ ms: 1720 });
    const channel = new MessageChannel();
    const stop = frames.listen(channel.port2);
    const pcm = new ArrayBuffer(640);
    channel.port1.postMessage({ pcm, rms: 0.2, endTime: 10 }, [pcm]);
    await expect.poll(() => sent.length).toBe(1);
    stop();
    channel.port1.close();
  });
});
