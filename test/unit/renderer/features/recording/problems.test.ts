import { describe, expect, it } from 'vitest';
import { recordingProblemOf } from '@renderer/features/recording/problems';
import { RecordingStorageFullError } from '@renderer/features/recording/store';

describe('recordingProblemOf', () => {
  it('tells a full disk from a refused capture and any other save failure, with the message as detail', () => {
    expect(recordingProblemOf(new RecordingStorageFullError('r-1', 3))).toEqual({
      code: 'disk-full',
      detail: 'recording r-1: chunk 3 was not saved because the disk or browser storage quota is full',
    });
    expect(recordingProblemOf(new DOMException('quota', 'QuotaExceededError'))).toMatchObject({ code: 'disk-full' });
    expect(recordingProblemOf(new DOMException('no codec', 'NotSupportedError'))).toMatchObject({ code: 'capture-failed' });
    expect(recordingProblemOf(new TypeError('chunk lost'))).toEqual({ code: 'save-failed', detail: 'chunk lost' });
  });

  it('keeps what was thrown as the detail when it is not an Error', () => {
    expect(recordingProblemOf('transaction aborted')).toEqual({ code: 'save-failed', detail: 'transaction aborted' });
  });
});
