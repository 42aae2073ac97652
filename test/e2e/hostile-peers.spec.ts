/**
 * Hostile peers (issue 25 §3): from the hostile SIP server (test/fixtures/hostile-sip; Kamailio would refuse
 * some of these itself), a 1 MB INVITE, an INVITE with 5,000 header fields, an offer with 500 codecs, an offer
 * with 3,000 ICE candidates, and a re-INVITE loop on an answered call. Each gets its answer at once (no hang),
 * the page never hangs (no task over 500 ms; figures per step), nothing crashes, the app stays registered, the heap comes back,
 * and a normal call rings afterwards.
 */
import { expect, test, type Page } from '@playwright/test';
import { header } from '../../demo/sip/message';
import { launchApp } from '../fixtures/app-host';
import { HostileCall, offer } from '../fixtures/hostile-sip/dialog';
import { HostileSipServer } from '../fixtures/hostile-sip/server';
import { buildPolicy } from '../fixtures/policy';
import { rendererProbe } from '../soak/probe';
import { appUi } from './support/ui';

type LongTaskWindow = Window & { __lingxiLongTasks?: number[] };
/** How long the re-INVITE loop runs (LINGXI_REINVITE_LOOP_S=15 for the README's longer figure). */
const LOOP_SECONDS = Number(process.env.LINGXI_REINVITE_LOOP_S ?? 5);
/** A task this long is a hang the agent would notice (a frozen window), not a slow frame. */
const HANG_MS = 500;

