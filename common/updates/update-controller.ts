/**
 * The decision logic of updates IT controls, pure: an autoUpdater-like object, the kill switch reader and the
 * clock are injected (Electron: main/features/updates/updates-wiring.ts with electron-updater; the browser host: the kill switch only).
 *
 * - Every `checkMinutes` (and at start): the kill switch file first, then the channel's update metadata.
 * - A newer version the kill switch allows downloads in the background; electron-updater applies the staged
 *   rollout (stagingPercentage) by this machine's staging id. A running version that is blocked or too old skips
 *   the rollout and may go back to an older allowed version.
 * - A downloaded update installs when the app quits, or in the install window, or (blocked version) at once,
 *   but never while the desk is busy (a call, wrap-up, a recording being written; one waiting for upload is safe) and never before
 *   the renderer has said it is idle.
 * - A failed check (server down, corrupt metadata or kill switch file) is reported and retried at the next
 *   check; the last kill switch verdict stands meanwhile, and nothing is installed from a failed check.
 */
import type { UpdatesPolicy } from '../contract/policy-updates';
import { judgeVersion, type ControlFile, type ControlFileRead } from './control-file';
import { isDeskBusy, type DeskBusy, type KillSwitchVerdict, type UpdateStatus } from './update-status';
import { isInInstallWindow } from './install-window';

/** What the controller uses of electron-updater's AppUpdater (it is one). */
export interface UpdaterPort {
  channel: string | null;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  isUserWithinRollout: (info: never) => boolean | Promise<boolean>;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateClock {
  now(): Date;
  /** Runs fn every ms; returns the function that stops it. */
  every(ms: number, fn: () => void): () => void;
}

export interface UpdateLog {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
}

export interface UpdateControllerDeps {
  policy: UpdatesPolicy;
  /** The running version. */
  version: string;
  /** Present only where Lingxi installs updates itself (install-kind.ts). */
  updater?: UpdaterPort;
  readControl(): Promise<ControlFileRead>;
  clock: UpdateClock;
  onStatus(status: UpdateStatus): void;
  log: UpdateLog;
}

export interface UpdateController {
  /** Checks at once and then every checkMinutes (nothing at all when updates.enabled is false). */
  start(): Promise<void>;
  /** One check: the kill switch, then the update metadata; resolves when both are done. */
  check(): Promise<void>;
  /** What the desk is doing (the renderer's report); an idle desk may let a waiting update install. */
  setDesk(desk: DeskBusy): void;
  status(): UpdateStatus;
  stop(): void;
}

const INSTALL_POLL_MS = 60_000;
/** electron-updater's own staged-rollout test per updater, kept before any controller replaced it. */
const ownRollout = new WeakMap<UpdaterPort, UpdaterPort['isUserWithinRollout']>();
// electron-updater's messages go on with the request, response headers and a stack: the first line says what happened.
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Creates the controller; start() begins checking. */
export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { policy, updater, log } = deps;
  let control: ControlFile | null = null;
  let verdict: KillSwitchVerdict = { kind: 'allowed' };
  let desk: DeskBusy | undefined;
  let downloaded: string | undefined;
  let installing = false;
  let problems: string[] = [];
  let update: UpdateStatus['update'];
  const stops: (() => void)[] = [];
  let checking: Promise<void> | undefined;
  if (updater && !ownRollout.has(updater)) ownRollout.set(updater, updater.isUserWithinRollout);

  const status = (): UpdateStatus => ({
    version: deps.version,
    verdict,
    installedBy: updater ? 'lingxi' : 'it',
    ...(control?.message !== undefined && verdict.kind !== 'allowed' ? { message: control.message } : {}),
    ...(update ? { update } : {}),
    ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
  });
  const isAllowed = (version: string): boolean => !control || judgeVersion(control, version).kind === 'allowed';

  if (updater && policy.url) {
    updater.autoDownload = false; // downloads only what the kill switch allows (checkUpdater)
    updater.autoInstallOnAppQuit = true;
    // latest*.yml or pilot*.yml; set every time, as one updater outlives a policy that changes the channel.
    updater.channel = policy.channel === 'pilot' ? 'pilot' : 'latest';
    updater.allowDowngrade = false; // setting a channel turns it on; only a blocked version goes back
    updater.setFeedURL({ provider: 'generic', url: policy.url });
  }

