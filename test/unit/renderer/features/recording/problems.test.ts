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

  it('counts a disk Chromium cannot write to as full: the I/O UnknownError, also inside Dexie errors', () => {
    // What a disk filled to the last byte gives (test/e2e/disk-full.spec.ts): the reopen of the closed database fails.
    const unknown = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    const closed = Object.assign(new Error(`UnknownError ${unknown.message}`), { name: 'DatabaseClosedError', inner: unknown });
    expect(recordingProblemOf(unknown)).toMatchObject({ code: 'disk-full' });
    expect(recordingProblemOf(closed)).toMatchObject({ code: 'disk-full', detail: closed.message });
    expect(recordingProblemOf(new Error('commit failed', { cause: new DOMException('quota', 'QuotaExceededError') }))).toMatchObject({ code: 'disk-full' });
    // An abort with nothing behind it is not evidence of a full disk.
    expect(recordingProblemOf(new DOMException('The transaction was aborted', 'AbortError'))).toMatchObject({ code: 'save-failed' });
  });

  it('keeps what was thrown as the detail when it is not an Error', () => {
    expect(recordingProblemOf('transaction aborted')).toEqual({ code: 'save-failed', detail: 'transaction aborted' });
  });
});
