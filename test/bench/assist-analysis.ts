/**
 * Cost of the assist pane's text analysis per transcript event (renderer/features/assist/analysis):
 * keyword rules, PCI guard and masking, checklist, pace and sentiment through AssistAnalyzer.feed, on a
 * scripted bilingual call replayed as partials (each utterance revealed in five steps) and finals.
 * Pure CPU, no browser: `npx tsx test/bench/assist-analysis.ts` prints one JSON object; run.ts may call
 * measureAssistAnalysis() to fold the figure into `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { assistPolicySchema } from '@common/contract/policy-assist';
import { AssistAnalyzer, type TranscriptEvent } from '@renderer/features/assist/analysis';
import { summarize, type Figure } from './stats';

const CALL: [TranscriptEvent['leg'], string][] = [
  ['agent', '您好，很高兴为您服务，请问有什么可以帮您？'],
  ['customer', '我的信用卡昨天在地铁站丢了，我很着急，你们赶紧帮我冻结一下'],
  ['agent', '好的，请您不要着急，我先核实一下您的身份'],
  ['customer', '卡号是六二二二 八四八八 一二三四 五六七八'],
  ['agent', '已经为您挂失成功，挂失时间是十点二十分，需要为您补办新卡吗？'],
  ['customer', 'Yes please, and I want to make a complaint, this is really not acceptable'],
  ['agent', "I'm sorry about this. I'll block your card now and you will receive a new card within 5 working days."],
  ['customer', 'There was a charge of 300 dollars yesterday that I did not make, my card number is four five three two'],
];

/** The bench's figure for the analysis. */
export interface AssistAnalysisFigures {
  'assist.analysis_us': Figure;
}

/** Replays the call `rounds` times and measures each feed() in microseconds. */
export function measureAssistAnalysis(rounds = 200): AssistAnalysisFigures {
  const policy = assistPolicySchema.parse({});
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const analyzer = new AssistAnalyzer(policy);
    analyzer.useChecklist([{ id: 'verify', label: 'verify', phrases: ['核实您的身份', 'verify your identity'] }]);
    let at = 0;
    for (const [leg, text] of CALL) {
      for (let step = 1; step <= 5; step++) {
        const event = { leg, text: text.slice(0, Math.ceil((text.length * step) / 5)), startMs: at, endMs: at + step * 600, final: step === 5 };
        const started = performance.now();
        analyzer.feed(event);
        // Skip the first round: it pays for regex compilation and JIT warm-up, once per app start.
        if (round > 0) samples.push((performance.now() - started) * 1000);
      }
      at += 3500;
    }
  }
  return {
    'assist.analysis_us': summarize(samples, 'µs per AssistAnalyzer.feed (partials and finals, zh + en, all analyses), warm, Node'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(measureAssistAnalysis(), null, 2)}\n`);
}
