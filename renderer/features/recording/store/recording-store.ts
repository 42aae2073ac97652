/**
 * The local recording cache: encrypted, hash-chained chunks and their manifests in the strict-durability
 * `lingxi-recordings` database. Capture calls begin / append / setPaused / finish; the uploader calls
 * export and the mark* transitions; the UI lists, verifies and plays. A chunk is saved once `append`
 * resolves (its transaction committed); unuploaded audio is never deleted to make room.
 */
import type { Logger } from '@common/logging/logger';
import { DamagedRecordingError, type EndReason, type PausedInterval, type ProvisionalTail, type QuarantineExport, type RecorderRestart, type RecordingExport, type RecordingManifest, type VerifyResult } from '../types';
import type { StoreKeys } from './chunk-commit';
import { sealEnd } from './end-record';
import { ChunkWriter } from './chunk-writer';
import { RecordingNotFoundError, RecordingStateError, RecordingStorageFullError } from './errors';
import { holdLiveLock, liveElsewhere, type LocksLike } from './live-locks';
import { closeOpenPause, newManifest, updateManifest, validatePaused, type BeginRecording } from './manifest-ops';
import { requestPersistence, type StorageLike } from './persistence';
import { QuotaTracker, type CacheUsage, type QuotaEvent, type QuotaLimits } from './quota';
import { enforceLimit } from './quota-enforcer';
import { buildExport, buildQuarantine, readSnapshot, readVerified, readVerifiedPrefix } from './recording-reader';
import { loadRecordingKey, type KeyHost, type RecordingKeyStatus } from './recording-key';
import type { RecordingsDb } from './recordings-db';
import { adoptTail, recoverOpenRecordings } from './recovery';
import * as uploads from './upload-states';

/** What a store needs from its surroundings (index.ts's createRecordingStore fills in the app's). */
export interface RecordingStoreDeps extends QuotaLimits {
  db: RecordingsDb;
  host: KeyHost;
  log: Logger;
  /** navigator.storage, or null where there is none. */
  storage: StorageLike | null;
  /** navigator.locks, or null where there is none. */
  locks: LocksLike | null;
}

/** What settings show about the cache. */
export interface RecordingStoreStatus {
  /** The browser promised not to evict the cache under storage pressure (navigator.storage.persist()). */
  persisted: boolean;
  /** The recording key's id and protection (`weak`: no OS keyring; IT's log has a line about it). */
  key: RecordingKeyStatus;
}

/** A committed chunk: its position, and ms from the append call to its transaction's commit. */
export interface AppendResult {
  seq: number;
  commitMs: number;
}

