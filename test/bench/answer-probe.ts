/**
 * In-page instrumentation for answer → audio: a capture-phase click listener on the Answer button and a
 * 5 ms poll of the remote-audio element's stream through an AnalyserNode for the first ~440 Hz energy.
 */
import type { Locator, Page } from 'playwright-core';

interface ProbeState {
  clickAt?: number;
  audioAt?: number;
  stop?: () => void;
}

type ProbeWindow = Window & { __lingxiAnswerProbe?: ProbeState };

/** Arms the probe on the (visible) Answer button. Call before the real click. */
export async function armAnswerProbe(page: Page, answer: Locator, toneHz = 440): Promise<void> {
  await answer.evaluate((button) => {
    const state: ProbeState = {};
    (window as ProbeWindow).__lingxiAnswerProbe = state;
    button.addEventListener('click', () => (state.clickAt ??= performance.now()), { capture: true, once: true });
  });
  await page.evaluate(async (hz) => {
    const state = (window as ProbeWindow).__lingxiAnswerProbe as ProbeState;
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512; // ~11 ms window: short, so onset shows quickly
    analyser.smoothingTimeConstant = 0;
    const bins = new Float32Array(analyser.frequencyBinCount);
    const binHz = context.sampleRate / analyser.fftSize;
    const lo = Math.floor(hz / binHz);
    let source: MediaStreamAudioSourceNode | undefined;
    let stream: MediaStream | undefined;
    const timer = setInterval(() => {
      const element = document.querySelector('[data-testid="remote-audio"]');
      const current = element instanceof HTMLMediaElement ? element.srcObject : null;
      if (current instanceof MediaStream && current !== stream && current.getAudioTracks().length > 0) {
        source?.disconnect();
        stream = current;
        source = context.createMediaStreamSource(current);
        source.connect(analyser);
      }
      if (!source || state.clickAt === undefined) return;
      analyser.getFloatFrequencyData(bins);
      if (Math.max(bins[lo] ?? -Infinity, bins[lo + 1] ?? -Infinity) > -50) {
        state.audioAt = performance.now();
        state.stop?.();
      }
    }, 5);
    state.stop = () => {
      clearInterval(timer);
      source?.disconnect();
      void context.close();
    };
  }, toneHz);
}

/** Waits for the probe's result: ms from the Answer click to the first tone energy. */
export async function answerToAudioMs(page: Page, timeout = 15_000): Promise<number> {
  await page.waitForFunction(() => (window as ProbeWindow).__lingxiAnswerProbe?.audioAt !== undefined, undefined, {
    timeout,
    polling: 20,
  });
  return page.evaluate(() => {
    const state = (window as ProbeWindow).__lingxiAnswerProbe as ProbeState;
    return (state.audioAt ?? Number.NaN) - (state.clickAt ?? Number.NaN);
  });
}
