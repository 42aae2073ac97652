/**
 * Electron's side of updates: electron-updater's autoUpdater where Lingxi installs updates itself, the kill
 * switch read with Electron's net (system proxy, the bank's CAs), and the status pushed to the renderer.
 * Started again with every valid policy (a changed policy replaces the running controller).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import electronUpdater from 'electron-updater';
import type { UpdatesPolicy } from '@common/contract/policy-updates';
import { readControlFile, type ControlFetch } from '@common/updates/control-file';
import type { DeskBusy, UpdateStatus } from '@common/updates/update-status';
import type { Logger } from '@common/logging/logger';
import { detectInstaller } from './install-kind';
import { createUpdateController, type UpdateClock, type UpdateController, type UpdaterPort } from '@common/updates/update-controller';

export interface UpdatesWiringDeps {
  app: { isPackaged: boolean; getVersion(): string; getName(): string };
  fetch: ControlFetch;
  send(status: UpdateStatus): void;
  log: Logger;
}

const clock: UpdateClock = {
  now: () => new Date(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};

/** A file in the package's resources folder (undefined outside Electron, where there is none). */
function resourceFile(name: string): string | undefined {
  const resources = process.resourcesPath as string | undefined;
  return resources ? join(resources, name) : undefined;
}

function readPackageType(): string | undefined {
  const file = resourceFile('package-type');
  try {
    return file ? readFileSync(file, 'utf8').trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Owns the running controller: configure() with each valid policy's `updates`, setDesk() from the renderer. */
export function createUpdates(deps: UpdatesWiringDeps) {
  let controller: UpdateController | undefined;
  let lastDesk: DeskBusy | undefined;
  let updater: UpdaterPort | undefined;

  const updaterFor = (policy: UpdatesPolicy): UpdaterPort | undefined => {
    const installer = detectInstaller(
      {
        platform: process.platform,
        isPackaged: deps.app.isPackaged,
        exeDir: dirname(process.execPath),
        productName: deps.app.getName(),
        packageType: readPackageType(),
        appImage: process.env.APPIMAGE,
        exists: existsSync,
        hasUpdateConfig: existsSync(resourceFile('app-update.yml') ?? ''),
      },
      policy.managedBy,
    );
    if (installer.by === 'it') {
      deps.log.info(`updates are installed by IT here (${installer.why}): Lingxi applies the kill switch only`);
      return undefined;
    }
    // One autoUpdater per process (electron-updater's own singleton), created on first use.
    if (!updater) {
      const { autoUpdater } = electronUpdater;
      autoUpdater.logger = { info: (m: unknown) => deps.log.info(String(m)), warn: (m: unknown) => deps.log.warn(String(m)), error: (m: unknown) => deps.log.warn(String(m)) };
      updater = autoUpdater;
    }
    return updater;
  };

  return {
    configure(policy: UpdatesPolicy | undefined): void {
      controller?.stop();
      controller = undefined;
      if (!policy) return;
      const url = policy.url;
      controller = createUpdateController({
        policy,
        version: deps.app.getVersion(),
        ...(policy.enabled ? { updater: updaterFor(policy) } : {}),
        readControl: () => (url ? readControlFile(deps.fetch, url) : Promise.resolve({ ok: true, control: null })),
        clock,
        onStatus: deps.send,
        log: deps.log,
      });
      if (lastDesk) controller.setDesk(lastDesk);
      void controller.start().catch((error: unknown) => deps.log.warn('updates did not start', error));
    },
    setDesk(desk: DeskBusy): void {
      lastDesk = desk;
      controller?.setDesk(desk);
    },
    status(): UpdateStatus | null {
      return controller?.status() ?? null;
    },
    dispose(): void {
      controller?.stop();
    },
  };
}
