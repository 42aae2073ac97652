/**
 * The desk as the agent sees it (issue 26 §6): INVITE seen by the renderer (its 'lingxi:screenpop:invite'
 * mark, set in the task that sees the new call) → the ringing call painted (the "Incoming call" region in the
 * DOM, then the next animation frame), for the first call after start and for later ones, with when the CRM
 * request left; and main-thread long tasks (over 50 ms: PerformanceObserver 'longtask') during a 60 s answered
 * call with transcription (local speech service) and recording on, the customer speaking through festival.
 */
import type { Page } from 'playwright-core';
import { launchApp } from '../fixtures/app-host';
import { crmMapping } from '../fixtures/crm/customers';
import { CrmFixture } from '../fixtures/crm/server';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { watchLongFrames, watchLongTasks } from '../e2e/support/long-tasks';
import { profileReport, startCpuProfile } from './cpu-profile';
import { startMainThreadTrace, traceReport } from './main-thread-trace';
import { summarize, type Figure } from './stats';

const CTI = ['X-Customer-Id: C1001', 'X-Intent: lost card'];
const CALL_SECONDS = Number(process.env.LINGXI_UI_CALL_SECONDS ?? 60);
const SETTLE_MS = 5_000;

type UiProbeWindow = Window & { __lingxiRingPaintedAt?: number };

/** Watches for the next "Incoming call" region and notes the frame that shows it. */
async function armRingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    performance.clearMarks('lingxi:screenpop:invite');
    const w = window as UiProbeWindow;
    w.__lingxiRingPaintedAt = undefined;
    // No named functions in here: tsx would wrap them in a __name helper the page does not have.
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[aria-label="Incoming call"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__lingxiRingPaintedAt = performance.now();
      });
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
}

/** INVITE mark → painted (ms), and the mark as epoch ms (to place the CRM request's arrival against it). */
async function ringPaint(page: Page): Promise<{ paintMs: number; markEpochMs: number }> {
  const handle = await page.waitForFunction(
    () => {
      const at = (window as UiProbeWindow).__lingxiRingPaintedAt;
      const [mark] = performance.getEntriesByName('lingxi:screenpop:invite', 'mark');
      return at !== undefined && mark ? { paintMs: at - mark.startTime, markEpochMs: performance.timeOrigin + mark.startTime } : undefined;
    },
    undefined,
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue()) as { paintMs: number; markEpochMs: number };
}

export async function measureUi(context: { sip: Kamailio; peerUrl: string; samples: number; log: (m: string) => void }): Promise<Record<string, Figure | number>> {
  const { sip, peerUrl, log } = context;
  const crm = new CrmFixture();
  await crm.start();
  const customer = await Peer.launch({ user: '1002', wav: 'speech:lost-card', pageUrl: peerUrl, wsUrl: sip.wsUrl });
  const app = await launchApp(
    buildPolicy({
      crm: { profileUrl: crm.profileUrl, mapping: crmMapping, cacheTtlMinutes: 0 },
      cti: { trustedSources: ['sip:1002@127.0.0.1'] },
      transcription: { provider: 'local' },
      recording: { mode: 'always' },
    }),
  );
  try {
    const { page } = app;
    await page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    // The first call comes once the desk has settled after start (knowledge import, first policy poll), as
    // it does for an agent who signs in and goes Ready: what is left is what the first call itself does cold.
    await page.waitForTimeout(SETTLE_MS);
    const incoming = page.getByRole('region', { name: 'Incoming call' });
    const paints: number[] = [];
    const crmAfter: number[] = [];
    for (let i = 0; i <= context.samples; i++) {
      await armRingProbe(page);
      const stopFirst = i === 0 && process.env.LINGXI_UI_PROFILE ? await startCpuProfile(page) : undefined;
      const requests = crm.requests.length;
      const mark = await customer.mark();
      await customer.call('1001', { extraHeaders: CTI });
      const { paintMs, markEpochMs } = await ringPaint(page);
      paints.push(paintMs);
      if (stopFirst) log(`first call: ${profileReport(await stopFirst(), 1, 30)}`);
      await incoming.waitFor();
      const deadline = Date.now() + 5_000;
      while (crm.requests.length === requests && Date.now() < deadline) await page.waitForTimeout(10);
      const sent = crm.requests[requests];
      if (sent) crmAfter.push(sent.at - markEpochMs);
      log(`ui ringing #${i}: painted ${paintMs.toFixed(1)} ms after the INVITE, CRM request ${sent ? `${(sent.at - markEpochMs).toFixed(0)} ms after` : 'not seen'}`);
      await customer.hangup();
      await customer.waitForEvent('failed', { after: mark });
      await incoming.waitFor({ state: 'detached' });
    }

    // A 60 s call with transcription and recording: the main thread must never block for 50 ms.
    const longTasksSoFar = await watchLongTasks(page);
    const longFramesSoFar = await watchLongFrames(page);
    // LINGXI_UI_TRACE=1: a Chromium trace of the call, each long task with what ran in it (stderr).
    const stopTrace = process.env.LINGXI_UI_TRACE ? await startMainThreadTrace(page) : undefined;
    const mark = await customer.mark();
    await customer.call('1001', { extraHeaders: CTI });
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    const answeredAt = await page.evaluate(() => performance.now());
    await customer.waitForEvent('confirmed', { after: mark });
    // LINGXI_UI_PROFILE=1: where the call's main-thread time goes, per function (stderr).
    const stopProfile = process.env.LINGXI_UI_PROFILE ? await startCpuProfile(page) : undefined;
    await page.waitForTimeout(CALL_SECONDS * 1000);
    if (stopProfile) log(profileReport(await stopProfile(), CALL_SECONDS, 25));
    const transcriptLines = await page.getByRole('log', { name: 'Transcript' }).getByRole('listitem').count().catch(() => 0);
    const longTasks = await longTasksSoFar();
    for (const frame of await longFramesSoFar()) {
      const scripts = frame.scripts.map((s) => `${s.invoker} → ${s.source} ${s.duration.toFixed(0)} ms`).join('; ');
      log(`ui long frame ${(frame.startTime - answeredAt).toFixed(0)} ms after Answer: ${frame.duration.toFixed(0)} ms (blocking ${frame.blockingDuration.toFixed(0)}, render ${frame.renderMs.toFixed(0)}) ${scripts}`);
    }
    if (stopTrace) log(traceReport(await stopTrace()));
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await customer.waitForEvent('ended', { after: mark });
    log(`ui call: ${CALL_SECONDS} s, ${transcriptLines} transcript lines, long tasks ${JSON.stringify(longTasks.map(Math.round))}`);

    const [first = Number.NaN, ...later] = paints;
    const [firstCrm = Number.NaN, ...laterCrm] = crmAfter;
    return {
      'ui.ringing_paint_first_ms': Math.round(first * 10) / 10,
      'ui.ringing_paint_ms': summarize(later, "INVITE seen by the renderer → the ringing call's region painted (next animation frame), calls after the first"),
      'ui.crm_request_first_ms': Math.round(firstCrm),
      'ui.crm_request_ms': summarize(laterCrm, 'INVITE seen by the renderer → the CRM double received the lookup, calls after the first'),
      'ui.long_tasks_in_call': longTasks.length,
      'ui.longest_task_in_call_ms': Math.round(Math.max(0, ...longTasks)),
    };
  } finally {
    await app.close().catch(() => undefined);
    await customer.close().catch(() => undefined);
    await crm.stop();
  }
}
