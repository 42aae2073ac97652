/**
 * assist.wer_first_utterance and assist.wer_overall: word error rate (%, 1 − word accuracy) of the local
 * pocketsphinx engine on the held-out evaluation set (test/fixtures/speech/eval-set.ts: 12 bank calls, 61
 * utterances, 3 festival voices), each call a new stream of one engine as on a desk. median/p95 are over the
 * calls (one value per call and voice); `pooled` is the set's WER (errors over all reference words).
 * assist.alert_latency_ms and assist.false_alerts (issue 22 §5) come from the same run: the recogniser's
 * partials and finals through the pane's keyword watcher with the default policy's alert rules.
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

export async function measureSpeechEval({ log }: { log(message: string): void }): Promise<Record<string, WerFigure | Figure | number>> {
  log('assist: recognising the speech evaluation set (3 voices × 12 calls)');
  const report = await evaluateEvalSet();
  for (const [voice, v] of Object.entries(report.byVoice)) {
    log(`assist: ${voice} word accuracy ${v.overall.wordAccuracy} (first ${v.firstUtterance.wordAccuracy}, rest ${v.rest.wordAccuracy})`);
  }
  const set = 'held-out eval set (12 bank calls × 3 festival voices, slt/kal/kdl), each call a new stream of one pocketsphinx engine, simulated real-time pacing; median/p95 over calls, pooled = whole set';
  const { alerts } = report;
  log(`assist: alerts ${alerts.standingTrue} true, ${alerts.standingFalse} false standing, ${alerts.withdrawnFalse} false withdrawn, ${alerts.missed} missed`);
  return {
    'assist.alert_latency_ms': summarize(alerts.latenciesMs, 'end of the alert phrase (recogniser word time) → the partial or final that raised the alert, held-out eval set, default policy alert rules'),
    'assist.false_alerts': alerts.standingFalse,
    'assist.wer_first_utterance': werFigure(report.utterances.filter((r) => r.index === 0), `word error rate %, first utterance of each call (the request); ${set}`),
    'assist.wer_overall': werFigure(report.utterances, `word error rate %, all utterances; ${set}`),
  };
}
