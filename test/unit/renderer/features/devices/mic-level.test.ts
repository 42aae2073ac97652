import { describe, expect, it, vi } from 'vitest';
import { LevelMeter, levelFromRms, rmsOf } from '@renderer/features/devices/mic-level';
import { fakeStream, FakeTrack } from './fakes';

describe('levelFromRms', () => {
  it('maps -60…0 dBFS onto 0…100', () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(0.0001)).toBe(0); // -80 dBFS: below the floor
    expect(levelFromRms(0.001)).toBe(0); // -60 dBFS
    expect(levelFromRms(0.01)).toBe(33); // -40 dBFS
    expect(levelFromRms(0.3535)).toBe(85); // a 0.5-amplitude sine, like the test tones
    expect(levelFromRms(1)).toBe(100);
    expect(levelFromRms(Number.NaN)).toBe(0);
  });
  it('rmsOf measures a block', () => {
    expect(rmsOf(new Float32Array([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5);
    expect(rmsOf(new Float32Array(0))).toBe(0);
  });
});

describe('LevelMeter', () => {
  it('reports the level of the capture and releases it on stop', () => {
    vi.useFakeTimers();
    const source = { connect: vi.fn(), disconnect: vi.fn() };
    const analyser = {
      fftSize: 0,
      getFloatTimeDomainData: (out: Float32Array) => out.fill(0.1),
    };
    const context = {
      resume: vi.fn(async () => undefined),
      close: vi.fn(async () => undefined),
      createAnalyser: () => analyser,
      createMediaStreamSource: () => source,
    };
    const track = new FakeTrack('Mic', { deviceId: 'default', groupId: 'g' });
    const levels: number[] = [];
    const meter = new LevelMeter(fakeStream(track), (level) => levels.push(level), () => context as unknown as AudioContext);
    vi.advanceTimersByTime(250);
    expect(levels).toEqual([67, 67]); // 0.1 RMS = -20 dBFS
    meter.stop();
    vi.advanceTimersByTime(500);
    expect(levels).toHaveLength(2);
    expect(track.readyState).toBe('ended');
    expect(context.close).toHaveBeenCalled();
    vi.useRealTimers();
  });
});
