/**
 * recording.cpu_overhead: renderer CPU time (utime+stime of the app's Chromium renderer processes,
 * from /proc) over the talk time of a recorded call, divided by the same for the same call unrecorded
 * (two apps, identical but for recording.mode, calls alternating between them).
 * recording.chunk_commit_p95_ms: per 500 ms slice, encrypt + hash + the IndexedDB transaction up to
 * its commit (the app's 'lingxi:recording:commit' measures, strict durability).
 */
import { launchApp, type AppInstance } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { profileReport, startCpuProfile } from './cpu-profile';
import { cpuSeconds, findPids, threadCpuSeconds } from './proc';
import { summarize, summarizePrecise, type Figure } from './stats';

export interface RecordingBenchOptions {
  sip: Kamailio;
  peerUrl: string;
  log(message: string): void;
  /** Calls per app (default 5). */
  calls?: number;
  /** Talk time measured per call (default 8 s). */
  talkMs?: number;
  /**
   * Diagnostics (env LINGXI_BENCH_PROFILE=1): a third app whose calls are tapped but not recorded is
   * measured alongside, and after the measured calls one more call per app runs under Chromium's CPU
   * profiler (main thread and workers), its self times logged; the profiler's cost stays out of the figures.
   */
  profile?: boolean;
}

function rendererPids(profileDir: string): number[] {
  return findPids((line) => line.includes(' --type=renderer ') && line.includes(` --user-data-dir=${profileDir} `));
}

/** CPU seconds so far of every renderer process of the Chromium running on `profileDir`. */
function rendererCpuSeconds(profileDir: string): number {
  return cpuSeconds(rendererPids(profileDir));
}

/** Per renderer thread name, CPU seconds spent during the talk time of the calls (diagnostics). */
type ThreadTimes = Map<string, number>;

function addThreadDelta(into: ThreadTimes, before: ThreadTimes, after: ThreadTimes): void {
  for (const [name, seconds] of after) into.set(name, (into.get(name) ?? 0) + seconds - (before.get(name) ?? 0));
}

/** The threads where recording costs the most more than not recording, for the log. */
function threadReport(on: ThreadTimes, off: ThreadTimes): string {
  const names = new Set([...on.keys(), ...off.keys()]);
  return [...names]
    .map((name) => ({ name, extra: (on.get(name) ?? 0) - (off.get(name) ?? 0), on: on.get(name) ?? 0 }))
    .sort((a, b) => Math.abs(b.extra) - Math.abs(a.extra))
    .slice(0, 8)
    .map((t) => `${t.name} ${t.extra >= 0 ? '+' : ''}${t.extra.toFixed(2)} s (${t.on.toFixed(2)} s recorded)`)
    .join('; ');
}

/** One answered call of `talkMs`; returns renderer CPU seconds per talk second. */
async function callOnce(
  app: AppInstance,
  agentUser: string,
  customer: Peer,
  talkMs: number,
  threads: ThreadTimes,
  profiled?: (report: string) => void,
): Promise<number> {
  const { page } = app;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
  const mark = await customer.mark();
  await customer.call(agentUser);
  await page.getByRole('region', { name: 'Incoming call' }).waitFor();
  await button('Answer').click();
  await customer.waitForEvent('confirmed', { after: mark });
  // Measure steady talk time only: call set-up and tear-down cost the same with or without recording.
  await page.waitForTimeout(1000);
  const profile = app.profileDir ?? '';
  const threadsBefore = threadCpuSeconds(rendererPids(profile));
  const before = rendererCpuSeconds(profile);
  const started = Date.now();
  const stopProfile = profiled ? await startCpuProfile(page) : null;
  await page.waitForTimeout(talkMs);
  if (stopProfile) profiled?.(profileReport(await stopProfile(), (Date.now() - started) / 1000));
  const cpu = rendererCpuSeconds(profile) - before;
  addThreadDelta(threads, threadsBefore, threadCpuSeconds(rendererPids(profile)));
  const elapsed = (Date.now() - started) / 1000;
  await button('Hang up').click();
  await customer.waitForEvent('ended', { after: mark });
  await button('Hang up').waitFor({ state: 'detached' });
  return cpu / elapsed;
}

/**
 * Whether the app's tap watchdog moved a call onto the stand-in worker (it then taps no later call, so
 * later calls are recorded through WebAudio: a different recorder from the one the figure is about).
 * Seen on a machine at load 20 on 2 cores: a starved worker looks like a dead one.
 */
function tapFailedOver(app: AppInstance): boolean {
  return app.page.workers().some((worker) => /passthrough\.worker/.test(worker.url()));
}

