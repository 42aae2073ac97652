/**
 * Appends chunks to recordings: one queue per recording so chunks commit in call (capture) order,
 * and the chain position kept in memory so an append costs one transaction.
 */
import type { ProvisionalTail, RecordingManifest } from '../types';
import { commitChunk, putTail, sealChunk, type ChainPosition, type StoreKeys } from './chunk-commit';
import { isStorageRefusal, RecordingNotFoundError, RecordingStateError, RecordingStorageFullError } from './errors';
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

  /**
   * Queues one slice, with the recording's provisional end after it if the capture has one; resolves
   * after its transaction committed.
   */
  append(id: string, data: Blob | ArrayBuffer, atMs: number, tail?: ProvisionalTail): Promise<Committed> {
    return this.queue.run(id, async () => {
      const keys = await this.keys();
      const plain = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
      const at = this.heads.get(id) ?? (await this.positionOf(id));
      const chunk = await sealChunk(keys, id, at, plain, atMs);
      const next = { seq: chunk.seq + 1, prevHash: chunk.entryHash, keyed: at.keyed };
      const tailRow = tail ? { chunk: await sealChunk(keys, id, next, tail.bytes, tail.endMs), withheldFromMs: tail.withheldFromMs } : null;
      try {
        const manifest = await commitChunk(this.db, chunk, tailRow);
        this.heads.set(id, next);
        return { manifest, seq: chunk.seq, plainBytes: chunk.plainBytes, committedAt: performance.now() };
      } catch (error) {
        // Nothing was written; re-read the position next time in case another writer moved it.
        this.heads.delete(id);
        if (isStorageRefusal(error)) throw new RecordingStorageFullError(id, chunk.seq, { cause: error });
        throw error;
      }
    });
  }

  /**
   * Queues a new provisional end for the recording when no slice comes with one: sealed as the chunk after
   * the last committed, replacing the previous one (never appended while the recording lives).
   */
  setTail(id: string, tail: ProvisionalTail): Promise<void> {
    return this.queue.run(id, async () => {
      const keys = await this.keys();
      const at = this.heads.get(id) ?? (await this.positionOf(id));
      const chunk = await sealChunk(keys, id, at, tail.bytes, tail.endMs);
      await putTail(this.db, { chunk, withheldFromMs: tail.withheldFromMs });
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
