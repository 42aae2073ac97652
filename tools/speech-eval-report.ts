/**
 * The work behind `npm run speech:eval`: recognise WAV files with the pocketsphinx engine on its domain
 * model and score them. Kept apart from argument parsing so the figures can be produced from tests too.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PocketsphinxConfig } from '@main/features/speech/config';
import { runClip, summarise } from '@main/features/speech/evaluate';
import { PocketsphinxEngine } from '@main/features/speech/pocketsphinx/engine';
import { readWav } from '@main/features/speech/wav';
import { poolScores, scoreWords, type WordScore } from '@main/features/speech/word-accuracy';

/** One file's outcome. */
export interface FileReport {
  file: string;
  audioMs: number;
  expected: string | null;
  recognised: string;
  wordAccuracy: number | null;
  errors: Omit<WordScore, 'accuracy' | 'referenceWords'> | null;
  finals: { text: string; startMs: number; endMs: number; latencyMs: number; atStop: boolean }[];
  rtf: number;
}

/** The whole report printed as JSON. */
export interface SpeechEvalReport {
  engine: 'pocketsphinx';
  pacing: 'realtime' | 'simulated';
  model: { key: string; words: number; oov: number; built: boolean; buildMs: number; loadMs: number };
  files: FileReport[];
  summary: {
    /** Pooled over all files with an expected text (1 − corpus WER). */
    wordAccuracy: number | null;
    /** End of speech (last word's end) → final available, ms; finals forced by the end of the file excluded. */
    finalLatencyMs: { median: number; p95: number; n: number } | null;
    /** Process CPU time over audio time, all files. */
    rtf: number;
    modelBuildMs: number;
    modelLoadMs: number;
  };
}

/** The expected text of a WAV: its sidecar `<name>.txt`, or null. */
export function sidecarText(wavPath: string): string | null {
  const sidecar = wavPath.replace(/\.wav$/i, '.txt');
  return sidecar !== wavPath && existsSync(sidecar) ? readFileSync(sidecar, 'utf8').trim() : null;
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/**
 * Recognises and scores files.
 * @param expected per file, the expected text (null = unknown, not scored)
 */
export async function evaluateSpeech(
  config: PocketsphinxConfig,
  cacheDir: string,
  files: readonly { path: string; expected: string | null }[],
  options: { realtime?: boolean } = {},
): Promise<SpeechEvalReport> {
  const engine = await PocketsphinxEngine.create(config, cacheDir);
  const stream = await engine.open({ language: config.languages[0] ?? 'en-US', hints: [], keywords: [] });
  const reports: FileReport[] = [];
  const scores: WordScore[] = [];
  let cpuMs = 0;
  let audioMs = 0;
  const latencies: number[] = [];
  try {
    for (const file of files) {
      const audio = await readWav(file.path);
      const run = await runClip(stream, audio.samples, { realtime: options.realtime });
      const recognised = run.finals.map((f) => f.event.text).join(' ');
      const score = file.expected === null ? null : scoreWords(file.expected, recognised);
      if (score) scores.push(score);
      cpuMs += run.cpuMs;
      audioMs += run.audioMs;
      for (const f of run.finals) if (!f.atStop) latencies.push(f.latencyMs);
      reports.push({
        file: file.path,
        audioMs: round(run.audioMs, 0),
        expected: file.expected,
        recognised,
        wordAccuracy: score ? round(score.accuracy, 3) : null,
        errors: score ? { substitutions: score.substitutions, deletions: score.deletions, insertions: score.insertions } : null,
        finals: run.finals.map((f) => ({ text: f.event.text, startMs: f.event.startMs, endMs: f.event.endMs, latencyMs: round(f.latencyMs, 0), atStop: f.atStop })),
        rtf: round(run.rtf, 3),
      });
    }
  } finally {
    stream.close();
  }
  const pooled = scores.length > 0 ? poolScores(scores) : null;
  const latency = summarise(latencies);
  return {
    engine: 'pocketsphinx',
    pacing: options.realtime ? 'realtime' : 'simulated',
    model: {
      key: stream.info.model.key,
      words: stream.info.model.words,
      oov: stream.info.model.oov.length,
      built: stream.info.model.built,
      buildMs: round(stream.info.model.ms),
      loadMs: round(stream.info.loadMs),
    },
    files: reports,
    summary: {
      wordAccuracy: pooled ? round(pooled.accuracy, 3) : null,
      finalLatencyMs: latency ? { median: round(latency.median, 0), p95: round(latency.p95, 0), n: latency.n } : null,
      rtf: round(audioMs > 0 ? cpuMs / audioMs : 0, 3),
      modelBuildMs: round(stream.info.model.ms),
      modelLoadMs: round(stream.info.loadMs),
    },
  };
}
