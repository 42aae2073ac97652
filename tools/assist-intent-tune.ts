/**
 * `npx tsx tools/assist-intent-tune.ts [--misses]`: tunes the summary's intent weights (INTENT_WEIGHTS in
 * renderer/features/assist/analysis/summary.ts) on the TUNING calls of test/fixtures/assist-calls only —
 * the held-out calls are never run here. A grid over the weight of a plain statement and of an utterance
 * that raises an alert (sharpness 0.5–4 changed nothing on these calls: kept at 1); prints one JSON line
 * per candidate (intent accuracy, wrap-up accuracy) and the best last. `--misses` lists the tuning calls the current defaults get wrong.
 */
import { parseArgs } from 'node:util';
import { INTENT_WEIGHTS, type IntentWeights } from '../renderer/features/assist/analysis';
import { CALLS_DIR, figures, loadCalls, loadKnowledge, runCalls, SAMPLE_KB } from './assist-eval';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } }, strict: true });
  const tuning = loadCalls(CALLS_DIR).filter((call) => call.set === 'tuning');
  const kb = loadKnowledge(SAMPLE_KB);
  if (values.misses) {
    for (const o of await runCalls(tuning, kb)) {
      if (o.intent !== o.expected.intent || o.wrapUp !== o.expected.wrapUp || o.alerts !== o.expected.alerts) console.log(JSON.stringify(o));
    }
    return;
  }
  let best: { weights: IntentWeights; score: number } | null = null;
  for (const statement of [0, 0.1, 0.25, 0.5, 1]) {
    for (const escalation of [0.1, 0.25, 0.5, 1]) {
      const weights: IntentWeights = { ...INTENT_WEIGHTS, role: { ...INTENT_WEIGHTS.role, statement }, escalation };
      const f = figures(await runCalls(tuning, kb, { weights }));
      console.log(JSON.stringify({ statement, escalation, intent: f.intent, intentTopic: f.intentTopic, wrapUp: f.wrapUp }));
      // Exact article first, topic as the tie-break; on a tie the earlier (simpler) candidate stays.
      const score = f.intent + f.intentTopic / 100;
      if (!best || score > best.score) best = { weights, score };
    }
  }
  console.log(JSON.stringify({ best: best?.weights, calls: tuning.length }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
