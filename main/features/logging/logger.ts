/**
 * Main-process logging. Every line is redacted (contract redact()) before it is written, including
 * lines the renderer already redacted: main cannot trust the renderer to have done it.
 */
import { createWriteStream, mkdirSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry } from '@common/contract/ipc';
import { redact } from '@common/contract/redact';
import { describeError } from '@common/errors';
import type { Logger, LogLevel } from '@common/logging/logger';

/** Where formatted lines go. */
export interface LogSink {
  write(line: string): void;
  /** Flushes and closes; resolves once everything written so far is on disk. */
  close(): Promise<void>;
}

/** Until the log file is opened (before app 'ready'), lines go to stderr. */
const stderrSink: LogSink = {
  write: (line) => void process.stderr.write(line),
  close: async () => undefined,
};

let sink: LogSink = stderrSink;

/** Routes every logger to sink; null restores stderr. */
export function setLogSink(next: LogSink | null): void {
  sink = next ?? stderrSink;
}

/** Keeps one line one entry: a message with newlines could otherwise forge log lines. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/\r?\n/g, ' \\n ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Formats one redacted log line; exported so tests can pin the format. */
export function formatLine(level: LogLevel, scope: string, message: string, error?: unknown, now = new Date()): string {
  const full = error === undefined ? message : `${message} ${describeError(error)}`;
  return `${now.toISOString()} ${level.toUpperCase().padEnd(5)} [${oneLine(redact(scope))}] ${oneLine(redact(full))}\n`;
}

/** Creates a logger whose lines carry scope. Loggers follow setLogSink changes made later. */
export function createLogger(scope: string): Logger {
  const log = (level: LogLevel) => (message: string, error?: unknown) => sink.write(formatLine(level, scope, message, error));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Writes a line the renderer sent over 'log:write', its error (a stack as text) included; redacted again here. */
export function writeRendererLog(entry: LogEntry): void {
  sink.write(formatLine(entry.level, `renderer:${entry.scope}`, entry.message, entry.error));
}

export interface LogFileOptions {
  /** Rotate at open when the file is larger than this (one previous file is kept as .1). */
  maxBytes?: number;
  /** Also copy lines here (stderr in development). */
  mirror?: Pick<NodeJS.WritableStream, 'write'>;
}

/**
 * Opens <path> for appending, creating its directory and rotating it when too large.
 * Appends go through one stream, so lines keep their order without blocking the main process.
 */
export function openLogFile(path: string, { maxBytes = 5 * 1024 * 1024, mirror }: LogFileOptions = {}): LogSink {
  mkdirSync(dirname(path), { recursive: true });
  try {
    if (statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
  } catch {
    // No file yet: nothing to rotate.
  }
  const stream: WriteStream = createWriteStream(path, { flags: 'a', encoding: 'utf8', mode: 0o600 });
  // A full disk must not crash the app mid-call; logging just stops.
  stream.on('error', () => undefined);
  return {
    write(line) {
      if (!stream.writableEnded) stream.write(line);
      mirror?.write(line);
    },
    close: () => new Promise<void>((done) => (stream.writableEnded ? done() : stream.end(done))),
  };
}
