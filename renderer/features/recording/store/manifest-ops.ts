/** Reading and changing one manifest row inside a transaction, and the paused-interval rules. */
import type { PausedBy, PausedInterval, RecordingManifest, RecordingState } from '../types';
import { RecordingNotFoundError, RecordingStateError } from './errors';
import type { RecordingsDb } from './recordings-db';

/**
 * Changes one manifest in its own transaction, after checking its state is one of `allowed`
 * (`operation` names the change in the error). Returns the manifest as committed.
 */
export function updateManifest(
  db: RecordingsDb,
  id: string,
  operation: string,
  allowed: readonly RecordingState[] | 'any',
  mutate: (manifest: RecordingManifest) => void,
): Promise<RecordingManifest> {
  return db.transaction('rw', db.recordings, async () => {
    const manifest = await db.recordings.get(id);
    if (!manifest) throw new RecordingNotFoundError(id);
    if (allowed !== 'any' && !allowed.includes(manifest.state)) throw new RecordingStateError(id, manifest.state, operation);
    mutate(manifest);
    await db.recordings.put(manifest);
    return manifest;
  });
}

/** A new recording's call data. */
export interface BeginRecording {
  callId: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  /** MediaRecorder.mimeType, e.g. `audio/webm;codecs=opus`. */
  mimeType: string;
  /** Epoch ms of the first captured audio. */
  startedAt: number;
}

/** The manifest of a recording that starts now (state `recording`, no chunks), after checking the call data. */
export function newManifest(call: BeginRecording): RecordingManifest {
  if (!call.callId) throw new RangeError('begin: callId is required');
  if (call.direction !== 'incoming' && call.direction !== 'outgoing') throw new RangeError('begin: direction must be incoming or outgoing');
  if (typeof call.number !== 'string') throw new RangeError('begin: number must be a string (may be empty when withheld)');
  if (!call.mimeType) throw new RangeError('begin: mimeType is required (MediaRecorder.mimeType)');
  if (!Number.isFinite(call.startedAt)) throw new RangeError('begin: startedAt must be epoch ms');
  return {
    id: crypto.randomUUID(),
    callId: call.callId,
    direction: call.direction,
    number: call.number,
    startedAt: call.startedAt,
    state: 'recording',
    mimeType: call.mimeType,
    chunks: 0,
    bytes: 0,
    chainHead: '',
    paused: [],
    chain: 2,
  };
}

const pausedBy: readonly PausedBy[] = ['agent', 'pci-guard', 'api'];

/** Checks paused intervals: offsets ≥ 0, each ends after it starts, in order, not overlapping, only the last open. */
export function validatePaused(intervals: readonly PausedInterval[]): PausedInterval[] {
  let previousEnd = 0;
  intervals.forEach((interval, index) => {
    const where = `paused[${index}]`;
    if (!Number.isFinite(interval.startMs) || interval.startMs < previousEnd) {
      throw new RangeError(`${where}.startMs must be a number ≥ 0 and ≥ the previous interval's end, got ${interval.startMs}`);
    }
    if (!pausedBy.includes(interval.by)) throw new RangeError(`${where}.by must be one of ${pausedBy.join(', ')}`);
    if (interval.endMs === undefined) {
      if (index !== intervals.length - 1) throw new RangeError(`${where} has no endMs but is not the last interval`);
      return;
    }
    if (!Number.isFinite(interval.endMs) || interval.endMs < interval.startMs) {
      throw new RangeError(`${where}.endMs must be ≥ its startMs, got ${interval.endMs}`);
    }
    previousEnd = interval.endMs;
  });
  return intervals.map((interval) => ({ ...interval }));
}

/** The intervals with an open (last) one closed at `atMs`, or at its own start if that is later. */
export function closeOpenPause(intervals: readonly PausedInterval[], atMs: number): PausedInterval[] {
  return intervals.map((interval) =>
    interval.endMs === undefined ? { ...interval, endMs: Math.max(interval.startMs, atMs) } : { ...interval },
  );
}
