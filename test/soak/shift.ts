/**
 * A full shift (issue 25 §2): `calls` consecutive calls through Kamailio with recording (uploaded to the tus
 * store double, local copies deleted once acknowledged) and transcription (the local speech service) on.
 * After every call the renderer's live RTCPeerConnection / AudioContext / MediaStreamTrack / Worker objects
 * are counted (CDP queryObjects); the JS heap is read after a forced GC at the reference call and at the end.
 * Used by `npm run soak` (500 calls, through the bench runner), the bench's `soak` group and
 * test/e2e/soak.spec.ts (the short version).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { runRoot } from '../fixtures/paths';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { RecordingStoreFixture } from '../fixtures/recording-store/server';
import { killTapWorker } from '../e2e/support/audio-gap';
import { clearUp, kindOf, SHIFT_MIX, workCall, type CallKind, type CallMix, type CallParties } from './calls';
import { leaked, rendererProbe, WATCHED, type ObjectCounts, type RendererProbe } from './probe';

export interface ShiftOptions {
  sip: Kamailio;
  peerUrl: string;
  calls: number;
  /** Which calls end in a transfer or a conference; every 20th and 50th by default. */
  mix?: CallMix;
  log: (message: string) => void;
  /**
   * Before this call the recording tap worker is killed, as a crash would end it: the watchdog moves that call
   * off the dead tap and every later call is recorded through WebAudio, so one shift soaks both recorders.
   */
  killTapBefore?: number;
  /** Runs on the app's page after the end-of-shift count, before anything closes (a heap snapshot when hunting a leak). */
  afterCalls?: (page: CallParties['page']) => Promise<void>;
}

export interface ShiftReport {
  calls: number;
  failedCalls: number;
  failures: { call: number; kind: CallKind; error: string }[];
  durationS: number;
  /** Heap (MB, after a forced GC) at the reference call (50, or a fifth of a shorter run) and at the end. */
  heap: { referenceCall: number; atReferenceMb: number; atEndMb: number; growthMb: number };
  /** Live objects once registered, before the first call. */
  objectsIdle: ObjectCounts;
  /** Per class, the most alive right after any call (an ended call's session lingers for JsSIP's Timer M, 32 s). */
  objectsPeak: ObjectCounts;
  /** The most RTCPeerConnections not yet closed right after any call, wrap-up done (0: every ended call closed its own). */
  openPeerConnectionsPeak: number;
  /** Live objects at the end, the test's probes released and JsSIP's timers run out. */
  objectsAtEnd: ObjectCounts;
  /** The MediaStreamTracks alive at the end, "label (readyState)". */
  tracksAtEnd: string[];
  /** Per class, objects at the end above the idle count: what the shift leaked (0 = nothing). */
  leakedObjects: ObjectCounts;
  /** Per call, live objects right after it ended (class order as in `watched`). */
  objectsAfterEachCall: number[][];
  watched: readonly string[];
  /** navigator.storage.estimate() at the end, after every recording was acknowledged and deleted locally. */
  storage: { usageMb: number; indexedDbMb: number | null; recordings: number; uploaded: number };
  /** Calls whose recording tap the watchdog took off (the app's log line): later calls record through WebAudio. */
  tapFailovers: { call: number; message: string }[];
  /** Real click on Answer → customer's tone on the agent's player, incoming legs; halves show drift. */
  answerToAudioMs: { p50: number; p95: number; firstHalfP95: number; secondHalfP95: number; n: number };
}

/**
 * JsSIP keeps an ended call's session (and so its RTCPeerConnection and tracks) until its INVITE client
 * transactions end: RFC 6026 Timer M, 64 × T1 = 32 s after the last re-INVITE's 2xx. Objects younger than
 * that are not leaks; the end-of-shift count waits this long for them to go.
 */
const DRAIN_MS = 45_000;
const MAX_FAILURES_IN_A_ROW = 3;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

