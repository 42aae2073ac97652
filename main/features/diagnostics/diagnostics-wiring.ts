/**
 * Electron's "Export diagnostics": the `diagnostics:export` handler over main's part (host-diagnostics.ts) and
 * a save dialog in Downloads. Electron's objects are handed in by main/index.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, release, totalmem, version } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { Logger } from '@common/logging/logger';
import { collectHostDiagnostics, type HostDiagnosticsDeps } from './host-diagnostics';
import { createDiagnosticsExport } from './export-diagnostics';

export interface ElectronDiagnosticsDeps {
  app: HostDiagnosticsDeps['app'] & { getPath(name: 'userData' | 'downloads'): string };
  dialog: Pick<Dialog, 'showSaveDialog'>;
  window(): BrowserWindow | null;
  policy: HostDiagnosticsDeps['policy'];
  logFiles: HostDiagnosticsDeps['logFiles'];
  secrets(): readonly string[];
  log: Logger;
}

/** The `diagnostics:export` handler. */
export function electronDiagnosticsExport(deps: ElectronDiagnosticsDeps) {
  return createDiagnosticsExport({
    collectHost: () =>
      collectHostDiagnostics({
        app: deps.app,
        versions: process.versions,
        os: { platform: process.platform, release: release(), arch: arch(), version: version(), totalmemGb: Math.round(totalmem() / 2 ** 30), cpus: cpus().length },
        policy: deps.policy,
        logFiles: deps.logFiles,
        readText: (path) => readFile(path, 'utf8'),
      }),
    secrets: deps.secrets,
    chooseFile: async (name) => {
      const options = { defaultPath: join(deps.app.getPath('downloads'), name), filters: [{ name: 'Zip', extensions: ['zip'] }] };
      // Parented to the window when it shows (the Help menu, the button); on its own while it hides in the tray (a global shortcut).
      const window = deps.window();
      const choice = window && !window.isDestroyed() && window.isVisible() ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      return choice.canceled ? undefined : choice.filePath;
    },
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
    log: deps.log,
  });
}
