/**
 * "Export diagnostics" in the browser host: there is no main process and no log file, so the page builds the
 * zip itself (common/diagnostics, the same builder Electron's main uses) and downloads it. Its host part: the
 * app and browser versions, the policy the page loaded with each value's source (the served file, or the
 * built-in default), and the page's own log lines (the newest 2,000, kept in memory as JSON lines in the
 * desktop's format: the web host writes no log files).
 */
import type { DiagnosticsExportResult, RendererDiagnostics } from '@common/diagnostics/diagnostics-contract';
import { zipSync } from 'fflate';
import { DIAGNOSTICS_ZIP_LEVEL, diagnosticsEntries, diagnosticsFileName, diagnosticsFiles, policyDiagnostics, type HostDiagnostics } from '@common/diagnostics/diagnostics-zip';
import type { LogEntry } from '@common/contract/ipc';
import type { PolicyLoadResult } from '@common/contract/policy';
import { leaves, policySecretValues } from '@common/contract/policy-secrets';
import { redact } from '@common/contract/redact';
import { downloadFile } from './download';

/** Log lines the page keeps for an export. */
export const MAX_PAGE_LOG_LINES = 2000;

export interface BrowserDiagnosticsDeps {
  /** The app's version (the build's __APP_VERSION__). */
  version: () => string;
  /** Secrets the page holds now (the session's CRM and store tokens, a lead's key, the signed-in password). */
  heldSecrets(): Array<string | null | undefined>;
  /** Saves the zip (default: a download through an <a download>). */
  download?: (name: string, zip: Uint8Array) => void;
  now?: () => Date;
}

function downloadZip(name: string, zip: Uint8Array): void {
  downloadFile(name, zip as Uint8Array<ArrayBuffer>, 'application/zip');
}

/** The page's diagnostics: its log lines, the policy it loaded, and the export. */
export function createBrowserDiagnostics(deps: BrowserDiagnosticsDeps) {
  const lines: string[] = [];
  let policy: { result: PolicyLoadResult; document: unknown } | undefined;
  const now = deps.now ?? (() => new Date());
  const download = deps.download ?? downloadZip;

  const policyPart = (): HostDiagnostics['policy'] => {
    const set = new Set(leaves(policy?.document).map(([path]) => path));
    return policyDiagnostics(policy?.result, (path) => (set.has(path) ? policy?.result.source : undefined));
  };

  return {
    /** Keeps a (redacted) log line as the desktop would write it. */
    log(entry: LogEntry): void {
      const { level, scope, message, error } = entry;
      lines.push(JSON.stringify({ level, time: now().toISOString(), source: entry.source ?? 'renderer', scope, msg: redact(message), ...(error === undefined ? {} : { error: redact(error) }) }));
      if (lines.length > MAX_PAGE_LOG_LINES) lines.shift();
    },
    /** The policy the page now runs on, and the document it came from (which values it set). */
    policyLoaded(result: PolicyLoadResult, document: unknown): void {
      policy = { result, document };
    },
    async export(part: RendererDiagnostics): Promise<DiagnosticsExportResult> {
      try {
        const createdAt = now();
        const host: HostDiagnostics = {
          app: { name: 'Lingxi', version: deps.version(), host: 'browser', userAgent: navigator.userAgent, languages: navigator.languages.join(','), cpus: navigator.hardwareConcurrency ?? null, origin: location.origin },
          policy: policyPart(),
          logs: [{ name: 'page.log', text: lines.length ? `${lines.join('\n')}\n` : '' }],
        };
        const loaded = policy?.result.ok ? policy.result.policy : undefined;
        const secrets = [...policySecretValues(loaded), ...deps.heldSecrets()].filter((value): value is string => Boolean(value));
        const zip = zipSync(await diagnosticsEntries(diagnosticsFiles(host, part, createdAt), secrets), { level: DIAGNOSTICS_ZIP_LEVEL });
        const name = diagnosticsFileName(createdAt);
        download(name, zip);
        return { ok: true, saved: name, bytes: zip.byteLength };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
  };
}
