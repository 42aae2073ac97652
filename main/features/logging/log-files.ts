/**
 * The rotating set of log files under `<userData>/logs` (rotating-file-stream, classical rotation):
 * `lingxi.log` is written; when the next line would take it past the policy's `logs.maxFileMb` it becomes
 * `lingxi.log.1`, the older ones move up one number, and the one past `logs.maxFiles` is deleted. A line is
 * never split across files. The limits change with the policy without losing or reordering a line.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { LogsPolicy } from '@common/contract/policy-logs';
import { DEFAULT_LOGS_POLICY } from '@common/contract/policy-logs';
import type { LogSink } from './logger';

export const LOG_FILE_NAME = 'lingxi.log';
const MB = 1024 * 1024;

/** The log set: a sink for the logger, the limits the policy sets, and the files for diagnostics. */
export interface LogFiles extends LogSink {
  /** Applies new limits (a policy loaded); the next rotation follows them. */
  setLimits(limits: LogFileLimits): Promise<void>;
  /** The set's files, newest first, with their sizes. */
  files(): Array<{ name: string; path: string; bytes: number }>;
}

/** Limits in bytes and files (the policy's MB, or tests' small sizes). */
export interface LogFileLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** The policy's `logs` section as limits. */
export function limitsFrom(policy: LogsPolicy = DEFAULT_LOGS_POLICY): LogFileLimits {
  return { maxFileBytes: Math.round(policy.maxFileMb * MB), maxFiles: policy.maxFiles };
}

export interface LogFilesOptions {
  /** Also copy lines here (stderr in development). */
  mirror?: Pick<NodeJS.WritableStream, 'write'>;
  /** Told when the files cannot be written (a full disk): logging goes on trying, the app goes on. */
  onError?: (error: Error) => void;
}

/** The rotation index of a file of the set: 0 for lingxi.log, n for lingxi.log.n, undefined for others. */
function indexOf(name: string): number | undefined {
  if (name === LOG_FILE_NAME) return 0;
  const match = /^lingxi\.log\.(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Opens (creating) the set in `dir` with `limits`. */
export function openLogFiles(dir: string, limits: LogFileLimits = limitsFrom(), { mirror, onError }: LogFilesOptions = {}): LogFiles {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const open = (next: LogFileLimits): RotatingFileStream => {
    const stream = createStream(LOG_FILE_NAME, { path: dir, size: `${next.maxFileBytes}B`, rotate: next.maxFiles - 1, mode: 0o600 });
    // A full disk must not crash the app mid-call.
    (stream as NodeJS.EventEmitter).on('error', (error: Error) => onError?.(error)).on('warning', (error: Error) => onError?.(error));
    return stream;
  };
  const end = (stream: RotatingFileStream) => new Promise<void>((done) => (stream.writableEnded ? done() : stream.end(done)));
  let current = limits;
  let stream = open(current);
  // Lines that arrive while the stream is being swapped for new limits, written in order afterwards.
  let held: string[] | null = null;
  let closed = false;
  return {
    write(line) {
      if (closed) return;
      if (held) held.push(line);
      else stream.write(line);
      mirror?.write(line);
    },
    async setLimits(next) {
      if (closed || held || (next.maxFileBytes === current.maxFileBytes && next.maxFiles === current.maxFiles)) return;
      held = [];
      await end(stream);
      current = next;
      stream = open(current);
      for (const line of held) stream.write(line);
      held = null;
    },
    files() {
      return readdirSync(dir)
        .flatMap((name) => {
          const index = indexOf(name);
          if (index === undefined) return [];
          try {
            return [{ index, name, path: join(dir, name), bytes: statSync(join(dir, name)).size }];
          } catch {
            return [];
          }
        })
        .sort((a, b) => a.index - b.index)
        .map(({ name, path, bytes }) => ({ name, path, bytes }));
    },
    async close() {
      closed = true;
      await end(stream);
    },
  };
}
