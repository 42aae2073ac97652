/** Typed errors of the recording store, so capture, upload and the UI can tell what went wrong. */
import type { RecordingState } from '../types';

/** No recording with this id in the cache. */
export class RecordingNotFoundError extends Error {
  constructor(readonly recordingId: string) {
    super(`no recording ${recordingId} in the recording cache`);
    this.name = 'RecordingNotFoundError';
  }
}

/** The operation does not fit the recording's state (e.g. appending to a finished recording). */
export class RecordingStateError extends Error {
  constructor(
    readonly recordingId: string,
    readonly state: RecordingState,
    readonly operation: string,
    detail?: string,
  ) {
    super(`cannot ${operation} recording ${recordingId} while it is ${state}${detail ? `: ${detail}` : ''}`);
    this.name = 'RecordingStateError';
  }
}

/**
 * The browser refused to store a chunk because the disk or the origin's quota is full. The chunk is
 * NOT saved; the agent must be told (audio is being lost) and IT must free space.
 */
export class RecordingStorageFullError extends Error {
  constructor(
    readonly recordingId: string,
    readonly seq: number,
    options?: ErrorOptions,
  ) {
    super(`recording ${recordingId}: chunk ${seq} was not saved because the disk or browser storage quota is full`, options);
    this.name = 'RecordingStorageFullError';
  }
}

export { isRetryableWrite, isStorageRefusal } from '../../../db/storage-refusal';