/** Waits until the newest recording is closed, then returns its slices' commit times (ms). */
async function commitTimes(app: AppInstance): Promise<number[]> {
  const region = app.page.getByRole('region', { name: 'Recordings' });
  const row = region.getByRole('listitem').first();
  await row
    .getByRole('status', { name: 'Upload state' })
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 })
    .catch(async (error: unknown) => {
      throw new Error(`recording not saved; Recordings shows: ${await region.innerText()}`, { cause: error });
    });
  return app.page.evaluate(() => performance.getEntriesByName('lingxi:recording:commit').map((entry) => entry.duration));
}

export async function measureRecording({
  sip,
  peerUrl,
  log,
  calls = 5,
  talkMs = 8000,
  profile = process.env.LINGXI_BENCH_PROFILE === '1',
}: RecordingBenchOptions): Promise<Record<string, Figure>> {
  const closers: (() => Promise<void>)[] = [];
  try {
    // Two agents, identical but for recording.mode: the same customer calls them in turn.
    const plain = await launchApp(buildPolicy({ recording: { mode: 'off' } }));
    closers.push(() => plain.close());
    const recorded = await launchApp(
      buildPolicy({ recording: { mode: 'always' }, sip: { uri: 'sip:1005@127.0.0.1', password: 'pass1005', displayName: 'Agent 1005' } }),
    );
    closers.push(() => recorded.close());
    // Diagnostics (profile): a third agent whose calls pass through the tap but are not recorded
    // (on-demand, never started), to split the tap's cost from the recording's.
    const tapOnly = profile
      ? await launchApp(
          buildPolicy({ recording: { mode: 'on-demand' }, sip: { uri: 'sip:1006@127.0.0.1', password: 'pass1006', displayName: 'Agent 1006' } }),
        )
      : null;
    if (tapOnly) closers.push(() => tapOnly.close());
    const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerUrl, wsUrl: sip.wsUrl });
    closers.unshift(() => customer.close());
    const off: number[] = [];
    const on: number[] = [];
    const tapped: number[] = [];
    const commits: number[] = [];
    const threadsOff: ThreadTimes = new Map();
    const threadsOn: ThreadTimes = new Map();
    const threadsTapped: ThreadTimes = new Map();
    const subjects = [
      { app: plain, user: '1001', out: off, name: 'unrecorded', threads: threadsOff },
      { app: recorded, user: '1005', out: on, name: 'recorded', threads: threadsOn },
      ...(tapOnly ? [{ app: tapOnly, user: '1006', out: tapped, name: 'tapped, not recorded', threads: threadsTapped }] : []),
    ];
    for (let i = 0; i < calls; i++) {
      for (const { app, user, out, name, threads } of subjects) {
        out.push(await callOnce(app, user, customer, talkMs, threads));
        const via = tapFailedOver(app) ? ' (the tap has failed over: recorded through WebAudio since)' : '';
        log(`recording ${name} #${i + 1}: ${(out.at(-1) ?? 0).toFixed(3)} CPU s per talk s${via}`);
      }
    }
    log(`recording: renderer threads, recorded − unrecorded over all calls: ${threadReport(threadsOn, threadsOff)}`);
    if (tapOnly) {
      const ratios = tapped.map((value, i) => (value / (off[i] ?? Number.NaN)).toFixed(3));
      log(`recording: tapped, not recorded ÷ unrecorded per call: ${ratios.join(', ')}`);
      log(`recording: renderer threads, tapped − unrecorded: ${threadReport(threadsTapped, threadsOff)}`);
      log(`recording: renderer threads, recorded − tapped: ${threadReport(threadsOn, threadsTapped)}`);
      for (const { app, user, name } of subjects) {
        await callOnce(app, user, customer, talkMs, new Map(), (report) => log(`recording: JS self time per talk second (ms), ${name}:\n${report}`));
      }
    }
    commits.push(...(await commitTimes(recorded)));
    log(`recording: slowest commits ${[...commits].sort((a, b) => b - a).slice(0, 8).map((ms) => ms.toFixed(0)).join(', ')} ms of ${commits.length}`);
    const ratios = on.map((value, i) => value / (off[i] ?? Number.NaN));
    return {
      'recording.cpu_overhead': summarizePrecise(
        ratios,
        `renderer CPU time (utime+stime of the app's renderer processes, /proc) per second of steady talk time, recorded ÷ unrecorded, ${talkMs / 1000} s talk per call, calls alternating between two otherwise identical apps`,
      ),
      'recording.cpu_s_per_s_unrecorded': summarizePrecise(off, 'renderer CPU seconds per talk second, recording off'),
      'recording.chunk_commit_p95_ms': summarize(
        commits,
        "per 500 ms stereo Opus slice: AES-GCM encrypt + HMAC-SHA-256 chain + IndexedDB transaction (strict durability) until commit; app measures 'lingxi:recording:commit'",
      ),
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}
