/**
 * The Recordings region and what a recording really holds: what the app's player plays back is
 * captured in the page and measured per channel in short windows (Goertzel amplitude at the parties'
 * tones, and RMS).
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures/app';
import { appUi } from './ui';

export function recordingsUi(page: Page) {
  const region = page.getByRole('region', { name: 'Recordings' });
  const rows = region.getByRole('listitem');
  return {
    region,
    rows,
    liveStatus: page.getByRole('status', { name: 'Recording', exact: true }),
    /** The upload state of a row. */
    state: (row: Locator) => row.getByRole('status', { name: 'Upload state' }),
    play: (row: Locator) => row.getByRole('button', { name: 'Play recording', exact: true }),
    player: (row: Locator) => row.locator('audio'),
  };
}

/** One window of decoded audio, per channel: amplitude of each probed tone and the RMS level. */
export interface ChannelWindow {
  tones: Record<number, number>;
  rms: number;
}
export interface AudioWindow {
  startMs: number;
  left: ChannelWindow;
  right: ChannelWindow;
}
/** A mono file would play the same on both channels: the per-channel tone checks prove it is stereo. */
export interface DecodedRecording {
  durationMs: number;
  windows: AudioWindow[];
}

/**
 * Clicks Play recording on `row` and records what the app's player really plays, from its start to its
 * end, through WebAudio (the app's CSP forbids fetching the blob, and what plays is what counts). Each
 * captured block is placed on the file's timeline by the player's currentTime.
 */
export async function playAndDecode(page: Page, row: Locator, tones: number[] = [440, 1000], windowMs = 250): Promise<DecodedRecording> {
  const ui = recordingsUi(page);
  await ui.play(row).click();
  await expect(ui.player(row)).toHaveAttribute('src', /^blob:/);
  const handle = await ui.player(row).elementHandle();
  return page.evaluate(
    async ({ element, tones, windowMs }) => {
      if (!(element instanceof HTMLAudioElement)) throw new Error('no player');
      element.pause();
      await new Promise<void>((resolve) => {
        if (element.readyState >= 1) resolve();
        else element.addEventListener('loadedmetadata', () => resolve(), { once: true });
      });
      const context = new AudioContext();
      await context.resume();
      const source = context.createMediaElementSource(element);
      source.channelCountMode = 'explicit';
      source.channelCount = 2;
      const tap = context.createScriptProcessor(2048, 2, 2);
      const rate = context.sampleRate;
      const left: number[] = [];
      const right: number[] = [];
      let firstAt: number | null = null;
      tap.onaudioprocess = (event) => {
        if (element.paused && firstAt === null) return;
        firstAt ??= element.currentTime;
        left.push(...event.inputBuffer.getChannelData(0));
        right.push(...event.inputBuffer.getChannelData(1));
      };
      source.connect(tap);
      tap.connect(context.destination);
      element.currentTime = 0;
      const ended = new Promise<void>((resolve) => element.addEventListener('ended', () => resolve(), { once: true }));
      await element.play();
      await ended;
      tap.disconnect();
      source.disconnect();
      await context.close();
      const size = Math.round((rate * windowMs) / 1000);
      const offsetMs = (firstAt ?? 0) * 1000;
      const channel = (data: number[], from: number) => {
        let squares = 0;
        for (let i = from; i < from + size; i++) squares += (data[i] ?? 0) ** 2;
        const measured: { tones: Record<number, number>; rms: number } = { tones: {}, rms: Math.sqrt(squares / size) };
        for (const hz of tones) {
          // Goertzel: amplitude of one frequency over the window (a 0.5 sine reads ~0.5).
          const coefficient = 2 * Math.cos((2 * Math.PI * hz) / rate);
          let s1 = 0;
          let s2 = 0;
          for (let i = from; i < from + size; i++) {
            const s0 = (data[i] ?? 0) + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
          }
          measured.tones[hz] = (2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2))) / size;
        }
        return measured;
      };
      const windows = [];
      for (let from = 0; from + size <= left.length; from += size) {
        windows.push({ startMs: Math.round(offsetMs + (from / rate) * 1000), left: channel(left, from), right: channel(right, from) });
      }
      return { durationMs: Math.round(offsetMs + (left.length / rate) * 1000), windows };
    },
    { element: handle, tones, windowMs },
  );
}

