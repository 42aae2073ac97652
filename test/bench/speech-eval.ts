/**
 * assist.wer_first_utterance and assist.wer_overall: word error rate (%, 1 − word accuracy) of the local
 * pocketsphinx engine on the held-out evaluation set (test/fixtures/speech/eval-set.ts: 12 bank calls, 61
 * utterances, 3 festival voices), each call a fresh stream as on a new call. median/p95 are over the
 * calls (one value per call and voice); `pooled` is the set's WER (errors over all reference words).
 * Runs with the assist group: no call is needed, only the engine (≈ 1 min with the WAVs cached).
 */
import { evaluateEvalSet, type UtteranceResult } from '../fixtures/speech/eval-run';
import { poolScores } from '@main/features/speech/word-accuracy';
import { summarize, type Figure } from './stats';

/** A WER figure: the per-call distribution plus the pooled value over the whole set. */
export type WerFigure = Figure & { pooled: number };

const werPercent = (results: readonly UtteranceResult[]): number => Math.round((1 - poolScores(results.map((r) => r.score)).accuracy) * 1000) / 10;

function werFigure(results: readonly UtteranceResult[], what: string): WerFigure {
  const calls = new Map<string, UtteranceResult[]>();
  for (const r of results) calls.set(`${r.voice}/${r.call}`, [...(calls.get(`${r.voice}/${r.call}`) ?? []), r]);
  return { ...summarize([...calls.values()].map(werPercent), what), pooled: werPercent(results) };
}

export async function measureSpeechEval({ log }: { log(message: string): void }): Promise<Record<string, WerFigure>> {
  log('assist: recognising the speech evaluation set (3 voices × 12 calls)');
  const report = await evaluateEvalSet();
  for (const [voice, v] of Object.entries(report.byVoice)) {
    log(`assist: ${voice} word accuracy ${v.overall.wordAccuracy} (first ${v.firstUtterance.wordAccuracy}, rest ${v.rest.wordAccuracy})`);
  }
  const set = 'held-out eval set (12 bank calls × 3 festival voices, slt/kal/kdl), each call a fresh pocketsphinx stream, simulated real-time pacing; median/p95 over calls, pooled = whole set';
  return {
    'assist.wer_first_utterance': werFigure(report.utterances.filter((r) => r.index === 0), `word error rate %, first utterance of each call (the request); ${set}`),
    'assist.wer_overall': werFigure(report.utterances, `word error rate %, all utterances; ${set}`),
  };
}
