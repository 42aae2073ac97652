/**
 * assist.final_latency_ms: end of speech → final text in the Transcript log, for a real call through Kamailio
 * whose two parties' fake microphones play festival speech in a loop (customer: "i lost my credit card at the
 * train station", agent: "can you tell me my account balance please"), transcribed by the browser host's
 * local speech service (pocketsphinx). End of speech = the end of the leg's last audible (> −40 dBFS) 20 ms
 * frame the app's tap posted; shown = a MutationObserver in the page sees the line turn final.
 * assist.rtf: CPU time of the speech service process (/proc, both legs' decoders) over the audio time it was
 * given (2 legs × wall time), sampled between finals once the first final was shown (model loading excluded).
 */
import { launchApp } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { finalLatencies, watchTranscript } from '../e2e/support/transcript-probe';
import { cpuSeconds, findPids } from './proc';
import { summarize, summarizePrecise, type Figure } from './stats';

export interface AssistBenchOptions {
  sip: Kamailio;
  peerUrl: string;
  log(message: string): void;
  /** Finals to time (both legs together; default 12). */
  finals?: number;
}

/** The browser host's speech service for the host on `port` (found by its --origin argument). */
function speechServicePid(port: string): number {
  const [pid] = findPids((line) => line.includes('service-entry.ts ') && line.includes(` http://127.0.0.1:${port} `));
  if (pid === undefined) throw new Error(`no speech service process for the browser host on port ${port}`);
  return pid;
}

export async function measureAssist({ sip, peerUrl, log, finals = 12 }: AssistBenchOptions): Promise<Record<string, Figure>> {
  await ensureSpeechFixtures();
  const app = await launchApp(buildPolicy({ transcription: { provider: 'local' } }), { wav: 'speech:balance' });
  const closers: (() => Promise<void>)[] = [() => app.close()];
  try {
    const customer = await Peer.launch({ user: '1002', wav: 'speech:lost-card', pageUrl: peerUrl, wsUrl: sip.wsUrl });
    closers.unshift(() => customer.close());
    const { page } = app;
    await page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    await watchTranscript(page);
    await customer.call('1001');
    await page.getByRole('region', { name: 'Incoming call' }).waitFor();
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await customer.waitForEvent('confirmed');
    const finalsShown = (count: number) =>
      page.waitForFunction((n) => (window.__transcriptProbe ?? []).filter((l) => l.final).length >= n, count, { timeout: 60_000, polling: 50 });
    await finalsShown(1);
    const pid = speechServicePid(new URL(page.url()).port);
    const rtf: number[] = [];
    let cpu = cpuSeconds([pid]);
    let at = Date.now();
    for (let shown = 1; shown < finals + 1; ) {
      shown = Math.min(shown + 3, finals + 1);
      await finalsShown(shown);
      const nextCpu = cpuSeconds([pid]);
      const now = Date.now();
      rtf.push((nextCpu - cpu) / (((now - at) / 1000) * 2));
      cpu = nextCpu;
      at = now;
      log(`assist: ${shown} finals shown, rtf ${rtf.at(-1)?.toFixed(3)}`);
    }
    const latencies = await finalLatencies(page);
    for (const l of latencies) log(`assist: ${l.leg} final ${Math.round(l.domMs)} ms after end of speech (${Math.round(l.pageMs)} ms to the page)`);
    const suggestions = await page.evaluate(() => performance.getEntriesByName('lingxi:assist:suggestion').map((m) => m.duration));
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    return {
      'assist.suggestion_ms': summarize(
        suggestions,
        "customer final text in the page → its knowledge suggestions painted (search in the worker, stable ordering, next animation frame); app measure 'lingxi:assist:suggestion'",
      ),
      'assist.final_latency_ms': summarize(
        latencies.map((l) => l.domMs),
        'end of speech (end of the last > −40 dBFS 20 ms frame the tap posted) → final text in the Transcript log; festival speech looped on both legs through Kamailio, local pocketsphinx service (endSilenceMs 400)',
      ),
      'assist.rtf': summarizePrecise(rtf, 'speech service CPU seconds (/proc utime+stime, both legs) ÷ audio seconds streamed (2 legs × wall time), per interval of 3 finals, after the first final'),
    };
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`assist cleanup: ${String(error)}`));
  }
}
