/**
 * `diagnostics:export` in Electron: the renderer hands its part (validated by the IPC contract), main adds its
 * own, builds the zip (common/diagnostics: every file redacted again) and offers a save dialog in Downloads.
 */
import type { DiagnosticsExportResult, RendererDiagnostics } from '@common/diagnostics/diagnostics-contract';
import { zipSync } from 'fflate';
import { DIAGNOSTICS_ZIP_LEVEL, diagnosticsEntries, diagnosticsFileName, diagnosticsFiles, type HostDiagnostics } from '@common/diagnostics/diagnostics-zip';
import { describeError } from '@common/errors';
import type { Logger } from '@common/logging/logger';

export interface DiagnosticsExportDeps {
  collectHost(): Promise<HostDiagnostics>;
  /** Values known to be secret now (the log's list): removed from every file. */
  secrets(): readonly string[];
  /** Electron's dialog.showSaveDialog for the main window: the path chosen, or undefined when cancelled. */
  chooseFile(defaultName: string): Promise<string | undefined>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  now?: () => Date;
  log: Logger;
}

/** The handler for `diagnostics:export`. */
export function createDiagnosticsExport(deps: DiagnosticsExportDeps): (renderer: RendererDiagnostics) => Promise<DiagnosticsExportResult> {
  const now = deps.now ?? (() => new Date());
  return async (renderer) => {
    try {
      const createdAt = now();
      const files = diagnosticsFiles(await deps.collectHost(), renderer, createdAt);
      const entries = await diagnosticsEntries(files, deps.secrets(), () => new Promise((resume) => setImmediate(resume)));
      const zip = zipSync(entries, { level: DIAGNOSTICS_ZIP_LEVEL });
      const path = await deps.chooseFile(diagnosticsFileName(createdAt));
      if (!path) return { ok: false, cancelled: true };
      await deps.writeFile(path, zip);
      deps.log.info(`diagnostics exported (${zip.byteLength} bytes)`);
      return { ok: true, saved: path, bytes: zip.byteLength };
    } catch (error) {
      deps.log.error('diagnostics export failed', error);
      return { ok: false, error: describeError(error).split('\n')[0] ?? 'unknown error' };
    }
  };
}
