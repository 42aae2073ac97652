/**
 * Cross-page tone onset for delay figures: a capture-phase click listener in one page (the instant the
 * person acts) and, in another page, a 5 ms poll of a media element's stream for the first energy at a
 * frequency after a stretch of quiet. Both instants are epoch ms (performance.timeOrigin + now: same
 * machine, sub-ms), so the two pages' clocks compare.
 */
import type { Locator, Page } from 'playwright-core';

interface OnsetState {
  quietSeen: boolean;
  at?: number;
  stop?: () => void;
}

type OnsetWindow = Window & { __lingxiOnset?: OnsetState; __lingxiClickAt?: number };

/** Epoch ms of the next click on `button` (armed now, read with clickedAt). */
export async function armClick(button: Locator): Promise<void> {
  await button.evaluate((element) => {
    const holder = window as OnsetWindow;
    holder.__lingxiClickAt = undefined;
    element.addEventListener('click', () => (holder.__lingxiClickAt ??= performance.timeOrigin + performance.now()), { capture: true, once: true });
  });
}

export async function clickedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as OnsetWindow).__lingxiClickAt, undefined, { timeout: 10_000, polling: 20 });
  return (await handle.jsonValue()) as number;
}

/** Watches `selector` in `page` for `hz` to start after it was quiet (below -70 dB) for 300 ms. */
export async function armOnset(page: Page, hz: number, selector = '[data-testid="remote-audio"]'): Promise<void> {
  await page.evaluate(
    async ({ hz, selector }) => {
      const holder = window as OnsetWindow;
      holder.__lingxiOnset?.stop?.();
      const state: OnsetState = { quietSeen: false };
      holder.__lingxiOnset = state;
      const element = document.querySelector(selector);
      if (!(element instanceof HTMLMediaElement) || !(element.srcObject instanceof MediaStream)) throw new Error(`no stream at ${selector}`);
      const context = new AudioContext();
      await context.resume();
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      analyser.smoothingTimeConstant = 0;
      const source = context.createMediaStreamSource(element.srcObject);
      source.connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const bin = Math.round(hz / (context.sampleRate / analyser.fftSize));
      let quietFrom: number | undefined;
      const timer = setInterval(() => {
        analyser.getFloatFrequencyData(bins);
        const level = Math.max(bins[bin - 1] ?? -Infinity, bins[bin] ?? -Infinity, bins[bin + 1] ?? -Infinity);
        const now = performance.now();
        // Quiet must last: right after Mute the jitter buffer still plays out the tone for a while.
        if (level < -70) quietFrom ??= now;
        else if (!state.quietSeen) quietFrom = undefined;
        if (quietFrom !== undefined && now - quietFrom >= 300) state.quietSeen = true;
        if (state.quietSeen && level > -50) {
          state.at = performance.timeOrigin + performance.now();
          state.stop?.();
        }
      }, 5);
      state.stop = () => {
        clearInterval(timer);
        source.disconnect();
        void context.close();
      };
    },
    { hz, selector },
  );
}

/** Waits until the armed page saw quiet (so the next onset is a real one). */
export async function onsetQuiet(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as OnsetWindow).__lingxiOnset?.quietSeen === true, undefined, { timeout: 10_000, polling: 20 });
}

export async function onsetAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as OnsetWindow).__lingxiOnset?.at, undefined, { timeout: 10_000, polling: 20 });
  return (await handle.jsonValue()) as number;
}
