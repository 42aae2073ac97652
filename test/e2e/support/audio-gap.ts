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
 * How long after `fromMs` the sound was back for good: the time of the first reading after `fromMs` from
 * which every reading stays audible for at least `steadyMs`; 0 when it never dropped; null when it never
 * came back steadily within the log.
 */
export function backAfter(levels: readonly Level[], fromMs: number, steadyMs = 300): number | null {
  const after = levels.filter(([at]) => at >= fromMs);
  for (let i = 0; i < after.length; i++) {
    const [start] = after[i] ?? [0, 0];
    let j = i;
    while (j < after.length && (after[j]?.[1] ?? 0) > audibleRms) j++;
    if (j > i && (after[j - 1]?.[0] ?? 0) - start >= steadyMs) return Math.max(0, start - fromMs);
    i = j;
  }
  return null;
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
