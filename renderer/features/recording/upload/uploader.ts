/**
 * The upload queue: sends every finished recording (saved, recovered, or left 'uploading' by a restart)
 * to the bank's recording store as two tus uploads, audio then manifest, one recording at a time. A
 * recording counts as uploaded only when the store acknowledged both parts with their SHA-256; failed
 * attempts are retried with exponential backoff and full jitter. A damaged recording is never sent as
 * sound: it goes to the store's quarantine (tus metadata `quarantine=1`) with what verified of its audio
 * and its verdict in the manifest part, so the bank records a gap instead of nothing.
 */
import type { UrlStorage } from 'tus-js-client';
import { errorMessage } from '@common/errors';
import type { Logger } from '@common/logging/logger';
import { DamagedRecordingError, type QuarantineExport, type RecordingExport, type RecordingManifest } from '../types';
import { backoffDelay, checkBackoff } from './backoff';
import { startPartUpload, storeRefusal, UploadAbortedError, type PartName, type PartUpload, type RequestHeaders, type StoreRefusal, type TusOverrides } from './part-upload';
import { recordingParts, type RecordingPart } from './upload-parts';
import { uploadFingerprint } from './url-storage';

/** What the queue needs from the recording cache (the store's RecordingStore satisfies it). */
export interface UploadQueueStore {
  list(): Promise<readonly RecordingManifest[]>;
  /** The audio as one file plus its manifest; throws DamagedRecordingError when the hash chain is broken. */
  export(id: string): Promise<RecordingExport>;
  markUploading(id: string): Promise<unknown>;
  markUploadFailed(id: string, error: string, nextAttemptAt: number): Promise<unknown>;
  markUploaded(id: string, ack: { urls: string[]; uploadedAt: number }, retentionDays: number): Promise<unknown>;
  /** A damaged recording's verified audio and its verdict, for the store's quarantine. */
  exportQuarantine(id: string): Promise<QuarantineExport>;
  /** The quarantine acknowledged it: it stays damaged, with `quarantinedAt`. */
  markQuarantined(id: string, ack: { urls: string[]; uploadedAt: number }): Promise<unknown>;
  /** Deletes the local audio of uploaded recordings past their retention. */
  purgeExpired(now: number): Promise<unknown>;
  onChange(listener: () => void): () => void;
}

/** The policy's upload settings (recording.* keys, seconds already turned into ms). */
export interface UploaderConfig {
  /** The store's tus creation endpoint. */
  uploadUrl: string;
  retentionDays: number;
  uploadDuringCalls: boolean;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** tus metadata every part carries (the app version and the policy's hash: upload-wiring.ts's uploadOrigin). */
  metadata?: Record<string, string>;
}

export interface UploadProgress {
  recordingId: string;
  part: PartName;
  sent: number;
  total: number;
}

export interface UploaderDeps {
  store: UploadQueueStore;
  /** Where resumable upload URLs are kept across restarts: dexieUrlStorage(db.tusUploads). */
  urlStorage: UrlStorage;
  /** tus-js-client's retries inside one attempt (default 0, 1, 3, 5 s). */
  retryDelays?: number[];
  /** Bytes per PATCH (default 16 MiB): bounded requests pass proxies' body limits and checkpoint progress. */
  chunkSize?: number;
  /** How often uploaded recordings past retention are purged (default hourly). */
  purgeEveryMs?: number;
  now?: () => number;
  random?: () => number;
  log?: Pick<Logger, 'info' | 'warn'>;
  onProgress?: (progress: UploadProgress) => void;
  /** The host's headers for each request to the store (LingxiApi `recordingUpload.headers`: the browser host's token). */
  requestHeaders?: RequestHeaders;
  /**
   * The store refused the client's credential (401, 403: the attempt failed and waits out its backoff, or a
   * retryNow() once the agent saved a token), or, with null, acknowledged an upload (the credential works).
   */
  onStoreRefusal?: (refusal: StoreRefusal | null) => void;
  tus?: TusOverrides;
}

type OptionalDeps = 'onProgress' | 'tus' | 'requestHeaders' | 'onStoreRefusal';

const QUEUED_STATES = new Set<RecordingManifest['state']>(['saved', 'recovered', 'uploading']);
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The failure as the manifest keeps it (upload.lastError): the message, bounded. */
const failureReason = (error: unknown): string => errorMessage(error).slice(0, 1000);

/**
 * The upload queue. `start()` it once the cache is open; `setCallActive()` from the phone's call state;
 * `dispose()` on shutdown (an upload in flight stays resumable for the next session).
 */
