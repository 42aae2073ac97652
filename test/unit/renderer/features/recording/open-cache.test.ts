import { describe, expect, it } from 'vitest';
import type { Logger } from '@common/logging/logger';
import { openCacheRetryingKey } from '@renderer/features/recording/open-cache';
import type { RecordingProblem } from '@renderer/features/recording/recording-slice';
import { RecordingKeyError, type RecordingStore } from '@renderer/features/recording/store';

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const cache = {} as RecordingStore;

describe('opening the recording cache', () => {
  it('asks again for a key the OS cannot decrypt now, showing why meanwhile, and clears the problem once it opens', async () => {
    const reports: Array<RecordingProblem | null> = [];
    const waits: number[] = [];
    let attempts = 0;
    const opened = await openCacheRetryingKey({
      open: async () => {
        attempts++;
        if (attempts < 3) throw new RecordingKeyError('the recording key cannot be read from the OS secret store (keyring locked)', true);
        return cache;
      },
      report: (problem) => void reports.push(problem),
      log: silent,
      wait: async (ms) => void waits.push(ms),
      retryMs: 60_000,
    });
    expect(opened).toBe(cache);
    expect(waits).toEqual([60_000, 60_000]);
    expect(reports.map((r) => r?.code ?? null)).toEqual(['key-unreadable', 'key-unreadable', null]);
  });

  it('gives up at once on any other failure, naming it', async () => {
    const reports: Array<RecordingProblem | null> = [];
    const opened = await openCacheRetryingKey({
      open: () => Promise.reject(new RecordingKeyError('the recording key is not available (no secret storage)')),
      report: (problem) => void reports.push(problem),
      log: silent,
      wait: () => Promise.reject(new Error('must not wait')),
      retryMs: 60_000,
    });
    expect(opened).toBeNull();
    expect(reports).toEqual([{ code: 'store-unavailable', detail: expect.stringMatching(/no secret storage/) }]);
  });
});
