/**
 * In-page tone detection for the app and the peers alike. The source is a CSS selector of a media
 * element whose srcObject is the call's remote MediaStream: the element must be playing, since a
 * remote WebRTC stream feeds WebAudio only while attached to one.
 */
import { expect, type Page } from '@playwright/test';

/** The app's remote audio element; the peer page uses the same test id. */
export const remoteAudio = '[data-testid="remote-audio"]';

/** A 0.5-amplitude tone reads ~0.35 RMS; silence (hold, mute) reads ~0. */
export const toneMinRms = 0.05;
export const silenceMaxRms = 0.01;

export interface AudioReading {
  /** Dominant frequency (Hz); 0 without a stream. */
  hz: number;
  /** RMS level over the window, full scale = 1. */
  rms: number;
  /**
   * "ok" (measured), "no tracks" (a stream without audio tracks: silent, as a receiver that stopped
   * receiving leaves it), or why nothing could be measured ("no stream", "paused", …).
   */
  state: string;
}

/** Measures the dominant frequency and RMS level of `source` over ~windowMs. */
export function measureAudio(page: Page, source = remoteAudio, windowMs = 500): Promise<AudioReading> {
  return page.evaluate(
    async ({ source, windowMs }) => {
      const element = document.querySelector(source);
      if (!(element instanceof HTMLMediaElement)) return { hz: 0, rms: 0, state: `no media element ${source}` };
      const stream = element.srcObject;
      if (!(stream instanceof MediaStream)) return { hz: 0, rms: 0, state: 'no stream' };
      if (stream.getAudioTracks().length === 0) return { hz: 0, rms: 0, state: 'no tracks' };
      if (element.paused) return { hz: 0, rms: 0, state: 'element paused' };
      const holder = window as unknown as { __lingxiProbeContext?: AudioContext };
      const context = (holder.__lingxiProbeContext ??= new AudioContext());
      await context.resume(); // page.evaluate counts as a user gesture
      const analyser = context.createAnalyser();
      analyser.fftSize = 4096;
      analyser.smoothingTimeConstant = 0;
      const input = context.createMediaStreamSource(stream);
      input.connect(analyser);
      const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
      await wait((1000 * analyser.fftSize) / context.sampleRate); // let the analyser fill once
      const spectrum = new Float32Array(analyser.frequencyBinCount);
      const power = new Float64Array(spectrum.length);
      const samples = new Float32Array(analyser.fftSize);
      let squares = 0;
      let count = 0;
      const end = performance.now() + windowMs;
      while (performance.now() < end) {
        analyser.getFloatFrequencyData(spectrum);
        spectrum.forEach((db, i) => (power[i] = (power[i] ?? 0) + 10 ** (db / 10)));
        analyser.getFloatTimeDomainData(samples);
        for (const s of samples) squares += s * s;
        count += samples.length;
        await wait(40);
      }
      input.disconnect();
      let peak = 3; // skip DC
      for (let i = 4; i < power.length - 1; i++) if ((power[i] ?? 0) > (power[peak] ?? 0)) peak = i;
      // Parabolic interpolation on log power sharpens the bin estimate.
      const logPower = (i: number): number => Math.log((power[i] ?? 0) + 1e-30);
      const [a, b, c] = [logPower(peak - 1), logPower(peak), logPower(peak + 1)];
      const offset = a - 2 * b + c === 0 ? 0 : (0.5 * (a - c)) / (a - 2 * b + c);
      const hz = ((peak + offset) * context.sampleRate) / analyser.fftSize;
      return { hz, rms: Math.sqrt(squares / Math.max(count, 1)), state: context.state === 'running' ? 'ok' : context.state };
    },
    { source, windowMs },
  );
}

/** Passes once `source` carries a tone within ±15 Hz of `hz` at a clearly audible level. */
export async function expectTone(page: Page, source: string, hz: number, timeout = 10_000): Promise<AudioReading> {
  let last: AudioReading = { hz: 0, rms: 0, state: 'not measured' };
  await expect(async () => {
    last = await measureAudio(page, source);
    expect(last.state, `probe on ${source}`).toBe('ok');
    expect(last.rms, `RMS on ${source} (${last.hz.toFixed(0)} Hz)`).toBeGreaterThan(toneMinRms);
    expect(Math.abs(last.hz - hz), `dominant ${last.hz.toFixed(1)} Hz on ${source}, want ${hz}`).toBeLessThanOrEqual(15);
  }).toPass({ timeout, intervals: [50] });
  return last;
}

