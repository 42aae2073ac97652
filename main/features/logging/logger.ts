/**
 * Main-process logging. Every line is redacted (contract redact()) before it is written, including
 * lines the renderer already redacted: main cannot trust the renderer to have done it.
 */
import { createWriteStream, mkdirSync, openSync, renameSync, statSync, type WriteStream } from 'node:fs';
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
  /**
   * Rotate when the file grows past this, at open and while running (one previous file is kept as .1),
   * so the log and its one predecessor never take much more than twice this on disk.
   */
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
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // No file yet: nothing to rotate.
  }
  const open = (): WriteStream => {
    // Opened synchronously, so the file exists (and can be renamed by the next rotation) before the first write lands.
    let fd: number | undefined;
    try {
      fd = openSync(path, 'a', 0o600);
    } catch {
      // Left to the stream, whose error is ignored below: a log that cannot open must not stop the app.
    }
    const stream = createWriteStream(path, { flags: 'a', encoding: 'utf8', mode: 0o600, ...(fd === undefined ? {} : { fd }) });
    // A full disk must not crash the app mid-call; logging just stops.
    stream.on('error', () => undefined);
    return stream;
  };
  const ended: Array<Promise<void>> = [];
  const end = (stream: WriteStream) => new Promise<void>((done) => (stream.writableEnded ? done() : stream.end(done)));
  /**
   * The current file becomes .1 and a new one starts. Lines still buffered for the old stream land in .1:
   * its descriptor follows the rename (libuv opens files shareable for delete on Windows too).
   */
  const rotate = (): void => {
    try {
      renameSync(path, `${path}.1`);
    } catch {
      // Cannot rotate (file gone, or locked): keep appending rather than lose lines, and try again later.
      size = 0;
      return;
    }
    ended.push(end(stream));
    stream = open();
    size = 0;
  };
  if (size > maxBytes) {
    try {
      renameSync(path, `${path}.1`);
      size = 0;
    } catch {
      // Not rotated: appending still works.
    }
  }
  let stream = open();
  return {
    write(line) {
      if (!stream.writableEnded) {
        const bytes = Buffer.byteLength(line);
        if (size > 0 && size + bytes > maxBytes) rotate();
        stream.write(line);
        size += bytes;
      }
      mirror?.write(line);
    },
    close: async () => {
      await Promise.all([...ended, end(stream)]);
    },
  };
}
