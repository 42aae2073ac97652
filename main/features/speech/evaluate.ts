/**
 * Feeds a recording to a recognition stream as a live call would (20 ms frames) and measures what an
 * agent would notice: when each final became available after the speaker stopped, and the CPU cost.
 *
 * Pacing: `realtime` waits for each frame's moment on the wall clock, so the figures include everything.
 * Otherwise frames are fed as fast as possible and a virtual clock models real-time arrival: a frame starts
 * processing at max(its arrival, the end of the previous frame's processing), so a recogniser slower than
 * real time accumulates delay exactly as it would live. Same numbers, a fraction of the time.
 */
import type { RecognitionEvent, RecognitionStream } from './engine';

/** One final and when it became available. */
export interface TimedFinal {
  event: RecognitionEvent;
  /** Stream time (ms) at which the final was available to the client. */
  availableAtMs: number;
  /** availableAtMs − the final's last word end (the engine's end of speech): what the agent waits. */
  latencyMs: number;
  /** True when it only came out at stop (the file ended mid-utterance): not a latency sample. */
  atStop: boolean;
}

/** The outcome of one recording. */
export interface ClipRun {
  finals: TimedFinal[];
  partials: RecognitionEvent[];
  /** Every event in order with the stream time it became available (what a client sees, partials included). */
  timeline: { event: RecognitionEvent; availableAtMs: number }[];
  audioMs: number;
  /** Process CPU time spent (all threads), ms. */
  cpuMs: number;
  /** cpuMs / audioMs. */
  rtf: number;
}

const SAMPLES_PER_MS = 16;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Plays samples into a stream and finishes it.
 * @param frameMs frame length (the renderer's AudioWorklet sends 20 ms)
 */
export async function runClip(stream: RecognitionStream, samples: Int16Array, options: { frameMs?: number; realtime?: boolean } = {}): Promise<ClipRun> {
  const frame = (options.frameMs ?? 20) * SAMPLES_PER_MS;
  const finals: TimedFinal[] = [];
  const partials: RecognitionEvent[] = [];
  const timeline: ClipRun['timeline'] = [];
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let clock = 0;
  const record = (events: RecognitionEvent[], atStop: boolean): void => {
    for (const event of events) {
      timeline.push({ event, availableAtMs: clock });
      if (event.kind === 'partial') partials.push(event);
      else finals.push({ event, availableAtMs: clock, latencyMs: clock - event.endMs, atStop });
    }
  };
  for (let at = 0; at < samples.length; at += frame) {
    const chunk = samples.slice(at, Math.min(samples.length, at + frame));
    const arrival = (at + chunk.length) / SAMPLES_PER_MS;
    if (options.realtime) await sleep(wallStart + arrival - performance.now());
    const started = performance.now();
    const events = await stream.accept(chunk);
    clock = options.realtime ? performance.now() - wallStart : Math.max(clock, arrival) + (performance.now() - started);
    record(events, false);
  }
  const started = performance.now();
  const events = await stream.finish();
  clock = options.realtime ? performance.now() - wallStart : Math.max(clock, samples.length / SAMPLES_PER_MS) + (performance.now() - started);
  record(events, true);
  const cpu = process.cpuUsage(cpuStart);
  const audioMs = samples.length / SAMPLES_PER_MS;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { finals, partials, timeline, audioMs, cpuMs, rtf: audioMs > 0 ? cpuMs / audioMs : 0 };
}

/** Median and 95th percentile (nearest rank) of a sample; null when empty. */
export function summarise(values: readonly number[]): { median: number; p95: number; n: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { median: rank(0.5), p95: rank(0.95), n: sorted.length };
}
