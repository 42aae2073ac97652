/** Maps what went wrong while recording to a problem code the UI explains to the agent. */
import { errorMessage } from '@common/errors';
import type { RecordingProblem } from './recording-slice';
import { isStorageRefusal, RecordingStorageFullError } from './store';

/** A full disk (the storage refused the write: quota or I/O, or the store's typed error) vs any other save failure. */
export function recordingProblemOf(error: unknown): RecordingProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = errorMessage(error);
  if (error instanceof RecordingStorageFullError || isStorageRefusal(error)) return { code: 'disk-full', detail };
  if (name === 'NotSupportedError' || name === 'SecurityError') return { code: 'capture-failed', detail };
  return { code: 'save-failed', detail };
}