  async function checkControl(): Promise<void> {
    const read = await deps.readControl();
    if (!read.ok) {
      problems.push(read.error);
      log.warn(`${read.error}; the last verdict (${verdict.kind}) stands, checked again in ${policy.checkMinutes} min`);
      return;
    }
    control = read.control;
    const next = control ? judgeVersion(control, deps.version) : ({ kind: 'allowed' } as const);
    if (next.kind !== verdict.kind) log.info(`kill switch: version ${deps.version} is ${next.kind}`);
    verdict = next;
    // A downloaded update that was blocked since must not install on quit either.
    if (updater && downloaded !== undefined) updater.autoInstallOnAppQuit = isAllowed(downloaded);
  }

  async function checkUpdater(port: UpdaterPort): Promise<void> {
    const blocked = verdict.kind !== 'allowed';
    port.allowDowngrade = blocked;
    // A blocked version leaves at once, whatever the staged rollout's percentage says.
    port.isUserWithinRollout = blocked ? () => true : (ownRollout.get(port) ?? (() => true));
    let found: string | undefined;
    try {
      const result = await port.checkForUpdates();
      found = result?.isUpdateAvailable ? result.updateInfo.version : undefined;
    } catch (error) {
      problems.push(`update metadata at ${policy.url ?? ''} (channel ${policy.channel}) could not be used: ${describe(error)}`);
      log.warn(`update check failed; checked again in ${policy.checkMinutes} min`, error);
      return;
    }
    if (found === undefined || found === downloaded) return;
    if (!isAllowed(found)) {
      problems.push(`the newest version on channel ${policy.channel}, ${found}, is blocked by the kill switch: not downloaded`);
      return;
    }
    update = { version: found, state: 'downloading' };
    deps.onStatus(status());
    try {
      await port.downloadUpdate();
    } catch (error) {
      update = undefined;
      problems.push(`version ${found} could not be downloaded: ${describe(error)}`);
      log.warn(`download of ${found} failed; tried again in ${policy.checkMinutes} min`, error);
      return;
    }
    downloaded = found;
    port.autoInstallOnAppQuit = true;
    update = { version: found, state: 'downloaded' };
    log.info(`version ${found} downloaded; installs on quit, in the window ${policy.installWindow}${blocked ? ' or as soon as the desk is idle' : ''}`);
  }

  function maybeInstall(): void {
    if (!updater || downloaded === undefined || installing || !isAllowed(downloaded)) return;
    if (!desk || isDeskBusy(desk)) return;
    const urgent = verdict.kind !== 'allowed';
    if (!urgent && !isInInstallWindow(policy.installWindow, deps.clock.now())) return;
    installing = true;
    log.info(`installing ${downloaded} now (${urgent ? `this version is ${verdict.kind}` : `install window ${policy.installWindow}`}, desk idle)`);
    updater.quitAndInstall(true, true);
  }

  async function checkOnce(): Promise<void> {
    problems = [];
    await checkControl();
    if (updater && policy.url) await checkUpdater(updater);
    deps.onStatus(status());
    maybeInstall();
  }

  // A check still downloading when the next one is due is joined, not doubled.
  function check(): Promise<void> {
    checking ??= checkOnce().finally(() => {
      checking = undefined;
    });
    return checking;
  }

  const checkLogged = () => void check().catch((error: unknown) => log.warn('update check failed', error));

  return {
    async start() {
      if (!policy.enabled || !policy.url) {
        log.info('updates are off (updates.enabled is false): no update or kill switch check');
        return;
      }
      stops.push(deps.clock.every(policy.checkMinutes * 60_000, checkLogged));
      stops.push(deps.clock.every(INSTALL_POLL_MS, maybeInstall));
      await check();
    },
    check,
    setDesk(next) {
      desk = next;
      maybeInstall();
    },
    status,
    stop() {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
