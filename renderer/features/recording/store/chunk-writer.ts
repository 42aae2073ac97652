/**
 * Appends chunks to recordings: one queue per recording so chunks commit in call (capture) order,
 * and the chain position kept in memory so an append costs one transaction.
 */
import type { RecordingManifest } from '../types';
import { commitChunk, sealChunk, type ChainPosition, type StoreKeys } from './chunk-commit';
import { isQuotaExceeded, RecordingNotFoundError, RecordingStateError, RecordingStorageFullError } from './errors';
import { KeyedQueue } from './keyed-queue';
import type { RecordingsDb } from './recordings-db';

/** One committed chunk. */
export interface Committed {
  manifest: RecordingManifest;
  seq: number;
  plainBytes: number;
  /** performance.now() at commit. */
  committedAt: number;
}

export class ChunkWriter {
  private readonly queue = new KeyedQueue();
  private readonly heads = new Map<string, ChainPosition>();

  constructor(
    private readonly db: RecordingsDb,
    private readonly keys: () => Promise<StoreKeys>,
  ) {}

  /** Queues one slice; resolves after its transaction committed. */
  append(id: string, data: Blob | ArrayBuffer, atMs: number): Promise<Committed> {
    return this.queue.run(id, async () => {
      const keys = await this.keys();
      const plain = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
      const at = this.heads.get(id) ?? (await this.positionOf(id));
      const chunk = await sealChunk(keys, id, at, plain, atMs);
      try {
        const manifest = await commitChunk(this.db, chunk);
        this.heads.set(id, { seq: chunk.seq + 1, prevHash: chunk.entryHash, keyed: at.keyed });
        return { manifest, seq: chunk.seq, plainBytes: chunk.plainBytes, committedAt: performance.now() };
      } catch (error) {
        // Nothing was written; re-read the position next time in case another writer moved it.
        this.heads.delete(id);
        if (isQuotaExceeded(error)) throw new RecordingStorageFullError(id, chunk.seq, { cause: error });
        throw error;
      }
    });
  }

  /** Resolves once every chunk queued for `id` so far has settled. */
  drain(id: string): Promise<void> {
    return this.queue.drain(id);
  }

  /** Drops the in-memory position of a closed recording. */
  forget(id: string): void {
    this.heads.delete(id);
  }

  private async positionOf(id: string): Promise<ChainPosition> {
    const manifest = await this.db.recordings.get(id);
    if (!manifest) throw new RecordingNotFoundError(id);
    if (manifest.state !== 'recording') throw new RecordingStateError(id, manifest.state, 'append to');
    return { seq: manifest.chunks, prevHash: manifest.chainHead, keyed: manifest.chain === 2 };
  }
}