/** A tone is present above this amplitude and absent below toneAbsent (the fake microphones play 0.5 sines). */
export const tonePresent = 0.05;
export const toneAbsent = 0.01;

/** Windows that lie wholly inside [fromMs, toMs). */
export function windowsBetween(recording: DecodedRecording, fromMs: number, toMs: number, windowMs = 250): AudioWindow[] {
  return recording.windows.filter((w) => w.startMs >= fromMs && w.startMs + windowMs <= toMs);
}

/** Windows farther than this from a pause edge are asserted (capture start and gain changes are not sample-exact). */
export const EDGE_MS = 300;

/** Every window holds the customer's 440 Hz on the left only and the agent's 1000 Hz on the right only. */
export function expectBothParties(windows: AudioWindow[], where: string): void {
  expect(windows.length, `windows ${where}`).toBeGreaterThan(0);
  for (const w of windows) {
    const at = `${where} at ${w.startMs} ms`;
    expect(w.left.tones[440], `customer's 440 Hz on the left ${at}`).toBeGreaterThan(tonePresent);
    expect(w.right.tones[1000], `agent's 1000 Hz on the right ${at}`).toBeGreaterThan(tonePresent);
    expect(w.left.tones[1000], `no agent on the left ${at}`).toBeLessThan(toneAbsent);
    expect(w.right.tones[440], `no customer on the right ${at}`).toBeLessThan(toneAbsent);
  }
}

/** Waits until the call's timer shows `text` (mm:ss). */
export async function waitForTalkTime(page: Page, text: string): Promise<void> {
  await expect(appUi(page).duration).toHaveText(text, { timeout: 10_000 });
}

/** The [lastAudioMs, atMs] of each recorder restart a Recordings row shows, and its text. */
export async function restartsOf(row: Locator): Promise<[number, number][]> {
  const restarts = row.locator('[data-restarts]');
  return JSON.parse((await restarts.getAttribute('data-restarts')) ?? '[]') as [number, number][];
}

/**
 * The customer spans a Recordings row says were withheld ([start, end] ms): the PCI delay line's audio when
 * the recorder stopped (a crash, a dead tap worker), not yet vetted for card digits.
 */
export async function withheldOf(row: Locator): Promise<[number, number][]> {
  const withheld = row.locator('[data-withheld]');
  if ((await withheld.count()) === 0) return [];
  return JSON.parse((await withheld.getAttribute('data-withheld')) ?? '[]') as [number, number][];
}

/**
 * Clicks Play recording on `row` and reads how long the file the player got is (its metadata: the last
 * Ogg granule), without playing it through.
 */
export async function playedDurationMs(page: Page, row: Locator): Promise<number> {
  const ui = recordingsUi(page);
  await ui.play(row).click();
  await expect(ui.player(row)).toHaveAttribute('src', /^blob:/);
  return ui.player(row).evaluate(async (element) => {
    if (!(element instanceof HTMLAudioElement)) throw new Error('no player');
    element.pause();
    if (element.readyState < 1) await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
    return Math.round(element.duration * 1000);
  });
}

/** The longest run of consecutive windows that all satisfy `test`, as [fromMs, toMs); null when none does. */
export function longestRun(recording: DecodedRecording, test: (w: AudioWindow) => boolean, windowMs = 250): [number, number] | null {
  let best: [number, number] | null = null;
  let from: number | null = null;
  for (const w of recording.windows) {
    if (!test(w)) {
      from = null;
      continue;
    }
    from ??= w.startMs;
    const run: [number, number] = [from, w.startMs + windowMs];
    if (!best || run[1] - run[0] > best[1] - best[0]) best = run;
  }
  return best;
}

/** Neither party's tone is in the window, on either channel (a held call's silence or its hold tone). */
export function neitherParty(w: AudioWindow): boolean {
  return [w.left, w.right].every((channel) => (channel.tones[440] ?? 0) < toneAbsent && (channel.tones[1000] ?? 0) < toneAbsent);
}