export class RecordingUploader {
  private readonly deps: Required<Omit<UploaderDeps, OptionalDeps>> & Pick<UploaderDeps, OptionalDeps>;
  private readonly pauses = new Set<string>();
  /** Failed quarantine attempts per recording in this session (a damaged recording never counts `attempts` up). */
  private readonly quarantineAttempts = new Map<string, number>();
  /** Parts acknowledged in this session, by fingerprint: a retry after the manifest failed does not resend the audio. */
  private readonly acked = new Map<string, string>();
  /** In-memory backoff, in case the store does not keep nextAttemptAt. */
  private readonly notBefore = new Map<string, number>();
  private forceAll = false;
  private forced = new Set<string>();
  private active: { recordingId: string; part: PartUpload } | null = null;
  private draining = false;
  private dirty = false;
  private disposed = false;
  private started = false;
  private wake: ReturnType<typeof setTimeout> | undefined;
  private purgeTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly config: UploaderConfig,
    deps: UploaderDeps,
  ) {
    checkBackoff({ baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs });
    if (!/^https?:\/\//.test(config.uploadUrl)) throw new Error(`recording.uploadUrl must be an http(s) URL, got "${config.uploadUrl}"`);
    if (!(config.retentionDays >= 0)) throw new RangeError(`recording.retentionDays must be ≥ 0, got ${config.retentionDays}`);
    this.deps = {
      ...deps,
      retryDelays: deps.retryDelays ?? [0, 1000, 3000, 5000],
      chunkSize: deps.chunkSize ?? 16 * 1024 * 1024,
      purgeEveryMs: deps.purgeEveryMs ?? 60 * 60 * 1000,
      now: deps.now ?? (() => Date.now()),
      random: deps.random ?? Math.random,
      log: deps.log ?? { info: () => undefined, warn: () => undefined },
    };
  }

  /** Starts watching the store: uploads what is queued now and whatever is saved later. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    this.unsubscribe = this.deps.store.onChange(() => this.kick());
    this.purgeTimer = setInterval(() => void this.purge(), this.deps.purgeEveryMs);
    void this.purge();
    this.kick();
  }

  /** Whether uploads are held (by pause() or by a call when the policy forbids uploading during calls). */
  get paused(): boolean {
    return this.pauses.size > 0;
  }

  /** The recording being uploaded now, if any. */
  get uploading(): string | null {
    return this.active?.recordingId ?? null;
  }

  /** Holds uploads; one in flight is aborted and stays resumable from the store's offset. */
  pause(reason = 'manual'): void {
    this.pauses.add(reason);
    this.active?.part.abort();
  }

  /** Lifts a pause(reason); uploads continue once no reason is left. */
  resume(reason = 'manual'): void {
    this.pauses.delete(reason);
    if (!this.paused) this.kick();
  }

  /** Tells the queue a call is up or over: uploads are held during calls unless recording.uploadDuringCalls. */
  setCallActive(active: boolean): void {
    if (this.config.uploadDuringCalls) return;
    if (active) this.pause('call');
    else this.resume('call');
  }

  /** Retries every waiting recording now, ignoring its backoff once (e.g. when the network comes back). */
  retryNow(): void {
    this.forceAll = true;
    this.kick();
  }

  /** Stops for good: no new attempts, the one in flight aborted (resumable next session). */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    clearTimeout(this.wake);
    clearInterval(this.purgeTimer);
    this.active?.part.abort();
  }

  private get blocked(): boolean {
    return this.disposed || this.paused || !this.started;
  }

  private kick(): void {
    if (this.blocked) return;
    if (this.draining) {
      this.dirty = true;
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      do {
        this.dirty = false;
        const next = await this.nextDue();
        if (this.blocked) break;
        if (next.recording) {
          await this.upload(next.recording);
          this.dirty = true;
        } else {
          this.armWake(next.wakeAt);
        }
      } while (this.dirty && !this.blocked);
    } catch (error) {
      this.deps.log.warn('upload queue failed', error);
      this.armWake(this.deps.now() + this.config.backoffBaseMs);
    } finally {
      this.draining = false;
    }
  }

  private async nextDue(): Promise<{ recording?: RecordingManifest; wakeAt: number }> {
    const now = this.deps.now();
    const waiting = (await this.deps.store.list())
      .filter((r) => (QUEUED_STATES.has(r.state) || (r.state === 'damaged' && r.quarantinedAt === undefined)) && !r.audioDeleted)
      .sort((a, b) => a.startedAt - b.startedAt);
    if (this.forceAll) {
      this.forced = new Set(waiting.map((r) => r.id));
      this.forceAll = false;
    }
    const dueAt = (r: RecordingManifest): number =>
      this.forced.has(r.id) ? 0 : Math.max(r.upload?.nextAttemptAt ?? 0, this.notBefore.get(r.id) ?? 0);
    const recording = waiting.find((r) => dueAt(r) <= now);
    if (recording) this.forced.delete(recording.id);
    return { ...(recording ? { recording } : {}), wakeAt: Math.min(Infinity, ...waiting.map(dueAt)) };
  }

  private armWake(at: number): void {
    clearTimeout(this.wake);
    if (!Number.isFinite(at) || this.disposed) return;
    this.wake = setTimeout(() => this.kick(), Math.min(Math.max(0, at - this.deps.now()), MAX_TIMER_MS));
  }

  private async upload(recording: RecordingManifest): Promise<void> {
    if (recording.state === 'damaged') return this.quarantine(recording.id);
    const { store, log } = this.deps;
    // Attempts started before this one (markUploading counts them): the backoff exponent if this one fails.
    const attempt = recording.upload?.attempts ?? 0;
    let parts: RecordingPart[];
    try {
      parts = await recordingParts(await store.export(recording.id), this.config.metadata);
    } catch (error) {
      if (error instanceof DamagedRecordingError) {
        // Never sent as if sound: it goes to the quarantine with its verdict.
        log.warn(`recording ${recording.id} not uploaded as sound: ${error.message}`);
        return this.quarantine(recording.id);
      }
      return this.fail(recording.id, attempt, error);
    }
    if (this.blocked) return;
    try {
      await store.markUploading(recording.id);
      const urls: string[] = [];
      for (const part of parts) urls.push(await this.sendPart(recording.id, part));
      await store.markUploaded(recording.id, { urls, uploadedAt: this.deps.now() }, this.config.retentionDays);
      for (const part of parts) this.acked.delete(uploadFingerprint(recording.id, part.name, part.sha256));
      this.notBefore.delete(recording.id);
      this.deps.onStoreRefusal?.(null);
      log.info(`recording ${recording.id} uploaded and acknowledged`);
      if (this.config.retentionDays === 0) await this.purge();
    } catch (error) {
      // A pause is not a failure: the recording stays 'uploading' and resumes from the store's offset.
      if (error instanceof UploadAbortedError) return;
      await this.fail(recording.id, attempt, error);
    }
  }

  /** Sends a damaged recording to the store's quarantine: the audio that verified and the verdict. */
  private async quarantine(recordingId: string): Promise<void> {
    const { store, log } = this.deps;
    const attempt = this.quarantineAttempts.get(recordingId) ?? 0;
    try {
      const exported = await store.exportQuarantine(recordingId);
      const parts = await recordingParts(exported, { ...this.config.metadata, quarantine: '1' });
      if (this.blocked) return;
      const urls: string[] = [];
      for (const part of parts) urls.push(await this.sendPart(recordingId, part));
      await store.markQuarantined(recordingId, { urls, uploadedAt: this.deps.now() });
      for (const part of parts) this.acked.delete(uploadFingerprint(recordingId, part.name, part.sha256));
      this.notBefore.delete(recordingId);
      this.quarantineAttempts.delete(recordingId);
      this.deps.onStoreRefusal?.(null);
      log.warn(`recording ${recordingId} is damaged (${exported.manifest.quarantine.detail}): sent to the store's quarantine with its verdict`);
    } catch (error) {
      if (error instanceof UploadAbortedError) return;
      this.quarantineAttempts.set(recordingId, attempt + 1);
      await this.fail(recordingId, attempt, error);
    }
  }

  private async sendPart(recordingId: string, part: RecordingPart): Promise<string> {
    const key = uploadFingerprint(recordingId, part.name, part.sha256);
    const acked = this.acked.get(key);
    if (acked) return acked;
    if (this.blocked) throw new UploadAbortedError(part.name);
    const { onProgress, requestHeaders } = this.deps;
    const upload = startPartUpload({
      endpoint: this.config.uploadUrl,
      recordingId,
      part: part.name,
      data: part.data,
      sha256: part.sha256,
      metadata: part.metadata,
      urlStorage: this.deps.urlStorage,
      retryDelays: this.deps.retryDelays,
      chunkSize: this.deps.chunkSize,
      ...(onProgress ? { onProgress: (sent: number, total: number) => onProgress({ recordingId, part: part.name, sent, total }) } : {}),
      ...(requestHeaders ? { requestHeaders } : {}),
      ...(this.deps.tus ? { tus: this.deps.tus } : {}),
    });
    this.active = { recordingId, part: upload };
    try {
      const { url } = await upload.done;
      this.acked.set(key, url);
      return url;
    } finally {
      this.active = null;
    }
  }

  private async fail(recordingId: string, attempt: number, error: unknown): Promise<void> {
    const nextAttemptAt = this.deps.now() + backoffDelay(attempt, { baseMs: this.config.backoffBaseMs, maxMs: this.config.backoffMaxMs }, this.deps.random);
    this.notBefore.set(recordingId, nextAttemptAt);
    this.deps.log.warn(`recording ${recordingId} upload attempt ${attempt + 1} failed, next in ${nextAttemptAt - this.deps.now()} ms`, error);
    const refusal = storeRefusal(error);
    if (refusal) this.deps.onStoreRefusal?.(refusal);
    try {
      await this.deps.store.markUploadFailed(recordingId, failureReason(error), nextAttemptAt);
    } catch (markError) {
      this.deps.log.warn(`recording ${recordingId}: could not record the failed upload`, markError);
    }
  }

  private async purge(): Promise<void> {
    try {
      await this.deps.store.purgeExpired(this.deps.now());
    } catch (error) {
      this.deps.log.warn('recording retention purge failed', error);
    }
  }
}
