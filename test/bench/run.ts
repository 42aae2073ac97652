/**
 * `npm run bench` (inside test/e2e/run.sh's loopback namespace): starts Kamailio, the browser host and a
 * customer peer with the same fixture modules as the e2e specs, then prints ONE JSON object on stdout.
 * Everything else goes to stderr. Options: --samples <n> (default 12, at least 10), --only <groups>
 * (comma-separated: call, screenpop, ui, flood, quality, transfer, recording, assist, knowledge, supervision, soak; default all),
 * --soak-calls <n> (the soak group's shift length, default 20; `npm run soak` runs 500).
 */
import { parseArgs } from 'node:util';
import { launchApp, type AppInstance } from '../fixtures/app-host';
import globalSetup from '../fixtures/global-setup';
import { Kamailio } from '../fixtures/kamailio/kamailio';
import { peerDir } from '../fixtures/peer/build';
import { Peer } from '../fixtures/peer/peer';
import { startStaticServer } from '../fixtures/peer/server';
import { buildPolicy } from '../fixtures/policy';
import { armAnswerProbe, answerToAudioMs } from './answer-probe';
import { measureQualityMos, type QualityMosFigure } from './quality';
import { measureScreenpop } from './screenpop';
import { measureUi } from './ui';
import { measureFlood } from './flood';
import { measureKnowledge } from './knowledge';
import { measureTransfer } from './transfer';
import { measureSupervisionCalls } from './supervision-calls';
import { measureRecording } from './recording';
import { measureTapRecovery } from './recording-recovery';
import { measureAssist } from './assist';
import { measureSpeechEval } from './speech-eval';
import { measureSupervisionBoard } from './supervision-board';
import { summarize, type Figure, type Value } from './stats';
import { measureSoak } from './soak';

const { values } = parseArgs({
  options: { samples: { type: 'string', default: '12' }, only: { type: 'string' }, 'soak-calls': { type: 'string', default: '20' } },
});
const samples = Math.max(10, Number(values.samples));
/** --only call,recording: run just these groups (call = register + answer). Default: all. */
const groups = ['call', 'screenpop', 'ui', 'flood', 'quality', 'transfer', 'recording', 'assist', 'knowledge', 'supervision', 'soak'] as const;
const only = new Set(values.only ? values.only.split(',') : groups);
for (const group of only) if (!(groups as readonly string[]).includes(group)) throw new Error(`--only: unknown group ${group} (groups: ${groups.join(', ')})`);
const runs = (group: (typeof groups)[number]): boolean => only.has(group);
/** Runs fn once; later calls get the same promise (cleanup may run after an early close). */
const once = (fn: () => Promise<void>): (() => Promise<void>) => {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
};
const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

/** ms from performance.mark('lingxi:registering') to 'lingxi:registered', each on a fresh page load. */
async function measureRegister(app: AppInstance): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await app.reload();
    const handle = await app.page.waitForFunction(
      () => {
        const [start] = performance.getEntriesByName('lingxi:registering', 'mark');
        const [end] = performance.getEntriesByName('lingxi:registered', 'mark');
        return start && end ? end.startTime - start.startTime : undefined;
      },
      undefined,
      { timeout: 15_000, polling: 20 },
    );
    out.push((await handle.jsonValue()) as number);
    log(`register #${i + 1}: ${out.at(-1)?.toFixed(1)} ms`);
  }
  return out;
}

/** ms from a real click on Answer to the first 440 Hz energy on the app's remote-audio element. */
async function measureAnswer(app: AppInstance, customer: Peer): Promise<number[]> {
  const { page } = app;
  const incoming = page.getByRole('region', { name: 'Incoming call' });
  const answer = page.getByRole('button', { name: 'Answer', exact: true });
  const hangUp = page.getByRole('button', { name: 'Hang up', exact: true });
  const status = page.getByRole('status', { name: 'Registration status' });
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await status.filter({ hasText: /^Registered$/ }).waitFor();
    const mark = await customer.mark();
    await customer.call('1001');
    await incoming.waitFor();
    await armAnswerProbe(page, answer);
    await answer.click();
    out.push(await answerToAudioMs(page));
    log(`answer→audio #${i + 1}: ${out.at(-1)?.toFixed(1)} ms`);
    await customer.hangup();
    await customer.waitForEvent('ended', { after: mark });
    await hangUp.waitFor({ state: 'detached' });
  }
  return out;
}

async function main(): Promise<Record<string, Figure | Value | number | QualityMosFigure>> {
  await globalSetup();
  const sip = new Kamailio();
  await sip.start();
  const peerServer = await startStaticServer(peerDir);
  const cleanup: (() => Promise<void>)[] = [() => sip.stop(), () => peerServer.close()];
  try {
    const figures: Record<string, Figure | Value | number | QualityMosFigure> = {};
    if (runs('call')) {
      const app = await launchApp(buildPolicy());
      const closeApp = once(() => app.close());
      cleanup.unshift(closeApp);
      const register = await measureRegister(app);
      const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerServer.url, wsUrl: sip.wsUrl });
      const closeCustomer = once(() => customer.close());
      cleanup.unshift(closeCustomer);
      const answer = await measureAnswer(app, customer);
      await closeCustomer();
      await closeApp();
      figures['call.register_ms'] = summarize(
        register,
        "renderer marks 'lingxi:registering' (UA start) → 'lingxi:registered', fresh page load per sample, Kamailio on loopback",
      );
      figures['call.answer_to_audio_ms'] = summarize(
        answer,
        'real click on Answer (capture-phase listener) → first 440 Hz energy on the remote-audio stream (AnalyserNode, 5 ms poll), loopback',
      );
    }
    if (runs('screenpop')) Object.assign(figures, await measureScreenpop({ sip, peerUrl: peerServer.url, samples, log }));
    if (runs('ui')) Object.assign(figures, await measureUi({ sip, peerUrl: peerServer.url, samples, log }));
    if (runs('flood')) Object.assign(figures, await measureFlood({ sip, peerUrl: peerServer.url, log }));
    if (runs('quality')) Object.assign(figures, await measureQualityMos({ sip, peerUrl: peerServer.url, log }));
    if (runs('transfer')) Object.assign(figures, await measureTransfer({ sip, peerUrl: peerServer.url, samples, log }));
    if (runs('recording')) {
      Object.assign(figures, await measureRecording({ sip, peerUrl: peerServer.url, log }));
      Object.assign(figures, await measureTapRecovery({ sip, peerUrl: peerServer.url, log }));
    }
    if (runs('assist')) {
      Object.assign(figures, await measureAssist({ sip, peerUrl: peerServer.url, log }));
      Object.assign(figures, await measureSpeechEval({ log }));
    }
    if (runs('supervision')) {
      Object.assign(figures, await measureSupervisionBoard({ samples: Math.max(samples, 20), log }));
      Object.assign(figures, await measureSupervisionCalls({ sip, peerUrl: peerServer.url, samples, log }));
    }
    if (runs('knowledge')) {
      log('knowledge: 10,000 generated articles × 20 similar questions: build in Node, import, restarts and searches in the app');
      Object.assign(figures, await measureKnowledge({ log }));
    }
    if (runs('soak')) Object.assign(figures, await measureSoak({ sip, peerUrl: peerServer.url, calls: Number(values['soak-calls']), log }));
    return figures;
  } finally {
    for (const step of cleanup) await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
