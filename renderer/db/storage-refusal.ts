/**
 * What the browser's storage says when it will not write. Chromium reports a full origin quota as
 * QuotaExceededError, and a disk filled to the last byte as an I/O failure: the write's transaction aborts
 * (AbortError), the database is closed under the app, and reopening it fails with UnknownError ("Internal error
 * opening backing store") — Dexie wraps that in DatabaseClosedError or OpenFailedError (see
 * test/e2e/disk-full.spec.ts). Until space is back every write fails; then reopen.ts opens the database again
 * and wakes the waiting writes.
 */

/** Errors (or errors they wrap) that say the disk or the storage quota refused the write. */
const REFUSALS = new Set(['QuotaExceededError', 'UnknownError']);
/** A write that failed this way changed nothing and may simply be written again later. */
const RETRYABLE = new Set([...REFUSALS, 'AbortError', 'DatabaseClosedError', 'OpenFailedError']);

function chainHas(error: unknown, names: Set<string>): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string' && names.has(name)) return true;
    current = inner ?? cause;
  }
  return false;
}

/** Whether an IndexedDB/Dexie error (or one it wraps) says the disk or the storage quota refused the write. */
export function isStorageRefusal(error: unknown): boolean {
  return chainHas(error, REFUSALS);
}

/** Writes waiting to try again: woken at once when a database opened again (reopen.ts), space being back. */
const waiting = new Set<() => void>();

/** Tells the writes waiting out a refusal to try again now (a database reopened after a failure). */
export function storageBack(): void {
  for (const wake of [...waiting]) wake();
}

/** Whether a failed write changed nothing and may simply be written again once the storage takes writes. */
export function isRetryableWrite(error: unknown): boolean {
  return chainHas(error, RETRYABLE);
}

export interface RetryWriteOptions {
  /** Told once, at the first refusal: the write is being kept and retried. */
  refused?: (error: unknown) => void;
  /** Told when a write that was refused went in at last, with how many attempts it took. */
  saved?: (attempts: number) => void;
  /** Stop trying after this long (then the last error is thrown); 2 minutes by default. */
  giveUpAfterMs?: number;
  /** Waits between attempts: 1 s doubling to 10 s by default. */
  delayMs?: (attempt: number) => number;
  /**
   * An attempt that neither commits nor fails within this long counts as refused (10 s by default): on a full
   * disk Chromium can leave a write pending for good (seen in test/e2e/disk-full.spec.ts).
   */
  attemptTimeoutMs?: number;
  now?: () => number;
}

/**
 * Runs a write, and while the storage refuses it (a full disk) runs it again with backoff (1 s doubling to 10 s)
 * or as soon as a database reopens, so a call's history row or agent-state change outlives a full disk instead
 * of being dropped. Other errors are thrown at once. The write waits in memory: closing the app meanwhile loses it.
 * Known gap: after a real full disk, writes to the app's main database were seen to hang even once it reopened
 * (README, *Disk full while recording*); the attempt timeout keeps such a write from holding its queue for good.
 */
export async function writeWhileRefused<T>(write: () => Promise<T>, options: RetryWriteOptions = {}): Promise<T> {
  const { refused, saved, giveUpAfterMs = 120_000, delayMs = (attempt) => Math.min(10_000, 1_000 * 2 ** (attempt - 1)), now = Date.now } = options;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await withinTime(write(), attemptTimeoutMs);
      if (attempt > 1) saved?.(attempt);
      return result;
    } catch (error) {
      if (!isRetryableWrite(error) || now() - started >= giveUpAfterMs) throw error;
      if (attempt === 1) refused?.(error);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, delayMs(attempt));
        waiting.add(wake);
      });
    }
  }
}

/** The write's result, or a refusal (retryable) when it has neither committed nor failed within `ms`. */
function withinTime<T>(pending: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DOMException(`the write neither committed nor failed within ${ms} ms`, 'AbortError')), ms);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}
