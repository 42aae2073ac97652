/**
 * One chunk from plaintext to committed row: encrypt, hash into the chain, then a single transaction
 * that adds the chunk and advances the manifest (chunks, bytes, chainHead) together, so a crash can
 * never leave a chunk the manifest does not count or a count without its chunk.
 */
import type { RecordingChunk, RecordingManifest } from '../types';
import { encryptChunk } from './chunk-crypto';
import { RecordingNotFoundError, RecordingStateError } from './errors';
import { entryHash, sha256Hex } from './hash-chain';
import type { RecordingsDb, TailRow } from './recordings-db';

/** Where the next chunk of a recording links in. */
export interface ChainPosition {
  seq: number;
  prevHash: string;
  /** A version 2 chain (HMAC under the chain key); false only for a recording begun before the chain was keyed. */
  keyed: boolean;
}

/** The recording key and the chain key (recording-key.ts). */
export interface StoreKeys {
  key: CryptoKey;
  chainKey: CryptoKey;
}

/** Encrypts a slice and computes its hashes; nothing is written. Crypto runs outside the transaction
 * because IndexedDB commits a transaction as soon as it waits on anything but its own requests. */
export async function sealChunk(
  { key, chainKey }: StoreKeys,
  recordingId: string,
  at: ChainPosition,
  plain: ArrayBuffer,
  atMs: number,
): Promise<RecordingChunk> {
  const { iv, ciphertext } = await encryptChunk(key, recordingId, at.seq, plain);
  const [cipherSha256, plainSha256] = await Promise.all([sha256Hex(ciphertext), sha256Hex(plain)]);
  return {
    recordingId,
    seq: at.seq,
    atMs,
    iv,
    ciphertext,
    cipherSha256,
    plainSha256,
    plainBytes: plain.byteLength,
    prevHash: at.prevHash,
    entryHash: await entryHash(at.prevHash, at.seq, cipherSha256, at.keyed ? chainKey : null),
  };
}

/**
 * Writes the chunk and the advanced manifest in one transaction, with the recording's provisional end
 * (sealed as the chunk after this one) when it has one; resolves after it commits.
 * Refuses when the recording is no longer recording or another writer moved its chain on.
 */
export function commitChunk(db: RecordingsDb, chunk: RecordingChunk, tail: TailRow | null = null): Promise<RecordingManifest> {
  return db.transaction('rw', db.recordings, db.chunks, db.tails, async () => {
    const manifest = await db.recordings.get(chunk.recordingId);
    if (!manifest) throw new RecordingNotFoundError(chunk.recordingId);
    if (manifest.state !== 'recording') throw new RecordingStateError(manifest.id, manifest.state, 'append to');
    if (manifest.chunks !== chunk.seq || manifest.chainHead !== chunk.prevHash) {
      throw new RecordingStateError(manifest.id, manifest.state, 'append to', 'another window appended to it meanwhile');
    }
    await db.chunks.add(chunk);
    advanceManifest(manifest, chunk);
    await db.recordings.put(manifest);
    // The provisional end moves with the file: replaced by the one that follows this chunk, or gone.
    if (tail) await db.tails.put(tail);
    else await db.tails.delete(chunk.recordingId);
    return manifest;
  });
}

/**
 * Replaces the recording's provisional end while it is still being recorded and the tail still follows
 * its last chunk; otherwise (finished, or moved on meanwhile) it is dropped as stale.
 */
export function putTail(db: RecordingsDb, tail: TailRow): Promise<void> {
  return db.transaction('rw', db.recordings, db.tails, async () => {
    const manifest = await db.recordings.get(tail.chunk.recordingId);
    if (manifest?.state !== 'recording' || manifest.chunks !== tail.chunk.seq || manifest.chainHead !== tail.chunk.prevHash) return;
    await db.tails.put(tail);
  });
}

/** Counts a chunk just added into its manifest: one more chunk, its bytes, the new chain head. */
export function advanceManifest(manifest: RecordingManifest, chunk: RecordingChunk): void {
  manifest.chunks += 1;
  manifest.bytes += chunk.plainBytes;
  manifest.chainHead = chunk.entryHash;
}
