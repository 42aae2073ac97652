/** Frames the tap sends: fixed length inside protocol v1's 20–100 ms, no sample lost or duplicated. */
import { describe, expect, it } from 'vitest';
import { Framer } from '@renderer/features/assist/transcription/framer';
import { Downsampler } from '@renderer/features/assist/transcription/resampler';

describe('Framer', () => {
  it('turns render quanta (128 samples at 48 kHz → ~42.7 at 16 kHz) into exact 20 ms frames of 640 bytes, each its own buffer', () => {
    const downsampler = new Downsampler(48000);
    const framer = new Framer(20);
    const frames = [];
    let fed = 0;
    for (let block = 0; block < 375; block++) {
      // One second of a ramp so every sample is identifiable.
      const input = new Float32Array(128).map((_, i) => ((block * 128 + i) % 1000) / 2000);
      fed += input.length;
      frames.push(...framer.push(downsampler.process(input)));
    }
    expect(fed).toBe(48000);
    expect(frames.length).toBeGreaterThanOrEqual(49);
    for (const frame of frames) {
      expect(frame.pcm.length).toBe(320);
      expect(frame.pcm.byteLength).toBe(640);
      expect(frame.pcm.byteOffset).toBe(0);
      expect(frame.pcm.buffer.byteLength, 'transferable on its own').toBe(640);
    }
    expect(new Set(frames.map((f) => f.pcm.buffer)).size).toBe(frames.length);
  });

  it('keeps every sample in order across pushes and flushes the remainder', () => {
    const framer = new Framer(40);
    const samples = new Float32Array(1500).map((_, i) => (i % 640) / 32767);
    const frames = [...framer.push(samples.subarray(0, 7)), ...framer.push(samples.subarray(7, 1100)), ...framer.push(samples.subarray(1100))];
    const rest = framer.flush();
    expect(frames.map((f) => f.pcm.length)).toEqual([640, 640]);
    expect(rest?.pcm.length).toBe(220);
    const joined = [...frames.flatMap((f) => [...f.pcm]), ...(rest ? [...rest.pcm] : [])];
    expect(joined).toEqual([...samples].map((s) => Math.round(s * 32767)));
    expect(framer.flush()).toBeNull();
  });

  it('reports each frame’s level: silence 0, a full-scale square wave 1', () => {
    const framer = new Framer(20);
    const [silent] = framer.push(new Float32Array(320));
    const [loud] = framer.push(new Float32Array(320).map((_, i) => (i % 2 ? 1 : -1)));
    expect(silent?.rms).toBe(0);
    expect(loud?.rms).toBeCloseTo(1, 6);
  });

  it('refuses frame lengths protocol v1 does not allow', () => {
    expect(() => new Framer(10)).toThrow(/20–100 ms/);
    expect(() => new Framer(120)).toThrow(/20–100 ms/);
    expect(new Framer(100).frameSamples).toBe(1600);
  });
});
