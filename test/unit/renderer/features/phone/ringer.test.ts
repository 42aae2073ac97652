import { describe, expect, it, vi } from 'vitest';
import { Ringer, RING_PATTERNS } from '@renderer/features/phone/ringer';

function fakeContext() {
  const gains: { value: number; setValueAtTime: ReturnType<typeof vi.fn> }[] = [];
  const oscillators: { frequency: { value: number }; stop: ReturnType<typeof vi.fn> }[] = [];
  const context = {
    currentTime: 0,
    destination: {},
    resume: vi.fn(async () => undefined),
    createGain: () => {
      const gain = { value: 0, setValueAtTime: vi.fn() };
      gains.push(gain);
      return { gain, connect: vi.fn(), disconnect: vi.fn() };
    },
    createOscillator: () => {
      const osc = { frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() };
      oscillators.push(osc);
      return osc;
    },
  };
  return { context, gains, oscillators };
}

describe('ringer patterns', () => {
  it('a waiting call rings quieter and with another cadence than a first call', () => {
    const { normal, waiting } = RING_PATTERNS;
    expect(waiting.gain).toBeLessThanOrEqual(normal.gain / 4);
    const onTime = (p: typeof normal) => p.bursts.reduce((sum, b) => sum + b.length, 0) / p.periodSeconds;
    expect(onTime(waiting)).toBeLessThan(onTime(normal) / 2);
    expect(waiting.bursts.length).not.toBe(normal.bursts.length);
  });
});

describe('Ringer', () => {
  it('plays the mode asked for and switches between them; stop silences it', () => {
    vi.useFakeTimers();
    const { context, gains, oscillators } = fakeContext();
    const ringer = new Ringer(() => '', () => context as unknown as AudioContext);
    ringer.start('normal');
    expect(ringer.mode).toBe('normal');
    expect(oscillators.map((o) => o.frequency.value)).toEqual([440, 480]);
    expect(gains[0]?.setValueAtTime).toHaveBeenCalledWith(RING_PATTERNS.normal.gain, 0);

    ringer.start('waiting');
    expect(ringer.mode).toBe('waiting');
    expect(oscillators[0]?.stop).toHaveBeenCalled();
    expect(gains[1]?.setValueAtTime).toHaveBeenCalledWith(RING_PATTERNS.waiting.gain, 0);
    expect(gains[1]?.setValueAtTime).toHaveBeenCalledTimes(RING_PATTERNS.waiting.bursts.length * 2);
    vi.advanceTimersByTime(RING_PATTERNS.waiting.periodSeconds * 1000);
    expect(gains[1]?.setValueAtTime).toHaveBeenCalledTimes(RING_PATTERNS.waiting.bursts.length * 4);

    ringer.stop();
    expect(ringer.mode).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(gains[1]?.setValueAtTime).toHaveBeenCalledTimes(RING_PATTERNS.waiting.bursts.length * 4);
    vi.useRealTimers();
  });

  it('warm() makes the audio context ahead of the first ring, which then reuses it', () => {
    const { context } = fakeContext();
    const create = vi.fn(() => context as unknown as AudioContext);
    const ringer = new Ringer(() => '', create);
    ringer.warm();
    expect(create).toHaveBeenCalledOnce();
    ringer.start('normal');
    ringer.stop();
    ringer.start('normal');
    expect(create).toHaveBeenCalledOnce();
    ringer.stop();
  });
});
