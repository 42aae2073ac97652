/**
 * One capture per recorded call: starts it, commits every slice to the store in order, keeps the
 * paused intervals, and closes the recording with its end marker once the last slice is committed.
 * No React and no store globals: the service wires it, and unit tests drive it with fakes.
 */
import type { PausedBy, PausedInterval, ProvisionalTail, RecorderRestart } from '../types';
import { addPause } from './pauses';
import { isRetryableWrite } from '../store';

/** What capture needs from the recording store. */
export interface CaptureStore {
  begin(meta: { callId: string; direction: 'incoming' | 'outgoing'; number: string; mimeType: string; startedAt: number }): Promise<string>;
  append(id: string, data: Blob | ArrayBuffer, atMs: number, tail?: ProvisionalTail): Promise<{ seq: number; commitMs: number }>;
  setTail(id: string, tail: ProvisionalTail): Promise<void>;
  setPaused(id: string, intervals: PausedInterval[]): Promise<void>;
  markRestart(id: string, restart: Omit<RecorderRestart, 'seq'>): Promise<void>;
  finish(id: string, endedAt: number): Promise<void>;
}

/** The capture device for one call (FailoverCapture, EncodedRecorder or StereoRecorder in the app). */
export interface Capture {
  readonly mimeType: string;
  readonly offsetMs: number;
  start(): void;
  /**
   * Pauses or resumes from `atMs` (an offset like offsetMs; a pause may be back-dated into the capture's
   * PCI delay line, not further). Returns the offset it takes effect at.
   */
  setPaused(paused: boolean, atMs: number): number;
  stop(): Promise<void>;
}

export interface CaptureCallbacks {
  /**
   * One slice of the file (`atMs`: its end). `tail`: what a crash now would keep of the audio the capture
   * still holds back (its PCI delay line), replacing the previous one.
   */
  onSlice(data: Blob | ArrayBuffer, atMs: number, tail?: ProvisionalTail): void;
  /** A new provisional end while no slice is ready (optional: only captures with a delay line call it). */
  onTail?(tail: ProvisionalTail): void;
  onError(error: Error): void;
  /** Another recorder took over mid-call (optional: only captures that can fail over call it). */
  onRestart?(restart: Omit<RecorderRestart, 'seq'>): void;
}

export interface CallInfo {
  id: string;
  direction: 'incoming' | 'outgoing';
  number: string;
}

export interface CallRecordingsDeps {
  store: CaptureStore;
  createCapture(call: CallInfo, callbacks: CaptureCallbacks): Capture;
  /** A slice is committed (commitMs for the bench), or could not be (the agent must know). */
  committed(callId: string, commitMs: number): void;
  failed(callId: string, error: unknown): void;
  /** The call's recording is closed; after a failed close (a full disk) that is the retry that worked. */
  closed?(callId: string): void;
  /** How long before closing a recording again after the close failed (attempt 1, 2, …); 5 s doubling to 60 s by default. */
  closeRetryMs?(attempt: number): number;
  changed(callId: string, live: { recordingId: string; paused: boolean } | null): void;
  now(): number;
}

interface Active {
  recordingId: string;
  capture: Capture;
  paused: PausedInterval[];
  /** Every append and manifest write of this call, in order. */
  tail: Promise<unknown>;
}

export class CallRecordings {
  private readonly active = new Map<string, Active>();
  /** Calls whose begin() is in flight: a hang-up during it must still close the recording. */
  private readonly starting = new Map<string, Promise<void>>();

  constructor(private readonly deps: CallRecordingsDeps) {}

  isRecording(callId: string): boolean {
    return this.active.has(callId) || this.starting.has(callId);
  }

  /** Whether the call's capture is paused; undefined when it is not being recorded. */
  isPaused(callId: string): boolean | undefined {
    const entry = this.active.get(callId);
    if (!entry) return undefined;
    const open = entry.paused.at(-1);
    return open !== undefined && open.endMs === undefined;
  }

  /** Starts capturing a call (once). */
  start(call: CallInfo): Promise<void> {
    if (this.isRecording(call.id)) return this.starting.get(call.id) ?? Promise.resolve();
    const started = this.begin(call).finally(() => this.starting.delete(call.id));
    this.starting.set(call.id, started);
    return started;
  }