/**
 * Lets go of the test's own probes: the tone probe's AudioContext keeps every MediaStreamAudioSourceNode it made
 * (and so every call's remote track) as long as it runs, which would count as the app's (+1 track a call).
 */
async function releaseTestProbes(page: CallParties['page']): Promise<void> {
  await page.evaluate(async () => {
    const probes = window as unknown as { __lingxiProbeContext?: AudioContext; __lingxiAnswerProbe?: unknown };
    await probes.__lingxiProbeContext?.close();
    delete probes.__lingxiProbeContext;
    delete probes.__lingxiAnswerProbe;
  });
}

/** Lets go of the test's own probes, then waits until the app is back to `idle`. */
async function drainedCounts(page: CallParties['page'], probe: RendererProbe, idle: ObjectCounts): Promise<ObjectCounts> {
  await releaseTestProbes(page);
  const end = Date.now() + DRAIN_MS;
  let counts = await probe.objects();
  while (Object.keys(leaked(idle, counts)).length > 0 && Date.now() < end) {
    await page.waitForTimeout(2_000);
    counts = await probe.objects();
  }
  return counts;
}

async function storageFigures(page: CallParties['page']): Promise<ShiftReport['storage']> {
  const rows = page.getByRole('region', { name: 'Recordings' }).getByRole('listitem');
  const states = rows.getByRole('status', { name: 'Upload state' });
  // Retention: the browser host deletes each recording's audio once the store acknowledged it.
  const end = Date.now() + 90_000;
  while ((await states.allInnerTexts()).some((state) => state !== 'Uploaded') && Date.now() < end) await page.waitForTimeout(500);
  const texts = await states.allInnerTexts();
  const estimate = await page.evaluate(async () => {
    const { usage, usageDetails } = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return { usage: usage ?? 0, indexedDB: usageDetails?.indexedDB ?? null };
  });
  const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 100) / 100;
  return {
    usageMb: mb(estimate.usage),
    indexedDbMb: estimate.indexedDB === null ? null : mb(estimate.indexedDB),
    recordings: texts.length,
    uploaded: texts.filter((state) => state === 'Uploaded').length,
  };
}

