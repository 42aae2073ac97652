/**
 * Watches a page's remote audio without a break, for the moments a call's audio may stop (the recording
 * tap worker killed, see killTapWorker): every ~20 ms
 * the RMS level of the last 1024 samples is logged with the wall-clock time (Date.now(), the same
 * clock as the test's), so a gap and the moment sound came back can be read off afterwards.
 */
import type { Page } from '@playwright/test';

/** Audible: audio-probe's toneMinRms (kept apart so the bench can load this file without Playwright Test). */
const audibleRms = 0.05;
const remoteAudio = '[data-testid="remote-audio"]';

/** One reading: wall-clock ms and RMS level. */
export type Level = [number, number];

/** Starts logging `source`'s level in the page (one monitor per page). */
export async function startLevelLog(page: Page, source = remoteAudio): Promise<void> {
  await page.evaluate(async (source) => {
    const element = document.querySelector(source);
    if (!(element instanceof HTMLMediaElement) || !(element.srcObject instanceof MediaStream)) throw new Error(`no playing stream at ${source}`);
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(element.srcObject).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const levels: [number, number][] = [];
    (window as unknown as { __lingxiLevels: [number, number][] }).__lingxiLevels = levels;
    setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let squares = 0;
      for (const s of samples) squares += s * s;
      levels.push([Date.now(), Math.sqrt(squares / samples.length)]);
    }, 20);
  }, source);
}

export function readLevelLog(page: Page): Promise<Level[]> {
  return page.evaluate(() => [...(window as unknown as { __lingxiLevels: [number, number][] }).__lingxiLevels]);
}

/**
 * How long after `fromMs` the sound was back for good: the first reading after the last inaudible one
 * (so a stretch of concealment that still sounds like the tone, then a dropout, counts the dropout), if
 * the sound then lasts at least `steadyMs` to the end of the log; 0 when it never dropped; null when it
 * is not back steadily by the end of the log.
 */
export function backAfter(levels: readonly Level[], fromMs: number, steadyMs = 300): number | null {
  const after = levels.filter(([at]) => at >= fromMs);
  const lastQuiet = after.findLastIndex(([, rms]) => rms <= audibleRms);
  const back = after[lastQuiet + 1];
  const end = after.at(-1);
  if (!back || !end || end[0] - back[0] < steadyMs) return null;
  return lastQuiet < 0 ? 0 : back[0] - fromMs;
}

/**
 * Ends the app's recording tap worker the way a crash would: the worker closes itself (its event loop
 * stops; the page gets no message and no error). Resolves with the wall-clock time just before, once
 * Playwright saw the worker go.
 */
export async function killTapWorker(page: Page): Promise<number> {
  const worker = page.workers().find((w) => /tap\.worker/.test(w.url()));
  if (!worker) throw new Error(`no recording tap worker among ${page.workers().map((w) => w.url()).join(', ') || 'no workers'}`);
  const gone = worker.waitForEvent('close');
  const at = Date.now();
  // The evaluation cannot answer: the worker is gone before it could.
  void worker.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  await gone;
  return at;
}
