/**
 * The desktop's one log: JSON lines from main, preload, renderer and the speech service, written by pino.
 * Redaction is pino's last step (`hooks.streamWrite`): the serialised line is parsed back and every field
 * (message, error, any other) goes through the contract's redactValue() with the secrets known by value, so
 * no line reaches a sink unredacted, including lines the renderer already redacted: main cannot trust it.
 * No pino transport (worker threads cannot load from a packed asar): the destination is a plain sink.
 */
import { pino } from 'pino';
import type { LogEntry, LogSource } from '@common/contract/ipc';
import { redactJsonLine } from '@common/contract/redact';
import { describeError } from '@common/errors';
import type { Logger, LogLevel } from '@common/logging/logger';

/** Where finished (redacted) lines go. */
export interface LogSink {
  write(line: string): void;
  /** Flushes and closes; resolves once everything written so far is on disk. */
  close(): Promise<void>;
}

/** Until the log files are opened (before app 'ready'), lines go to stderr. */
const stderrSink: LogSink = {
  write: (line) => void process.stderr.write(line),
  close: async () => undefined,
};

let sink: LogSink = stderrSink;
let secrets: string[] = [];

/** Routes every logger to sink; null restores stderr. */
export function setLogSink(next: LogSink | null): void {
  sink = next ?? stderrSink;
}

/**
 * Values removed from every line wherever they appear (the loaded policy's SIP password and keys), on top of
 * the pattern rules: a secret in an odd place (a URL, a JsSIP debug dump) is still caught.
 */
export function setLogSecrets(values: ReadonlyArray<string | undefined>): void {
  secrets = values.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** The secrets known by value now (diagnostics re-runs the redaction with them). */
export function logSecrets(): readonly string[] {
  return secrets;
}

/** The logger's own fields, never personal data: left as they are. */
const OWN_FIELDS: ReadonlySet<string> = new Set(['time', 'pid', 'level']);

/** Redacts one serialised line: pino's final step, and what diagnostics runs over log files again. */
export function redactLogLine(line: string, extraSecrets: readonly string[] = []): string {
  return redactJsonLine(line, [...secrets, ...extraSecrets], OWN_FIELDS);
}

const root = pino(
  {
    level: 'debug',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: (line) => redactLogLine(line) },
  },
  { write: (line: string) => sink.write(line) },
);

/** Which process (or part) a line comes from: the `source` field of every line. */
export type LineSource = LogSource | 'main' | 'speech';

/** Writes one line with its source and scope; the error as describeError() gives it (stack and causes). */
function writeLine(source: LineSource, scope: string, level: LogLevel, message: string, error?: string, fields: Record<string, unknown> = {}): void {
  root[level]({ source, scope, ...fields, ...(error === undefined ? {} : { error }) }, message);
}

/** Creates a main-process logger whose lines carry scope. Loggers follow setLogSink changes made later. */
export function createLogger(scope: string): Logger {
  const log = (level: LogLevel) => (message: string, error?: unknown) =>
    writeLine('main', scope, level, message, error === undefined ? undefined : describeError(error));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Writes a line the renderer (or preload) sent over 'log:write', its error (a stack as text) included; redacted again here. */
export function writeRendererLog(entry: LogEntry): void {
  writeLine(entry.source ?? 'renderer', entry.scope, entry.level, entry.message, entry.error);
}

/**
 * Writes a line the speech service printed: a JSON line (the service's own log, on stderr) at info with its
 * fields kept as fields (`event`, `leg`, …); anything else (a native library's complaint before a crash) as
 * the message, at `level` (stdout info, stderr warn).
 */
export function writeServiceLog(service: 'speech', level: LogLevel, line: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    // Not JSON: the text itself.
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const { event, message, msg, service: _service, level: _level, time: _time, pid: _pid, ...fields } = parsed as Record<string, unknown>;
    const text = [event, message, msg].filter((part) => typeof part === 'string').join(': ') || line;
    writeLine(service, 'service', 'info', text, undefined, fields);
  } else {
    writeLine(service, 'service', level, line);
  }
}