  /**
   * Pauses or resumes one call's capture; `by` goes into the manifest. A pause may be back-dated to
   * `fromEpochMs` (the PCI guard's: the start of the utterance that triggered it); it reaches back as far as
   * the capture's delay line allows, and a pause reaching into the previous one continues it. Returns
   * false when not recording.
   */
  setPaused(callId: string, paused: boolean, by: PausedBy, reason?: string, fromEpochMs?: number): boolean {
    const entry = this.active.get(callId);
    if (!entry) return false;
    const open = entry.paused.at(-1);
    const isPaused = open !== undefined && open.endMs === undefined;
    if (paused === isPaused) return true;
    // The PCI guard lifts only its own pause: a pause the agent chose stays until the agent resumes.
    if (!paused && by === 'pci-guard' && open?.by !== 'pci-guard') return true;
    const now = entry.capture.offsetMs;
    const back = paused && fromEpochMs !== undefined ? Math.max(0, this.deps.now() - fromEpochMs) : 0;
    const at = entry.capture.setPaused(paused, now - back);
    if (paused) addPause(entry.paused, { startMs: at, by, ...(reason ? { reason } : {}) });
    else if (open) open.endMs = Math.max(at, open.startMs);
    const snapshot = entry.paused.map((interval) => ({ ...interval }));
    this.enqueue(callId, entry, () => this.deps.store.setPaused(entry.recordingId, snapshot));
    this.deps.changed(callId, { recordingId: entry.recordingId, paused });
    return true;
  }

  /** Stops a call's capture and closes its recording after the last slice is committed. */
  async stop(callId: string): Promise<void> {
    await this.starting.get(callId);
    const entry = this.active.get(callId);
    if (!entry) return;
    this.active.delete(callId);
    this.deps.changed(callId, null);
    await entry.capture.stop();
    const open = entry.paused.at(-1);
    if (open && open.endMs === undefined) {
      open.endMs = entry.capture.offsetMs;
      const snapshot = entry.paused.map((interval) => ({ ...interval }));
      this.enqueue(callId, entry, () => this.deps.store.setPaused(entry.recordingId, snapshot));
    }
    const endedAt = this.deps.now();
    await this.enqueue(callId, entry, () => this.close(callId, entry.recordingId, endedAt, 1));
  }

  /**
   * Closes the recording; when the storage refuses (a full disk), reports it and tries again later, so a
   * recording outlives the problem and uploads once space is back instead of waiting for a restart's recovery.
   */
  private async close(callId: string, recordingId: string, endedAt: number, attempt: number): Promise<void> {
    try {
      await this.deps.store.finish(recordingId, endedAt);
    } catch (error) {
      this.deps.failed(callId, error);
      // Only a refused write is worth another go; any other failure would fail the same way every time.
      if (!isRetryableWrite(error)) return;
      const delay = this.deps.closeRetryMs?.(attempt) ?? Math.min(60_000, 5_000 * 2 ** (attempt - 1));
      setTimeout(() => void this.close(callId, recordingId, endedAt, attempt + 1), delay);
      return;
    }
    this.deps.closed?.(callId);
  }

  /** Stops every capture (the app is closing). */
  async stopAll(): Promise<void> {
    await Promise.all([...new Set([...this.active.keys(), ...this.starting.keys()])].map((id) => this.stop(id)));
  }

  private async begin(call: CallInfo): Promise<void> {
    // Filled once the recording exists; capture starts only after that, so every slice finds it.
    const holder: { entry?: Active } = {};
    const capture = this.deps.createCapture(call, {
      onSlice: (data, atMs, tail) => {
        const target = holder.entry;
        if (!target) return;
        this.enqueue(call.id, target, async () => {
          const { commitMs } = await this.deps.store.append(target.recordingId, data, atMs, tail);
          this.deps.committed(call.id, commitMs);
        });
      },
      onTail: (tail) => {
        const target = holder.entry;
        if (target) this.enqueue(call.id, target, () => this.deps.store.setTail(target.recordingId, tail));
      },
      onError: (error) => this.deps.failed(call.id, error),
      onRestart: (restart) => {
        const target = holder.entry;
        if (target) this.enqueue(call.id, target, () => this.deps.store.markRestart(target.recordingId, restart));
      },
    });
    const recordingId = await this.deps.store.begin({
      callId: call.id,
      direction: call.direction,
      number: call.number,
      mimeType: capture.mimeType,
      startedAt: this.deps.now(),
    });
    const entry: Active = { recordingId, capture, paused: [], tail: Promise.resolve() };
    holder.entry = entry;
    this.active.set(call.id, entry);
    capture.start();
    this.deps.changed(call.id, { recordingId, paused: false });
  }

  private enqueue(callId: string, entry: Active, step: () => Promise<unknown>): Promise<unknown> {
    entry.tail = entry.tail.then(step).catch((error: unknown) => this.deps.failed(callId, error));
    return entry.tail;
  }
}