/** The recording cache (one per window). */
export class RecordingStore {
  private readonly writer: ChunkWriter;
  private readonly quota: QuotaTracker;
  private readonly live = new Map<string, () => void>();
  private readonly changeListeners = new Set<(manifest: RecordingManifest) => void>();
  private opening?: Promise<RecordingStoreStatus>;
  private opened?: RecordingStoreStatus;
  private keys?: StoreKeys;
  private usageNow: CacheUsage;
  private quotaWork: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RecordingStoreDeps) {
    this.quota = new QuotaTracker(deps, deps.log);
    this.usageNow = { bytes: 0, pendingBytes: 0, limitBytes: this.quota.limitBytes };
    this.writer = new ChunkWriter(deps.db, () => this.storeKeys());
  }

  /** Opens the cache: asks for persistent storage, loads (or creates) the key, reads usage. Idempotent. */
  open(): Promise<RecordingStoreStatus> {
    this.opening ??= this.openOnce().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private async openOnce(): Promise<RecordingStoreStatus> {
    await this.deps.db.open();
    const persisted = await requestPersistence(this.deps.storage, this.deps.log);
    const { key, chainKey, ...keyStatus } = await loadRecordingKey(this.deps.db, this.deps.host, this.deps.log);
    this.keys = { key, chainKey };
    await this.checkQuota();
    this.opened = { persisted, key: keyStatus };
    return this.opened;
  }

  /** Persistence and key protection, once open() resolved. */
  get status(): RecordingStoreStatus | undefined {
    return this.opened;
  }

  /** The recording key has only weak protection (no OS keyring): settings should say so. */
  get keyWeak(): boolean {
    return this.opened?.key.protection === 'weak';
  }

  private async storeKeys(): Promise<StoreKeys> {
    await this.open();
    if (!this.keys) throw new Error('the recording key is not loaded');
    return this.keys;
  }

  /** Starts a recording (state `recording`, no chunks yet) and returns its id. */
  async begin(call: BeginRecording): Promise<string> {
    const manifest = newManifest(call);
    await this.open();
    await this.deps.db.recordings.add(manifest);
    this.live.set(manifest.id, holdLiveLock(this.deps.locks, manifest.id, this.deps.log));
    this.changed(manifest);
    return manifest.id;
  }

  /**
   * Encrypts and commits one slice (`atMs`: its end, ms from the start); resolves once its transaction
   * committed. Appends to one recording commit in call order. Throws RecordingStorageFullError when
   * the disk or browser quota refuses the chunk (it is then not saved). `tail`, the capture's provisional
   * end after this slice, replaces the recording's previous one in the same transaction (recovery.ts).
   */
  async append(id: string, data: Blob | ArrayBuffer, atMs: number, tail?: ProvisionalTail): Promise<AppendResult> {
    const calledAt = performance.now();
    if (!Number.isFinite(atMs) || atMs < 0) throw new RangeError(`append: atMs must be ms ≥ 0 from the recording's start, got ${atMs}`);
    if (tail && !(tail.endMs >= atMs && tail.withheldFromMs >= 0 && tail.withheldFromMs <= tail.endMs)) {
      throw new RangeError(`append: a tail must end at or after its slice (${atMs} ms) and withhold within itself, got ${tail.withheldFromMs}–${tail.endMs} ms`);
    }
    let committed;
    try {
      committed = await this.writer.append(id, data, atMs, tail);
    } catch (error) {
      if (error instanceof RecordingStorageFullError) this.quota.storageRefused();
      throw error;
    }
    this.changed(committed.manifest);
    const bytes = this.usageNow.bytes + committed.plainBytes;
    this.usageNow = { ...this.usageNow, bytes, pendingBytes: this.usageNow.pendingBytes + committed.plainBytes };
    // Only a cache at its limit needs the database (early purge); otherwise the running total will do.
    if (this.quota.levelFor(bytes) === 'full') await this.checkQuota().catch((error: unknown) => this.logFailure('quota check', error));
    else this.quota.update(this.usageNow);
    return { seq: committed.seq, commitMs: committed.committedAt - calledAt };
  }

  /** Keeps the capture's provisional end (see ProvisionalTail) while no slice is ready to carry it. */
  async setTail(id: string, tail: ProvisionalTail): Promise<void> {
    if (!(tail.withheldFromMs >= 0 && tail.withheldFromMs <= tail.endMs)) throw new RangeError(`setTail: need 0 ≤ withheldFromMs ≤ endMs, got ${tail.withheldFromMs} and ${tail.endMs}`);
    await this.writer.setTail(id, tail);
  }

  /** Replaces the paused intervals (offsets in ms from the start; only the last may still be open). */
  async setPaused(id: string, intervals: readonly PausedInterval[]): Promise<void> {
    const paused = validatePaused(intervals);
    this.changed(await updateManifest(this.deps.db, id, 'set the pauses of', ['recording'], (m) => void (m.paused = paused)));
  }

  /**
   * Marks where another recorder took over (after every chunk queued so far committed, so `seq` is the
   * new recorder's first chunk). The Recordings list shows it as "recorder restarted at 00:41".
   */
  async markRestart(id: string, restart: Omit<RecorderRestart, 'seq'>): Promise<void> {
    if (!Number.isFinite(restart.atMs) || !Number.isFinite(restart.lastAudioMs) || restart.lastAudioMs > restart.atMs) {
      throw new RangeError(`markRestart: need 0 ≤ lastAudioMs ≤ atMs, got ${restart.lastAudioMs} and ${restart.atMs}`);
    }
    if (!restart.mimeType) throw new RangeError('markRestart: mimeType is required');
    await this.writer.drain(id);
    // The old recorder's provisional end closes its part of the file (its worker is gone with the delay
    // line's audio): the agent's audio of the line is kept, the customer's withheld.
    const tailEnd = await adoptTail(this.deps.db, id, 'unvetted-at-restart');
    this.writer.forget(id);
    const lastAudioMs = Math.min(restart.atMs, Math.max(restart.lastAudioMs, tailEnd ?? 0));
    const manifest = await updateManifest(this.deps.db, id, 'mark a recorder restart in', ['recording'], (m) => {
      m.restarts = [...(m.restarts ?? []), { ...restart, lastAudioMs, seq: m.chunks }];
    });
    this.changed(manifest);
  }

  /**
   * Writes the end marker once every queued chunk committed: state `saved`; an open pause ends there.
   * A keyed recording gets its end record (chunk count, chain head, `reason`) sealed under the chain key.
   */
  async finish(id: string, endedAt: number, reason: EndReason = 'call-ended'): Promise<void> {
    if (!Number.isFinite(endedAt)) throw new RangeError('finish: endedAt must be epoch ms');
    await this.writer.drain(id);
    const { chainKey } = await this.storeKeys();
    const current = await this.get(id);
    if (current.state !== 'recording') throw new RecordingStateError(id, current.state, 'finish');
    const endedAtMs = Math.max(current.startedAt, endedAt);
    const closed: RecordingManifest = { ...current, endedAt: endedAtMs, paused: closeOpenPause(current.paused, endedAtMs - current.startedAt) };
    const end = current.chain === 2 ? await sealEnd(chainKey, closed, reason) : undefined;
    const manifest = await updateManifest(this.deps.db, id, 'finish', ['recording'], (m) => {
      // The seal covers what was read above: a pause or restart written meanwhile must not slip past it.
      if (m.chunks !== closed.chunks || JSON.stringify([m.paused, m.restarts]) !== JSON.stringify([current.paused, current.restarts])) {
        throw new RecordingStateError(id, m.state, 'finish', 'it changed while its end record was sealed');
      }
      Object.assign(m, { endedAt: closed.endedAt, paused: closed.paused, state: 'saved' }, end ? { end } : {});
    });
    // Normally the last slice took it away; not when the recorder never delivered one (a dead tap worker).
    await this.deps.db.tails.delete(id);
    this.live.get(id)?.();
    this.live.delete(id);
    this.writer.forget(id);
    this.changed(manifest);
  }

  /**
   * Closes recordings left open by a crash as `recovered` with every committed chunk, a keyed one with an
   * end record of reason `crash` (what was known at recovery); returns their ids.
   */
  async recover(now = Date.now()): Promise<string[]> {
    const { chainKey } = await this.storeKeys();
    const elsewhere = await liveElsewhere(this.deps.locks);
    const closed = await recoverOpenRecordings(this.deps.db, now, (id) => this.live.has(id) || elsewhere.has(id), (m) => sealEnd(chainKey, m, 'crash'));
    if (closed.length) {
      this.deps.log.warn(`recovered ${closed.length} recording(s) left open by a crash: ${closed.map((m) => `${m.id} (${m.chunks} chunks)`).join(', ')}`);
    }
    for (const manifest of closed) this.changed(manifest);
    return closed.map((manifest) => manifest.id);
  }

  /** Every recording, newest first. */
  list(): Promise<RecordingManifest[]> {
    return this.deps.db.recordings.orderBy('startedAt').reverse().toArray();
  }

  /** One recording's manifest; throws RecordingNotFoundError. */
  async get(id: string): Promise<RecordingManifest> {
    const manifest = await this.deps.db.recordings.get(id);
    if (!manifest) throw new RecordingNotFoundError(id);
    return manifest;
  }

  /** Checks the chain and decrypts every chunk; a broken recording is marked `damaged` with the first bad chunk. */
  async verify(id: string): Promise<VerifyResult> {
    return (await this.read(id, false)).verdict;
  }

  /**
   * The recording as one verified, decrypted file plus the upload manifest (also used for playback).
   * Throws DamagedRecordingError (and marks it damaged) when it does not verify.
   */
  async export(id: string): Promise<RecordingExport> {
    const { verdict, manifest, chunks, plaintexts } = await this.read(id, true);
    if (!verdict.ok) throw new DamagedRecordingError(id, verdict.seq, verdict.reason);
    return buildExport(manifest, chunks, plaintexts);
  }

  /**
   * A damaged recording for the store's quarantine: the audio that verified before its first broken
   * chunk, with the verdict. Throws RecordingStateError when the recording verifies (upload it as sound).
   */
  async exportQuarantine(id: string): Promise<QuarantineExport> {
    const keys = await this.storeKeys();
    const { verdict, manifest, chunks } = await this.read(id, false);
    if (verdict.ok) throw new RecordingStateError(id, manifest.state, 'quarantine', 'it verifies; upload it as a sound recording');
    return buildQuarantine(manifest, verdict, await readVerifiedPrefix(keys, manifest, chunks, verdict.seq));
  }

  private async read(id: string, keep: boolean) {
    const keys = await this.storeKeys();
    const { manifest, chunks } = await readSnapshot(this.deps.db, id);
    if (manifest.audioDeleted) throw new RecordingStateError(id, manifest.state, 'read', 'its local audio was deleted after upload');
    if (keep && manifest.state === 'recording') throw new RecordingStateError(id, manifest.state, 'export', 'it has not ended yet');
    const { verdict, plaintexts } = await readVerified(keys, manifest, chunks, keep);
    if (!verdict.ok) await this.markDamaged(manifest, verdict);
    return { verdict, manifest, chunks, plaintexts };
  }

  /** Records damage. A live recording keeps recording; an uploaded one stays uploaded (the server copy is sound). */
  private async markDamaged(manifest: RecordingManifest, verdict: Extract<VerifyResult, { ok: false }>): Promise<void> {
    const damage = { seq: verdict.seq, reason: verdict.reason };
    this.deps.log.error(`recording ${manifest.id} is damaged at chunk ${damage.seq}: ${damage.reason}`);
    if (manifest.state === 'recording') return;
    const updated = await updateManifest(this.deps.db, manifest.id, 'mark damaged', 'any', (m) => {
      m.damage = damage;
      if (m.state !== 'uploaded') m.state = 'damaged';
    });
    this.changed(updated);
  }

  /** An upload attempt starts (from saved, recovered or a retry): state `uploading`. */
  async markUploading(id: string): Promise<RecordingManifest> {
    return this.changed(await uploads.markUploading(this.deps.db, id));
  }

  /** An attempt failed; the recording stays `uploading` with the error and the time of its next attempt. */
  async markUploadFailed(id: string, error: string, nextAttemptAt?: number): Promise<RecordingManifest> {
    return this.changed(await uploads.markUploadFailed(this.deps.db, id, error, nextAttemptAt));
  }

  /** The store's quarantine acknowledged a damaged recording and its verdict; it stays `damaged`, its audio kept. */
  async markQuarantined(id: string, ack: uploads.UploadAck): Promise<RecordingManifest> {
    return this.changed(await uploads.markQuarantined(this.deps.db, id, ack));
  }

  /** The store acknowledged it with a matching hash: `uploaded`; local audio kept `retentionDays`. */
  async markUploaded(id: string, ack: uploads.UploadAck, retentionDays: number): Promise<RecordingManifest> {
    const manifest = this.changed(await uploads.markUploaded(this.deps.db, id, ack, retentionDays));
    await this.checkQuota();
    return manifest;
  }

  /** Deletes the local audio of uploaded recordings whose retention ended by `now`; keeps their manifests. */
  async purgeExpired(now = Date.now()): Promise<string[]> {
    const purged: string[] = [];
    for (const candidate of await uploads.expiredRecordings(this.deps.db, now)) {
      const done = await uploads.purgeAudio(this.deps.db, candidate.id);
      if (done) purged.push(this.changed(done).id);
    }
    if (purged.length) await this.checkQuota();
    return purged;
  }

  /** The cache's usage, read from the database (early purge applied when at the limit). */
  async usage(): Promise<CacheUsage> {
    await this.checkQuota();
    return { ...this.usageNow };
  }

  /** The current quota level and usage. */
  quotaStatus(): QuotaEvent {
    return this.quota.current();
  }

  /** New policy limits; takes effect at once. */
  async setLimits(limits: QuotaLimits): Promise<void> {
    this.quota.setLimits(limits);
    await this.checkQuota();
  }

  /** Subscribes to quota level changes (ok / warn / full); returns the unsubscribe function. */
  onQuota(listener: (event: QuotaEvent) => void): () => void {
    return this.quota.subscribe(listener);
  }

  /** Subscribes to manifest changes (for the Recordings list); returns the unsubscribe function. */
  onChange(listener: (manifest: RecordingManifest) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Re-reads usage, purges uploaded audio early when at the limit, announces the level. One at a time. */
  private checkQuota(): Promise<unknown> {
    // The previous check's failure went to its own caller: it must not stop this one.
    this.quotaWork = this.quotaWork
      .catch(() => undefined)
      .then(async () => {
        const { usage, purged } = await enforceLimit(this.deps.db, this.quota.limitBytes, this.deps.log);
        for (const manifest of purged) this.changed(manifest);
        this.usageNow = usage;
        this.quota.update(usage);
      });
    return this.quotaWork;
  }

  private changed(manifest: RecordingManifest): RecordingManifest {
    for (const listener of this.changeListeners) {
      try {
        listener(manifest);
      } catch (error) {
        this.logFailure('change listener', error);
      }
    }
    return manifest;
  }

  private logFailure(what: string, error: unknown): void {
    this.deps.log.error(`recording store ${what} failed`, error);
  }
}
