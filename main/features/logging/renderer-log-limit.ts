/**
 * A per-renderer limit on IPC 'log:write': a renderer stuck in a loop (or a compromised one) could
 * otherwise write lines as fast as IPC carries them and fill the disk between two rotations. Excess lines
 * are dropped, counted, and reported in one line per renderer and second.
 */
import type { LogEntry } from '@common/contract/ipc';

/** The calling renderer (its webContents id), as the IPC registry's handleFromSender gives it. */
export interface LogSender {
  id: number;
}

export interface RendererLogLimitOptions {
  /** Where an accepted entry goes (writeRendererLog). */
  write: (entry: LogEntry) => void;
  /** Lines one renderer may write per window; more are dropped. */
  maxLines?: number;
  /** The window, in milliseconds. */
  windowMs?: number;
  now?: () => number;
}

interface Window {
  start: number;
  lines: number;
  dropped: number;
}

/** Wraps write with the limit; the result is the 'log:write' handler (handleFromSender). */
export function limitRendererLog({ write, maxLines = 100, windowMs = 1000, now = Date.now }: RendererLogLimitOptions) {
  const windows = new Map<number, Window>();
  const report = (sender: number, dropped: number) =>
    write({ level: 'warn', scope: 'log-limit', message: `dropped ${dropped} log lines from renderer ${sender}: over ${maxLines} lines per ${windowMs} ms` });
  return (sender: LogSender, entry: LogEntry): void => {
    const time = now();
    let window = windows.get(sender.id);
    if (!window || time - window.start >= windowMs) {
      // The count of the window that ended goes out with the first line of the next one.
      if (window && window.dropped > 0) report(sender.id, window.dropped);
      window = { start: time, lines: 0, dropped: 0 };
      windows.set(sender.id, window);
    }
    if (window.lines < maxLines) {
      window.lines++;
      write(entry);
    } else if (window.dropped++ === 0) {
      // A renderer that goes quiet after its burst still gets its count written.
      setTimeout(() => {
        const current = windows.get(sender.id);
        if (current === window && window.dropped > 0) {
          report(sender.id, window.dropped);
          window.dropped = 0;
        }
      }, Math.max(0, window.start + windowMs - time)).unref?.();
    }
  };
}
