/**
 * The cache limit from the policy (`recording.cacheLimitMb`, `recording.warnAtPercent`): how full the
 * cache is, and a level that warns the agent and IT's log when it crosses a threshold. The limit is
 * Lingxi's own budget over cached audio bytes; the browser's real quota is enforced by IndexedDB and
 * surfaces separately as RecordingStorageFullError.
 */
import type { Logger } from '@common/logging/logger';
import type { RecordingManifest } from '../types';
import type { RecordingsDb } from './recordings-db';

const MB = 1024 * 1024;

/** The policy's cache settings. */
export interface QuotaLimits {
  cacheLimitMb: number;
  warnAtPercent: number;
}

/** How full the cache is (audio bytes as captured). */
export interface CacheUsage {
  /** Audio held in the cache. */
  bytes: number;
  /** Of which not yet acknowledged by the recording store (never deleted to make room). */
  pendingBytes: number;
  limitBytes: number;
}

/** ok: below the warning; warn: at or over `warnAtPercent`; full: at or over the limit (or the disk refused a chunk). */
export type QuotaLevel = 'ok' | 'warn' | 'full';

export interface QuotaEvent {
  level: QuotaLevel;
  usage: CacheUsage;
}

/** Checks the policy's limits with a message IT can act on. */
export function checkLimits(limits: QuotaLimits): QuotaLimits {
  if (!Number.isFinite(limits.cacheLimitMb) || limits.cacheLimitMb <= 0) {
    throw new RangeError(`recording.cacheLimitMb must be a number of MB > 0, got ${limits.cacheLimitMb}`);
  }
  if (!Number.isFinite(limits.warnAtPercent) || limits.warnAtPercent <= 0 || limits.warnAtPercent > 100) {
    throw new RangeError(`recording.warnAtPercent must be within 1–100, got ${limits.warnAtPercent}`);
  }
  return { ...limits };
}

/** Adds up the cache from the manifests (audio already deleted after upload does not count). */
export function usageOf(manifests: readonly RecordingManifest[], limitBytes: number): CacheUsage {
  let bytes = 0;
  let pendingBytes = 0;
  for (const manifest of manifests) {
    if (manifest.audioDeleted) continue;
    bytes += manifest.bytes;
    if (manifest.state !== 'uploaded') pendingBytes += manifest.bytes;
  }
  return { bytes, pendingBytes, limitBytes };
}

/** Reads the cache's usage from the database. */
export async function readUsage(db: RecordingsDb, limitBytes: number): Promise<CacheUsage> {
  return usageOf(await db.recordings.toArray(), limitBytes);
}

function describe(usage: CacheUsage): string {
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  return `${mb(usage.bytes)} of ${mb(usage.limitBytes)} MB used, ${mb(usage.pendingBytes)} MB not yet uploaded`;
}

/** Tracks the level and tells listeners and IT's log when it changes. */
export class QuotaTracker {
  private limits: QuotaLimits;
  private level: QuotaLevel = 'ok';
  private last: CacheUsage;
  private readonly listeners = new Set<(event: QuotaEvent) => void>();

  constructor(
    limits: QuotaLimits,
    private readonly log: Logger,
  ) {
    this.limits = checkLimits(limits);
    this.last = { bytes: 0, pendingBytes: 0, limitBytes: this.limitBytes };
  }

  get limitBytes(): number {
    return Math.floor(this.limits.cacheLimitMb * MB);
  }

  setLimits(limits: QuotaLimits): void {
    this.limits = checkLimits(limits);
  }

  /** The level for `bytes` under the current limits. */
  levelFor(bytes: number): QuotaLevel {
    if (bytes >= this.limitBytes) return 'full';
    return bytes >= (this.limitBytes * this.limits.warnAtPercent) / 100 ? 'warn' : 'ok';
  }

  current(): QuotaEvent {
    return { level: this.level, usage: { ...this.last } };
  }

  subscribe(listener: (event: QuotaEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records new usage; announces the level when it crossed a threshold (either way). */
  update(usage: CacheUsage): void {
    this.last = usage;
    this.announce(this.levelFor(usage.bytes));
  }

  /** IndexedDB refused a write for lack of space, whatever Lingxi's own budget says. */
  storageRefused(): void {
    this.log.error(`recording cache: the disk or browser storage quota refused a chunk (${describe(this.last)}): free disk space`);
    this.announce('full', true);
  }

  private announce(level: QuotaLevel, logged = false): void {
    if (level === this.level) return;
    this.level = level;
    if (!logged) this.logLevel(level);
    const event = this.current();
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error('recording quota listener failed', error);
      }
    }
  }

  private logLevel(level: QuotaLevel): void {
    const usage = describe(this.last);
    if (level === 'ok') this.log.info(`recording cache back below the warning level: ${usage}`);
    if (level === 'warn') this.log.warn(`recording cache is ${this.limits.warnAtPercent}% full or more: ${usage}`);
    if (level === 'full') this.log.error(`recording cache is full: ${usage}; unuploaded audio is kept, check the uploads`);
  }
}
