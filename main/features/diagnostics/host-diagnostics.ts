/**
 * Main's part of "Export diagnostics": app, Electron, Chromium, Node and OS versions, the policy in force with
 * each value's source (policy-service.ts inForce), and the newest log files of the set (logging/log-files.ts),
 * as much as fits under a size cap. Electron and the file system are injected (tests run without them).
 */
import { policyDiagnostics, type HostDiagnostics } from '@common/diagnostics/diagnostics-zip';
import type { PolicyLoadResult } from '@common/contract/policy';

/** Log bytes an export carries at most: the newest files that fit (the current one always, cut to its end if larger). */
export const MAX_LOG_BYTES = 20 * 1024 * 1024;

export interface HostDiagnosticsDeps {
  app: { getVersion(): string; getName(): string; getLocale(): string; isPackaged: boolean; getPath(name: 'userData'): string };
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  os: { platform: string; release: string; arch: string; version: string; totalmemGb: number; cpus: number };
  /** The policy in force and which document set each value (policy-service.ts inForce). */
  policy(): { result: PolicyLoadResult | null; originOf(path: string): string | undefined };
  /** The log set's files, newest first. */
  logFiles(): Array<{ name: string; path: string; bytes: number }>;
  readText(path: string): Promise<string>;
}

/** Reads the newest log files that fit under maxBytes; a file too big for what is left is cut to its newest whole lines. */
async function readLogs(deps: HostDiagnosticsDeps, maxBytes: number): Promise<HostDiagnostics['logs']> {
  const logs: HostDiagnostics['logs'] = [];
  let left = maxBytes;
  for (const file of deps.logFiles()) {
    if (left <= 0) break;
    let text = await deps.readText(file.path).catch(() => '');
    if (text.length > left) text = text.slice(text.indexOf('\n', text.length - left) + 1);
    left -= text.length;
    logs.push({ name: file.name, text });
  }
  return logs;
}

/** Collects main's part. */
export async function collectHostDiagnostics(deps: HostDiagnosticsDeps, maxLogBytes = MAX_LOG_BYTES): Promise<HostDiagnostics> {
  const { app, versions, os } = deps;
  const inForce = deps.policy();
  return {
    app: {
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      packaged: app.isPackaged,
      locale: app.getLocale(),
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      node: versions.node ?? null,
      v8: versions.v8 ?? null,
      os: os.platform,
      osRelease: os.release,
      osVersion: os.version,
      arch: os.arch,
      cpus: os.cpus,
      memoryGb: os.totalmemGb,
      userData: app.getPath('userData'),
    },
    policy: policyDiagnostics(inForce.result, inForce.originOf),
    logs: await readLogs(deps, maxLogBytes),
  };
}