/** Watches the page's long tasks; the function returned hands over those since its last call. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as LongTaskWindow).__lingxiLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as LongTaskWindow).__lingxiLongTasks?.splice(0) ?? []);
}

test('1 MB body, 5,000 headers, 500 codecs, 3,000 ICE candidates, a re-INVITE loop: answered at once, no crash or hang, heap back, still usable', async () => {
  test.setTimeout(90_000 + LOOP_SECONDS * 1000);
  const server = new HostileSipServer();
  await server.start();
  // Recording off: the hostile calls never get media through (no peer answers ICE), and a call like that trips
  // the recording tap's stall watchdog into a failover that throws InvalidStateError in the page (recording's bug,
  // reported; test/e2e/recording-*.spec.ts own it). The SIP side is what this spec is about.
  const app = await launchApp(buildPolicy({ sip: { servers: [server.wsUrl] }, recording: { mode: 'off' } }));
  const figures: Record<string, unknown> = {};
  try {
    const { page } = app;
    const ui = appUi(page);
    // The first start imports the knowledge package (a long task of its own): measure once it is done.
    const settled = page.waitForEvent('console', { predicate: (m) => /knowledge package .* imported/.test(m.text()), timeout: 30_000 }).catch(() => undefined);
    const pageErrors: string[] = [];
    const guardLines: string[] = [];
    let step = 'start';
    page.on('pageerror', (error) => pageErrors.push(`${step}: ${error.name} ${error.message} ${error.stack ?? ''}`));
    page.on('crash', () => pageErrors.push('the page crashed'));
    page.on('console', (message) => /sip guard/.test(message.text()) && guardLines.push(message.text()));
    await expect(ui.status).toHaveText('Registered');
    await settled;
    const probe = await rendererProbe(page);
    const longTasks = await watchLongTasks(page);
    const tasksByStep: Record<string, number[]> = {};
    figures.longTasksMs = tasksByStep;
    const heapByStep: Record<string, number> = {};
    figures.heapAfterStepMb = heapByStep;
    const measured = async (name: string, body: () => Promise<void>) => {
      step = name;
      await test.step(name, body);
      tasksByStep[name] = await longTasks();
      heapByStep[name] = Number((await probe.heapMb()).toFixed(1));
      await longTasks(); // the forced GC is the probe's, not the step's
    };
    /** Sends one INVITE from a new hostile caller; its final answer and how long it took. */
    const attempt = async (body: string, headers: { name: string; value: string }[] = []) => {
      const call = new HostileCall(server);
      const mark = server.received.length;
      const sent = Date.now();
      call.invite(body, headers);
      const final = await call.final(mark, 5000);
      return { call, final, ms: Date.now() - sent };
    };

    /** A hostile caller rings with `body`, the agent answers, the app's 200 is ACKed. */
    const answered = async (body: string, from?: string) => {
      const call = new HostileCall(server, from);
      const mark = server.received.length;
      call.invite(body);
      await expect(ui.incoming).toBeVisible();
      await ui.button('Answer').click();
      expect((await call.final(mark, 10_000))?.status).toBe(200);
      await expect(ui.currentCall).toContainText('Connected');
      return call;
    };
    const hangUp = async () => {
      const mark = server.received.length;
      await ui.button('Hang up').click();
      expect(await server.waitFor((f) => f.message?.kind === 'request' && f.message.method === 'BYE', mark, 5000)).toBeDefined();
      await expect(ui.currentCall).toHaveCount(0);
    };

    await measured('a normal call (baseline): rings, answered, hung up', async () => {
      await answered(offer(), 'sip:1002@127.0.0.1');
      await hangUp();
    });
    // After the first call: what a first call sets up once (lazy chunks, audio) is no growth.
    const heapBefore = await probe.heapMb();
    // What the first call leaves running (history, after-call work) settles first: a second without a long task.
    await expect.poll(async () => (await longTasks()).length, { timeout: 20_000, intervals: [1_000] }).toBe(0);

    await measured('a 1 MB INVITE gets 513 Message Too Large', async () => {
      const { final, ms } = await attempt(offer({ extra: [`a=x-hostile:${'x'.repeat(1024 * 1024)}`] }));
      expect(final && `${final.status} ${final.reason}`).toBe('513 Message Too Large');
      figures.oneMb = { status: final?.status, ms };
    });

    await measured('an INVITE with 5,000 header fields gets 400', async () => {
      const flood = Array.from({ length: 5000 }, (_, i) => ({ name: `X-Hostile-${i}`, value: String(i) }));
      const { final, ms } = await attempt(offer(), flood);
      expect(final && `${final.status} ${final.reason}`).toBe('400 Bad Request (more than 256 header fields)');
      figures.headerFlood = { status: final?.status, ms };
    });

    await measured('an offer with 500 codecs gets 488 before it rings', async () => {
      const { final, ms } = await attempt(offer({ formats: Array.from({ length: 500 }, (_, i) => i) }));
      expect(final?.status).toBe(488);
      expect(final && header(final, 'Warning')).toContain('500 formats');
      figures.codecs500 = { status: final?.status, ms };
    });
    await expect(ui.incoming).toHaveCount(0);

    await measured('an offer with 3,000 ICE candidates rings and connects on the first 32', async () => {
      await answered(offer({ candidates: 3000 }));
      expect(guardLines.some((line) => line.includes('2968 ICE candidates beyond 32 per media section dropped'))).toBe(true);
      await hangUp();
    });

    const looped = await answered(offer());
    await longTasks(); // answering is no part of the loop
    await measured(`a re-INVITE loop for ${LOOP_SECONDS} s on an answered call: 10 processed, the rest 491, the call stays up`, async () => {
      const statuses: Record<number, number> = {};
      const end = Date.now() + LOOP_SECONDS * 1000;
      for (let version = 2; Date.now() < end; version++) {
        const mark = server.received.length;
        looped.reinvite(offer({ version, direction: version % 2 ? 'sendrecv' : 'sendonly' }));
        const final = await looped.final(mark, 5000);
        if (!final) throw new Error(`re-INVITE ${version - 1} got no final answer within 5 s (the app hung)`);
        statuses[final.status] = (statuses[final.status] ?? 0) + 1;
      }
      figures.reinviteLoop = statuses;
      // 10 per started 10-s window (reoffer-limit.ts).
      expect(statuses[200]).toBe(10 * Math.ceil(LOOP_SECONDS / 10));
      expect(statuses[491]).toBeGreaterThan(100);
      expect(Object.keys(statuses).sort()).toEqual(['200', '491']);
      await expect(ui.currentCall).toContainText('Connected');
      expect(guardLines.filter((line) => line.includes('answering 491'))).toHaveLength(1);
    });
    const mark = server.received.length;
    looped.bye();
    expect((await looped.final(mark))?.status).toBe(200);
    await expect(ui.currentCall).toHaveCount(0);

    await test.step(`still registered, nothing crashed, no task over ${HANG_MS} ms, the heap came back, and a normal call rings`, async () => {
      expect(pageErrors).toEqual([]);
      // No hang: no task anywhere near a frozen window. (The flood spec holds INVITEs to 100 ms; here the loop's
      // 10 processed re-INVITEs toggle hold, and each toggle's own app work on a busy 2-core machine has reached
      // 100–311 ms, as a first call's set-up does: see the baseline step's figures.)
      const hostile = Object.entries(tasksByStep).filter(([name]) => !name.includes('baseline'));
      expect(hostile.flatMap(([, tasks]) => tasks).filter((ms) => ms > HANG_MS), `tasks over ${HANG_MS} ms`).toEqual([]);
      // What the loop leaves (JsSIP transactions and request objects of the refused re-INVITEs) is let go within
      // about 35 s (a 15-s loop's peak of +9 MB came back to +1.2 MB); two answered calls add their own small share.
      const since = Date.now();
      let heapAfter = Infinity;
      await expect.poll(async () => (heapAfter = await probe.heapMb()), { timeout: 50_000, intervals: [2_500] }).toBeLessThan(heapBefore + 3);
      figures.heapMb = { before: Number(heapBefore.toFixed(1)), after: Number(heapAfter.toFixed(1)), backWithinS: Math.round((Date.now() - since) / 1000) };
      await probe.detach();
      await expect(ui.status).toHaveText('Registered');
      const call = new HostileCall(server, 'sip:1002@127.0.0.1');
      const mark = server.received.length;
      call.invite(offer());
      await expect(ui.incoming).toContainText('1002');
      await ui.button('Decline').click();
      expect((await call.final(mark))?.status).toBe(603);
    });
  } finally {
    console.log('hostile peers figures', JSON.stringify(figures));
    await app.close();
    await server.stop();
  }
});
