/**
 * The assist summary's evaluation (issue 22 §4, §5): scripted calls (test/fixtures/assist-calls/*.json)
 * go through the path a bank-ASR provider's transcripts take — partial and final transcript events of
 * both legs into an AssistSession, suggestions from the app's knowledge engine over the sample KB — and
 * the summary at hang-up is compared with the expected article and wrap-up code. Alerts standing at
 * hang-up are counted against the expected number (false alerts: more than expected).
 * Used by the unit test (test/unit/tools/assist-eval.test.ts) and tools/assist-intent-tune.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { assistPolicySchema, type AssistPolicy } from '@common/contract/policy-assist';
import { agentPolicySchema } from '@common/contract/policy-agent';
import type { KnowledgeEngine } from '@common/knowledge/engine';
import type { KnowledgeArticle } from '@common/knowledge/package-schema';
import { AssistSession, type AssistEvent } from '../renderer/features/assist/assist-session';
import type { IntentWeights, TranscriptEvent } from '../renderer/features/assist/analysis';
import { loadPackageEngine } from './kb-metrics';

const callSchema = z.strictObject({
  id: z.string(),
  set: z.enum(['tuning', 'held-out']),
  intent: z.string(),
  wrapUp: z.string(),
  alerts: z.number().int().min(0),
  turns: z.array(z.tuple([z.enum(['a', 'c']), z.string().min(1)])).min(2),
});
const fileSchema = z.strictObject({ about: z.string(), calls: z.array(callSchema) });

export type ScriptedCall = z.infer<typeof callSchema>;

/** Where the calls and the sample KB live, from the repository root. */
export const CALLS_DIR = 'test/fixtures/assist-calls';
export const SAMPLE_KB = 'assets/knowledge/sample-kb.json';

/** Every scripted call of every file in `dir`, file by file. */
export function loadCalls(dir: string): ScriptedCall[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => fileSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))).calls);
}

/** The knowledge base the app ships (its engine and articles, for checklists). */
export interface EvalKnowledge {
  engine: KnowledgeEngine;
  articles: Map<string, KnowledgeArticle>;
}

export function loadKnowledge(path: string): EvalKnowledge {
  const { engine, articles } = loadPackageEngine(path);
  return { engine, articles: new Map(articles.map((a) => [a.id, a])) };
}

const HAN = /\p{Script=Han}/u;

/**
 * The transcript events an ASR would send for the call: per turn, growing partials (every two words, or
 * three Chinese characters) and the final, about 330 ms a word or 220 ms a character, 600 ms between turns.
 */
export function callEvents(call: ScriptedCall): TranscriptEvent[] {
  const events: TranscriptEvent[] = [];
  let clock = 1000;
  for (const [who, text] of call.turns) {
    const leg = who === 'c' ? 'customer' : 'agent';
    const han = HAN.test(text);
    const units = han ? [...text] : text.split(/\s+/);
    const unitMs = han ? 220 : 330;
    const step = han ? 3 : 2;
    for (let n = step; n < units.length; n += step) {
      events.push({ leg, text: units.slice(0, n).join(han ? '' : ' '), startMs: clock, endMs: clock + n * unitMs, final: false });
    }
    const endMs = clock + units.length * unitMs;
    events.push({ leg, text, startMs: clock, endMs, final: true });
    clock = endMs + 600;
  }
  return events;
}

/** What the summary and the pane made of one call. */
export interface CallOutcome {
  id: string;
  set: ScriptedCall['set'];
  expected: { intent: string; wrapUp: string; alerts: number };
  intent: string | null;
  wrapUp: string | null;
  /** Customer alerts standing at hang-up (raised and not withdrawn). */
  alerts: number;
  /** Provisional alerts withdrawn by their final. */
  withdrawn: number;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one call through an AssistSession and summarises it. */
export async function runCall(
  call: ScriptedCall,
  kb: EvalKnowledge,
  options: { policy?: AssistPolicy; weights?: IntentWeights; events?: TranscriptEvent[] } = {},
): Promise<CallOutcome> {
  let now = 0;
  const standing = new Set<string>();
  let withdrawn = 0;
  const onEvent = (event: AssistEvent) => {
    if (event.type === 'keyword' && event.kind === 'alert') standing.add(event.alertId);
    if (event.type === 'keyword-withdrawn' && standing.delete(event.alertId)) withdrawn++;
  };
  const session = new AssistSession(call.id, {
    policy: options.policy ?? assistPolicySchema.parse({}),
    // As the assist service does: the worker's 10 hits, the first five to the board.
    search: (query) =>
      Promise.resolve(kb.engine.search(query, { limit: 10 }).slice(0, 5).map((hit) => ({ id: hit.id, title: hit.title, score: hit.score, answer: (hit.excerpt ?? hit.match).text }))),
    checklistOf: (id) => Promise.resolve(kb.articles.get(id)?.checklist ?? null),
    pauseRecording: () => undefined,
    resumeRecording: () => undefined,
    emit: onEvent,
    update: () => undefined,
    now: () => now,
    ...(options.weights ? { intentWeights: options.weights } : {}),
  });
  for (const event of options.events ?? callEvents(call)) {
    now = event.endMs;
    session.feed(event);
    // Let the search of a customer final land before the next event, as it does in a live call.
    if (event.final) for (let i = 0; i < 4; i++) await settle();
  }
  const { summary } = session.finish(agentPolicySchema.parse(undefined).wrapUp.codes, 'en', false);
  return {
    id: call.id,
    set: call.set,
    expected: { intent: call.intent, wrapUp: call.wrapUp, alerts: call.alerts },
    intent: summary.intent?.articleId ?? null,
    wrapUp: summary.wrapUp?.code ?? null,
    alerts: standing.size,
    withdrawn,
  };
}

/** The topic of an article id (`lost-card.zh-CN` → `lost-card`): the same answer in another script. */
export const topicOf = (id: string | null): string | null => id?.replace(/\.[^.]+$/, '') ?? null;

/** Accuracy figures over a set of outcomes. */
export interface EvalFigures {
  calls: number;
  /** The summary names the expected article exactly. */
  intent: number;
  /** … or its topic in the other Chinese script (zh-CN ↔ zh-TW). */
  intentTopic: number;
  wrapUp: number;
  /** Alerts standing beyond those expected, summed over the calls. */
  falseAlerts: number;
  missedAlerts: number;
}

export function figures(outcomes: readonly CallOutcome[]): EvalFigures {
  const share = (ok: (o: CallOutcome) => boolean) => (outcomes.length === 0 ? 0 : outcomes.filter(ok).length / outcomes.length);
  return {
    calls: outcomes.length,
    intent: share((o) => o.intent === o.expected.intent),
    intentTopic: share((o) => topicOf(o.intent) === topicOf(o.expected.intent)),
    wrapUp: share((o) => o.wrapUp === o.expected.wrapUp),
    falseAlerts: outcomes.reduce((sum, o) => sum + Math.max(0, o.alerts - o.expected.alerts), 0),
    missedAlerts: outcomes.reduce((sum, o) => sum + Math.max(0, o.expected.alerts - o.alerts), 0),
  };
}

/** Runs calls one after another (the engine is shared). */
export async function runCalls(calls: readonly ScriptedCall[], kb: EvalKnowledge, options: { weights?: IntentWeights } = {}): Promise<CallOutcome[]> {
  const out: CallOutcome[] = [];
  for (const call of calls) out.push(await runCall(call, kb, options));
  return out;
}