/** Passes once `source` is near silence: its stream carries no energy or no longer has an audio track. */
export async function expectSilence(page: Page, source: string, timeout = 10_000): Promise<AudioReading> {
  let last: AudioReading = { hz: 0, rms: 0, state: 'not measured' };
  await expect(async () => {
    last = await measureAudio(page, source);
    expect(['ok', 'no tracks'], `probe on ${source}: ${last.state}`).toContain(last.state);
    expect(last.rms, `RMS on ${source} (${last.hz.toFixed(0)} Hz)`).toBeLessThan(silenceMaxRms);
  }).toPass({ timeout, intervals: [50] });
  return last;
}

/**
 * Level (dB, the AnalyserNode's scale: a 0.5-amplitude tone reads about -10, silence below -100) at each
 * of `hzList` in `source`, ±2 bins around the frequency, averaged over ~windowMs. Unlike measureAudio's
 * dominant frequency it sees several tones at once (a conference party hears two).
 */
export function measureToneLevels(page: Page, source: string, hzList: number[], windowMs = 500): Promise<{ levels: number[]; state: string }> {
  return page.evaluate(
    async ({ source, hzList, windowMs }) => {
      const element = document.querySelector(source);
      if (!(element instanceof HTMLMediaElement)) return { levels: [], state: `no media element ${source}` };
      const stream = element.srcObject;
      if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0) return { levels: [], state: 'no stream' };
      const holder = window as unknown as { __lingxiProbeContext?: AudioContext };
      const context = (holder.__lingxiProbeContext ??= new AudioContext());
      await context.resume();
      const analyser = context.createAnalyser();
      analyser.fftSize = 4096;
      analyser.smoothingTimeConstant = 0;
      const input = context.createMediaStreamSource(stream);
      input.connect(analyser);
      const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
      await wait((1000 * analyser.fftSize) / context.sampleRate);
      const spectrum = new Float32Array(analyser.frequencyBinCount);
      const power = new Float64Array(spectrum.length);
      let frames = 0;
      const end = performance.now() + windowMs;
      while (performance.now() < end) {
        analyser.getFloatFrequencyData(spectrum);
        spectrum.forEach((db, i) => (power[i] = (power[i] ?? 0) + 10 ** (db / 10)));
        frames += 1;
        await wait(40);
      }
      input.disconnect();
      const binHz = context.sampleRate / analyser.fftSize;
      const levels = hzList.map((hz) => {
        const center = Math.round(hz / binHz);
        let peak = 0;
        for (let i = center - 2; i <= center + 2; i++) peak = Math.max(peak, power[i] ?? 0);
        return 10 * Math.log10(peak / Math.max(frames, 1) + 1e-30);
      });
      return { levels, state: context.state === 'running' ? 'ok' : context.state };
    },
    { source, hzList, windowMs },
  );
}

/** A tone counts as heard at this level or above; as absent at toneAbsentDb or below (about 40 dB under a tone). */
export const tonePresentDb = -40;
export const toneAbsentDb = -60;

/**
 * Passes once every tone in `hzList` is present in `source` at the same time, and every tone in
 * `absent` is not (e.g. a party dropped from a conference).
 */
export async function expectTones(page: Page, source: string, hzList: number[], { absent = [] as number[], timeout = 10_000 } = {}): Promise<number[]> {
  let levels: number[] = [];
  await expect(async () => {
    const reading = await measureToneLevels(page, source, [...hzList, ...absent]);
    levels = reading.levels;
    expect(reading.state, `probe on ${source}`).toBe('ok');
    const describe = levels.map((db, i) => `${[...hzList, ...absent][i]} Hz: ${db.toFixed(0)} dB`).join(', ');
    hzList.forEach((hz, i) => expect(levels[i] ?? -Infinity, `${hz} Hz on ${source} (${describe})`).toBeGreaterThan(tonePresentDb));
    absent.forEach((hz, i) => expect(levels[hzList.length + i] ?? 0, `${hz} Hz absent on ${source} (${describe})`).toBeLessThan(toneAbsentDb));
  }).toPass({ timeout, intervals: [50] });
  return levels;
}