export async function runShift({ sip, peerUrl, calls, mix = SHIFT_MIX, log, afterCalls, killTapBefore }: ShiftOptions): Promise<ShiftReport> {
  const started = Date.now();
  const store = new RecordingStoreFixture();
  await store.start();
  const closers: (() => Promise<unknown>)[] = [() => store.dispose()];
  try {
    const app = await launchApp(
      buildPolicy({
        recording: { mode: 'always', uploadUrl: store.uploadUrl, retentionDays: 0 },
        transcription: { provider: 'local' },
        agent: { wrapUp: { enabled: true, codeRequired: true, timeLimitSeconds: 0 } },
        sip: { dtmf: 'info' },
      }),
    );
    closers.unshift(() => app.close());
    const launch = (user: string, wav: 'tone440' | 'tone660', autoAnswer: boolean) =>
      Peer.launch({ user, wav, autoAnswer, pageUrl: peerUrl, wsUrl: sip.wsUrl });
    const customer = await launch('1002', 'tone440', false);
    closers.unshift(() => customer.close());
    const colleague = await launch('1003', 'tone660', true);
    closers.unshift(() => colleague.close());
    const parties: CallParties = { page: app.page, customer, colleague };
    await app.page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    const probe = await rendererProbe(app.page);
    closers.unshift(() => probe.detach());

    // A tap failover changes how every later call is recorded (WebAudio): the report says when it happened.
    const tapFailovers: ShiftReport['tapFailovers'] = [];
    let call = 0;
    app.page.on('console', (message) => {
      if (!/recording tap of call/.test(message.text())) return;
      tapFailovers.push({ call, message: message.text() });
      log(`call ${call}: ${message.text()}`);
    });

    // The agent's first click of the shift arms the ringer (its one AudioContext, kept for every ring).
    await app.page.mouse.click(1, 1);
    const referenceCall = Math.min(50, Math.max(1, Math.floor(calls / 5)));
    const objectsIdle = await probe.objects();
    const objectsPeak: ObjectCounts = { ...objectsIdle };
    let openPeerConnectionsPeak = 0;
    const perCall: number[][] = [];
    const failures: ShiftReport['failures'] = [];
    const answers: number[] = [];
    let atReferenceMb = Number.NaN;
    let inARow = 0;
    for (call = 1; call <= calls; call++) {
      const kind = kindOf(call, mix);
      const callStarted = Date.now();
      let steps = '';
      if (call === killTapBefore) {
        // A tap the watchdog already took off (a starved worker, under load) is gone: nothing left to kill.
        const killed = await killTapWorker(app.page).then(
          () => 'the recording tap worker was killed before it',
          (error: unknown) => `no recording tap worker to kill (${tapFailovers.length} failover(s) before): ${String(error)}`,
        );
        log(`call ${call}: ${killed}`);
      }
      try {
        const result = await workCall(call, parties, mix);
        steps = JSON.stringify(result.steps);
        if (result.answerToAudioMs !== undefined) answers.push(result.answerToAudioMs);
        inARow = 0;
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
        failures.push({ call, kind, error: message });
        const screen = await app.page.locator('body').ariaSnapshot().catch(() => '(no snapshot)');
        log(`call ${call} (${kind}) FAILED: ${message}\n${screen}`);
        await clearUp(parties);
        if (++inARow >= MAX_FAILURES_IN_A_ROW) throw new Error(`${inARow} calls in a row failed; last: ${message}`, { cause: error });
      }
      await releaseTestProbes(app.page);
      const counts = await probe.objects();
      perCall.push(WATCHED.map((name) => counts[name]));
      for (const name of WATCHED) objectsPeak[name] = Math.max(objectsPeak[name], counts[name]);
      openPeerConnectionsPeak = Math.max(openPeerConnectionsPeak, counts.openPeerConnections);
      if (call === referenceCall) atReferenceMb = await probe.heapMb();
      log(`call ${call}/${calls} ${kind}: ${Date.now() - callStarted} ms ${steps}, objects ${JSON.stringify(counts)}${call === referenceCall ? `, heap ${atReferenceMb.toFixed(2)} MB` : ''}`);
    }
    const objectsAtEnd = await drainedCounts(app.page, probe, objectsIdle);
    await afterCalls?.(app.page);
    const leakedObjects = Object.fromEntries(WATCHED.map((name) => [name, Math.max(0, objectsAtEnd[name] - objectsIdle[name])])) as ObjectCounts;
    const atEndMb = await probe.heapMb();
    const storage = await storageFigures(app.page);
    const half = Math.floor(answers.length / 2);
    const round = (mb: number): number => Math.round(mb * 100) / 100;
    const report: ShiftReport = {
      calls,
      failedCalls: failures.length,
      failures,
      durationS: Math.round((Date.now() - started) / 1000),
      heap: { referenceCall, atReferenceMb: round(atReferenceMb), atEndMb: round(atEndMb), growthMb: round(atEndMb - atReferenceMb) },
      objectsIdle,
      objectsPeak,
      openPeerConnectionsPeak,
      objectsAtEnd,
      tracksAtEnd: await probe.tracks(),
      leakedObjects,
      objectsAfterEachCall: perCall,
      watched: WATCHED,
      storage,
      tapFailovers,
      answerToAudioMs: {
        p50: percentile(answers, 50),
        p95: percentile(answers, 95),
        firstHalfP95: percentile(answers.slice(0, half), 95),
        secondHalfP95: percentile(answers.slice(half), 95),
        n: answers.length,
      },
    };
    writeFileSync(join(runRoot, `soak-${calls}.json`), `${JSON.stringify(report, null, 2)}\n`);
    return report;
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`soak cleanup: ${String(error)}`));
  }
}
