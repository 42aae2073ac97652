/**
 * Reading a recording back: its chunks in order, the hash chain checked, every chunk decrypted and
 * its plaintext hash checked. The same path serves upload (export) and playback, so damage is found
 * at both.
 */
import type { RecordingChunk, RecordingExport, RecordingManifest, UploadManifest, VerifyResult } from '../types';
import { decryptChunk } from './chunk-crypto';
import { RecordingNotFoundError } from './errors';
import { sha256Hex, verifyChain } from './hash-chain';
import type { RecordingsDb } from './recordings-db';

/** Chunks read per transaction: a long read would hold up the commits of a call being recorded meanwhile. */
const PAGE = 128;

/**
 * A manifest and its chunk rows. A live recording may gain chunks while they are read, so only the
 * chunks its manifest counted are read; a closed one is read one past its count, so a stray extra
 * chunk is noticed.
 */
export async function readSnapshot(db: RecordingsDb, id: string): Promise<{ manifest: RecordingManifest; chunks: RecordingChunk[] }> {
  const manifest = await db.recordings.get(id);
  if (!manifest) throw new RecordingNotFoundError(id);
  const end = manifest.state === 'recording' ? manifest.chunks : manifest.chunks + 1;
  const chunks: RecordingChunk[] = [];
  for (let from = 0; from < end; from += PAGE) {
    const to = Math.min(end, from + PAGE);
    chunks.push(...(await db.chunks.where('[recordingId+seq]').between([id, from], [id, to], true, false).toArray()));
  }
  return { manifest, chunks };
}

/** The verdict on a recording, with the decrypted slices when it is sound and `keep` asked for them. */
export type ReadResult = { verdict: VerifyResult; plaintexts: ArrayBuffer[] };

/** Checks the chain, then decrypts each chunk (kept only when `keep`): the first failure wins. */
export async function readVerified(
  key: CryptoKey,
  manifest: RecordingManifest,
  chunks: readonly RecordingChunk[],
  keep: boolean,
): Promise<ReadResult> {
  const verdict = await verifyChain(chunks, manifest);
  if (!verdict.ok) return { verdict, plaintexts: [] };
  const plaintexts: ArrayBuffer[] = [];
  for (const chunk of chunks) {
    let plain: ArrayBuffer;
    try {
      plain = await decryptChunk(key, manifest.id, chunk.seq, chunk);
    } catch {
      return { verdict: { ok: false, seq: chunk.seq, reason: 'decrypt-failed' }, plaintexts: [] };
    }
    // The plaintext hash goes to the bank in the upload manifest: it must match what was captured.
    if (plain.byteLength !== chunk.plainBytes || (await sha256Hex(plain)) !== chunk.plainSha256) {
      return { verdict: { ok: false, seq: chunk.seq, reason: 'altered' }, plaintexts: [] };
    }
    if (keep) plaintexts.push(plain);
  }
  return { verdict, plaintexts };
}

/** The uploadable file and its manifest, from a sound recording's decrypted slices. */
export async function buildExport(
  manifest: RecordingManifest,
  chunks: readonly RecordingChunk[],
  plaintexts: ArrayBuffer[],
): Promise<RecordingExport> {
  const audio = new Blob(plaintexts, { type: manifest.mimeType });
  const audioSha256 = await sha256Hex(audio);
  const upload: UploadManifest = {
    format: 'lingxi-recording/1',
    recordingId: manifest.id,
    callId: manifest.callId,
    direction: manifest.direction,
    number: manifest.number,
    startedAt: new Date(manifest.startedAt).toISOString(),
    endedAt: manifest.endedAt === undefined ? null : new Date(manifest.endedAt).toISOString(),
    recovered: manifest.recoveredAt !== undefined,
    mimeType: manifest.mimeType,
    channels: { left: 'customer', right: 'agent' },
    paused: manifest.paused.map((interval) => ({ ...interval })),
    ...(manifest.restarts?.length ? { restarts: manifest.restarts.map((restart) => ({ ...restart })) } : {}),
    chunks: chunks.map((chunk) => ({
      seq: chunk.seq,
      atMs: chunk.atMs,
      bytes: chunk.plainBytes,
      sha256: chunk.plainSha256,
      entryHash: chunk.entryHash,
    })),
    audioSha256,
    chainHead: manifest.chainHead,
  };
  return { audio, audioSha256, manifest: upload };
}
