/**
 * Child loggers per feature, sent to main over 'log:write'. Every line is redacted before it leaves the
 * renderer (main redacts again); an error travels as its described stack, so main's line has it.
 */
import type { LogEntry } from '@common/contract/ipc';
import { redact } from '@common/contract/redact';
import { describeError, MAX_ERROR_CHARS } from '@common/errors';
import type { Logger, LogLevel } from '@common/logging/logger';
import { getHost } from './host';

const MAX_MESSAGE_CHARS = 4000;

/** The IPC entry for one line; capped after redaction, which can lengthen a text, so main's schema accepts it. */
export function logEntry(level: LogLevel, scope: string, message: string, error?: unknown): LogEntry {
  const entry: LogEntry = { level, scope, message: redact(message).slice(0, MAX_MESSAGE_CHARS) };
  if (error !== undefined) entry.error = redact(describeError(error)).slice(0, MAX_ERROR_CHARS);
  return entry;
}

/** A logger whose lines carry `scope`: `log.error('answer failed', error)`. */
export function createLogger(scope: string): Logger {
  const write = (level: LogLevel) => (message: string, error?: unknown) => {
    // Silent on purpose: reporting a failed log write would go through this same write, and recurse.
    void getHost()
      .log.write(logEntry(level, scope, message, error))
      .catch(() => undefined);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
