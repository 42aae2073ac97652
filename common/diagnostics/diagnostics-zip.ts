/**
 * The diagnostics zip's contents, built the same way in Electron main and in the browser host's page (each
 * zips them with fflate, which runs in both; common/ itself imports only zod): the host's part (app and OS versions, the effective policy with each value's source, its log files)
 * and the renderer's (registration, calls, devices, recording cache), each file redacted once more on the way
 * in, whatever its producer already did: JSON files field by field, log files line by line, text as text.
 */
import type { PolicyLoadResult, PolicyProblem, PolicySource } from '../contract/policy';
import { effectivePolicyValues, type PolicyValue } from '../contract/policy-secrets';
import { redact, redactJsonLine, redactValue } from '../contract/redact';
import type { RendererDiagnostics } from './diagnostics-contract';

/** The host's part of the export. */
export interface HostDiagnostics {
  /** App, runtime and OS versions, and where the data lives. */
  app: Record<string, string | number | boolean | null>;
  policy: {
    status: 'in-force' | 'rejected' | 'not-loaded';
    source?: string;
    sha256?: string;
    sources?: PolicySource[];
    problems?: PolicyProblem[];
    /** Every effective value, secrets masked, with the document it came from or "default". */
    values: PolicyValue[];
  };
  /** Log files, newest first (`logs/<name>`). */
  logs: Array<{ name: string; text: string }>;
}

/**
 * The policy part: in force (every value, secrets masked, with its source), rejected (the problems), or not loaded.
 * @param originOf the document that set a path (undefined: the built-in default)
 */
export function policyDiagnostics(result: PolicyLoadResult | null | undefined, originOf: (path: string) => string | undefined): HostDiagnostics['policy'] {
  if (!result) return { status: 'not-loaded', values: [] };
  const common = { source: result.source, ...(result.sources ? { sources: result.sources } : {}) };
  if (!result.ok) return { status: 'rejected', ...common, problems: result.problems, values: [] };
  return { status: 'in-force', ...common, ...(result.sha256 ? { sha256: result.sha256 } : {}), values: effectivePolicyValues(result.policy, originOf) };
}

/** One file of the zip, as text. */
export interface DiagnosticsFile {
  name: string;
  text: string;
}

/** The files every export has (logs/ besides). */
export const DIAGNOSTICS_FILES = ['README.txt', 'app.json', 'policy.json', 'registration.json', 'calls.json', 'audio-devices.json', 'recording-cache.json'] as const;

const README = `Lingxi diagnostics

app.json             app, runtime and OS versions; where the app keeps its data
policy.json          the policy in force: its sources, SHA-256, and every value with the document that set it
                     ("default": built in); secrets masked
logs/                the newest log files (JSON lines: time, level, source main/preload/renderer/speech, scope, msg)
registration.json    registration changes since the page loaded
calls.json           the last 20 calls: SIP response and call quality (no numbers, no names)
audio-devices.json   audio devices (ids hashed) and the device each role uses
recording-cache.json the local recording cache: counts and sizes (no audio)

Every file was redacted when it was added: passwords, tokens, keys, card numbers and e-mail addresses are
removed, phone numbers keep only their last four digits.
`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The export's files, before redaction. */
export function diagnosticsFiles(host: HostDiagnostics, renderer: RendererDiagnostics, createdAt: Date): DiagnosticsFile[] {
  const { page, registration, calls, audioDevices, deviceRoles, devicePermission, recordingCache } = renderer;
  return [
    { name: 'README.txt', text: README },
    { name: 'app.json', text: json({ createdAt: createdAt.toISOString(), ...host.app, page }) },
    { name: 'policy.json', text: json(host.policy) },
    { name: 'registration.json', text: json({ events: registration }) },
    { name: 'calls.json', text: json({ calls }) },
    { name: 'audio-devices.json', text: json({ permission: devicePermission, devices: audioDevices, roles: deviceRoles }) },
    { name: 'recording-cache.json', text: json(recordingCache) },
    ...host.logs.map((log) => ({ name: `logs/${log.name}`, text: log.text })),
  ];
}

const LOG_OWN_FIELDS: ReadonlySet<string> = new Set(['time', 'pid', 'level']);

/** Log lines redacted between two pauses: about 50 ms of work on a loaded 2-core machine. */
const LINES_PER_SLICE = 2000;

/** A log file redacted line by line, pausing every LINES_PER_SLICE lines so the process stays responsive. */
async function redactLogFile(file: DiagnosticsFile, secrets: readonly string[], pause: () => Promise<void>): Promise<DiagnosticsFile> {
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % LINES_PER_SLICE === 0) await pause();
    const line = lines[i];
    if (line) lines[i] = redactJsonLine(line, secrets, LOG_OWN_FIELDS);
  }
  return { name: file.name, text: lines.join('\n') };
}

/** One file other than a log redacted as what it is: JSON field by field (its figures kept), text as text. */
export function redactFile(file: DiagnosticsFile, secrets: readonly string[]): DiagnosticsFile {
  if (file.name.endsWith('.json')) {
    try {
      return { name: file.name, text: json(redactValue(JSON.parse(file.text), secrets, new Set(), false)) };
    } catch {
      // Not JSON after all: redacted as text below.
    }
  }
  return { name: file.name, text: redact(file.text, secrets) };
}

/**
 * The zip's entries (fflate's zipSync takes them as they are): every file redacted again, secrets known by value
 * included. Redacting 20 MB of log lines takes about 2.6 s (90,000 lines, 2 shared cores at load 6), so log
 * files are done in slices with `pause` between them (main: setImmediate, so IPC and the log keep flowing).
 * @param secrets values known to be secret (the policy's password and keys, the signed-in password)
 */
export async function diagnosticsEntries(
  files: readonly DiagnosticsFile[],
  secrets: readonly string[],
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Record<string, Uint8Array>> {
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    const redacted = file.name.startsWith('logs/') ? await redactLogFile(file, secrets, pause) : redactFile(file, secrets);
    entries[file.name] = encoder.encode(redacted.text);
  }
  return entries;
}

/** Deflate level of the zip: the same 20 MB of log lines deflate to 0.8 MB in about 0.5 s. */
export const DIAGNOSTICS_ZIP_LEVEL = 6;

/** `lingxi-diagnostics-20261207-094845.zip` (local time: what the agent sees on the clock). */
export function diagnosticsFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `lingxi-diagnostics-${day}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}.zip`;
}
