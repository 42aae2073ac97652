/**
 * The tap's resampling: call audio at 48 kHz (or a 44.1 kHz AudioContext) to the 16 kHz the recogniser
 * hears. What matters to a listener is that speech-band tones come through unchanged, at the same moment,
 * and that content above 8 kHz does not fold back into the speech band as a phantom tone.
 */
import { describe, expect, it } from 'vitest';
import { Downsampler, TARGET_RATE, toInt16 } from '@renderer/features/assist/transcription/resampler';

const RENDER_QUANTUM = 128;

function sine(rate: number, hz: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** Runs the input through in AudioWorklet-sized blocks, as the tap does. */
function downsample(input: Float32Array, rate: number): Float32Array {
  const resampler = new Downsampler(rate);
  const parts: Float32Array[] = [];
  for (let at = 0; at < input.length; at += RENDER_QUANTUM) parts.push(resampler.process(input.subarray(at, at + RENDER_QUANTUM)));
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Amplitude of the `hz` component of a 16 kHz signal (least-squares fit over whole cycles, edges skipped). */
function amplitudeAt(signal: Float32Array, hz: number): number {
  const body = signal.subarray(400, signal.length - 400);
  let re = 0;
  let im = 0;
  for (let i = 0; i < body.length; i++) {
    re += (body[i] as number) * Math.cos((2 * Math.PI * hz * i) / TARGET_RATE);
    im += (body[i] as number) * Math.sin((2 * Math.PI * hz * i) / TARGET_RATE);
  }
  return (2 * Math.hypot(re, im)) / body.length;
}

function rms(signal: Float32Array): number {
  const body = signal.subarray(400, signal.length - 400);
  return Math.sqrt(body.reduce((sum, s) => sum + s * s, 0) / body.length);
}

const db = (ratio: number): number => 20 * Math.log10(ratio);

describe('Downsampler 48 kHz → 16 kHz', () => {
  it('keeps a 1 kHz tone at 1 kHz and at its level, and gives 16,000 samples per second', () => {
    const out = downsample(sine(48000, 1000, 1), 48000);
    expect(Math.abs(out.length - 16000)).toBeLessThanOrEqual(40);
    expect(Math.abs(db(amplitudeAt(out, 1000) / 0.5))).toBeLessThan(0.01);
    // All of the energy is at 1 kHz: a pure tone's RMS is amplitude/√2.
    expect(rms(out)).toBeCloseTo(0.5 / Math.SQRT2, 3);
  });

  it('passes the speech band flat up to 7 kHz', () => {
    for (const hz of [100, 300, 3400, 6000, 7000]) {
      const level = db(amplitudeAt(downsample(sine(48000, hz, 0.5), 48000), hz) / 0.5);
      expect(Math.abs(level), `${hz} Hz`).toBeLessThan(0.05);
    }
  });

  it('suppresses tones that would alias into the speech band by at least 65 dB (8.1 kHz → 7.9 kHz, 12 kHz → 4 kHz, 20 kHz → 4 kHz)', () => {
    for (const hz of [8100, 9000, 12000, 20000]) {
      const out = downsample(sine(48000, hz, 0.5), 48000);
      expect(db(rms(out) / (0.5 / Math.SQRT2)), `${hz} Hz`).toBeLessThan(-65);
    }
  });

  it('would fail that test without the low-pass: plain 3:1 decimation turns 12 kHz into a full-level 4 kHz tone', () => {
    const input = sine(48000, 12000, 0.5);
    const naive = new Float32Array(Math.floor(input.length / 3)).map((_, i) => input[i * 3] as number);
    expect(db(amplitudeAt(naive, 4000) / 0.5)).toBeGreaterThan(-0.1);
  });

  it('adds no delay: an impulse at 62.5 ms of input peaks at 62.5 ms of output', () => {
    const input = new Float32Array(9600);
    input[3000] = 1;
    const out = downsample(input, 48000);
    const peak = out.reduce((best, value, index) => (value > (out[best] as number) ? index : best), 0);
    expect(peak).toBe(1000);
  });
});

describe('Downsampler from a 44.1 kHz AudioContext', () => {
  it('keeps 1 kHz at 1 kHz and suppresses 10 kHz (which would alias to 6 kHz)', () => {
    const kept = downsample(sine(44100, 1000, 1), 44100);
    expect(Math.abs(kept.length - 16000)).toBeLessThanOrEqual(40);
    expect(Math.abs(db(amplitudeAt(kept, 1000) / 0.5))).toBeLessThan(0.05);
    expect(db(rms(downsample(sine(44100, 10000, 0.5), 44100)) / (0.5 / Math.SQRT2))).toBeLessThan(-60);
  });

  it('refuses rates it cannot serve', () => {
    expect(() => new Downsampler(8000)).toThrow(/≥ 16000/);
    expect(() => new Downsampler(48000, { stopbandHz: 9000 })).toThrow(/stopband/);
  });
});

describe('toInt16', () => {
  it('scales to 16-bit and clips instead of wrapping', () => {
    expect([...toInt16(new Float32Array([0, 0.25, -0.25, 1, -1, 1.7, -3]))]).toEqual([0, 8192, -8192, 32767, -32767, 32767, -32767]);
  });
});
