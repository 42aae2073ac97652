/**
 * Opens the recording cache. A recording key the OS will not decrypt now (keyring locked or changed) is
 * kept by the host, never replaced: the agent and IT see "key unreadable" and the key is asked for again
 * every `retryMs` until it can be read, then recording starts. Any other failure is final for this session.
 */
import { errorMessage } from '@common/errors';
import type { Logger } from '@common/logging/logger';
import type { RecordingProblem } from './recording-slice';
import { RecordingKeyError, type RecordingStore } from './store';

export interface OpenCacheDeps {
  open(): Promise<RecordingStore>;
  /** Shows (or, with null, clears) the problem in the Recordings region. */
  report(problem: RecordingProblem | null): void;
  log: Logger;
  /** Waits before asking again (a timer; tests pass their own). */
  wait(ms: number): Promise<void>;
  retryMs: number;
}

/** The open cache, or null when it cannot be opened this session. */
export async function openCacheRetryingKey({ open, report, log, wait, retryMs }: OpenCacheDeps): Promise<RecordingStore | null> {
  let waited = false;
  for (;;) {
    try {
      const cache = await open();
      if (waited) {
        report(null);
        log.info('recording key readable again: calls are recorded from now');
      }
      return cache;
    } catch (error) {
      if (!(error instanceof RecordingKeyError && error.unreadable)) {
        log.error('recording cache unavailable', error);
        report({ code: 'store-unavailable', detail: errorMessage(error) });
        return null;
      }
      if (!waited) log.error(`recording key unreadable; asking again every ${Math.round(retryMs / 1000)} s`, error);
      report({ code: 'key-unreadable', detail: errorMessage(error) });
      waited = true;
      await wait(retryMs);
    }
  }
}
