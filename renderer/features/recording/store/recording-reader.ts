/**
 * Reading a recording back: its chunks in order, the hash chain checked, every chunk decrypted and
 * its plaintext hash checked. The same path serves upload (export) and playback, so damage is found
 * at both.
 */
import type { QuarantineExport, RecordingChunk, RecordingExport, RecordingManifest, UploadManifest, VerifyResult } from '../types';
import type { StoreKeys } from './chunk-commit';
import { decryptChunk } from './chunk-crypto';
import { checkEnd } from './end-record';
import { RecordingNotFoundError } from './errors';
import { sha256Hex, verifyChain, type ChainLink } from './hash-chain';
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

/**
 * The chain's verdict: a closed keyed (version 2) recording's end record first, then the chain against
 * the counts it proved; a version 1 recording's chain against its manifest, as before it was keyed.
 */
async function verifyStructure(chainKey: CryptoKey, manifest: RecordingManifest, chunks: readonly ChainLink[]): Promise<VerifyResult> {
  if (manifest.chain !== 2) return verifyChain(chunks, manifest);
  if (manifest.state === 'recording') return verifyChain(chunks, manifest, chainKey);
  const sealed = await checkEnd(chainKey, manifest);
  if (!sealed.ok) return sealed;
  const { end } = sealed;
  const verdict = await verifyChain(chunks, end, chainKey);
  // The last sealed chunks are gone (the manifest edited to match, or not): a truncation.
  const gone = !verdict.ok && verdict.reason === 'missing' && verdict.seq === chunks.length && chunks.at(-1)?.seq === chunks.length - 1;
  if (gone || (verdict.ok && manifest.chunks < end.chunks)) return { ok: false, seq: Math.min(chunks.length, manifest.chunks), reason: 'truncated' };
  if (!verdict.ok) return verdict;
  if (manifest.chunks !== end.chunks || manifest.chainHead !== end.chainHead) return { ok: false, seq: Math.min(manifest.chunks, end.chunks), reason: 'altered' };
  return verdict;
}

/** Decrypts chunks in order and checks each plaintext's hash; stops at the first failure. */
async function decryptAll(key: CryptoKey, manifest: RecordingManifest, chunks: readonly RecordingChunk[], keep: boolean): Promise<ReadResult> {
  const plaintexts: ArrayBuffer[] = [];
  for (const chunk of chunks) {
    let plain: ArrayBuffer;
    try {
      plain = await decryptChunk(key, manifest.id, chunk.seq, chunk);
    } catch {
      return { verdict: { ok: false, seq: chunk.seq, reason: 'decrypt-failed' }, plaintexts };
    }
    // The plaintext hash goes to the bank in the upload manifest: it must match what was captured.
    if (plain.byteLength !== chunk.plainBytes || (await sha256Hex(plain)) !== chunk.plainSha256) {
      return { verdict: { ok: false, seq: chunk.seq, reason: 'altered' }, plaintexts };
    }
    if (keep) plaintexts.push(plain);
  }
  return { verdict: { ok: true }, plaintexts };
}

/** Checks the end record and chain, then decrypts each chunk (kept only when `keep`): the first failure wins. */
export async function readVerified(
  keys: StoreKeys,
  manifest: RecordingManifest,
  chunks: readonly RecordingChunk[],
  keep: boolean,
): Promise<ReadResult> {
  const verdict = await verifyStructure(keys.chainKey, manifest, chunks);
  if (!verdict.ok) {
    // A first chunk this key cannot open means the install's key is gone: say that, not what it broke downstream.
    const first = chunks[0];
    const keyGone = first?.seq === 0 && !(await decryptAll(keys.key, manifest, [first], false)).verdict.ok;
    return { verdict: keyGone ? { ok: false, seq: 0, reason: 'decrypt-failed' } : verdict, plaintexts: [] };
  }
  const read = await decryptAll(keys.key, manifest, chunks, keep);
  return read.verdict.ok ? read : { verdict: read.verdict, plaintexts: [] };
}

/**
 * The part of a damaged recording that still verifies: the chunks before the first failure whose own
 * chain holds (keyed for version 2) and that decrypt. Returns them with their plaintexts.
 */
export async function readVerifiedPrefix(
  keys: StoreKeys,
  manifest: RecordingManifest,
  chunks: readonly RecordingChunk[],
  failedAt: number,
): Promise<{ chunks: RecordingChunk[]; plaintexts: ArrayBuffer[] }> {
  let prefix = chunks.filter((chunk, index) => chunk.seq === index && index < failedAt);
  const chain = await verifyChain(prefix, { chunks: prefix.length, chainHead: prefix.at(-1)?.entryHash ?? '' }, manifest.chain === 2 ? keys.chainKey : null);
  if (!chain.ok) prefix = prefix.slice(0, chain.seq);
  const { plaintexts } = await decryptAll(keys.key, manifest, prefix, true);
  return { chunks: prefix.slice(0, plaintexts.length), plaintexts };
}

/** The uploadable file and its manifest, from a sound recording's decrypted slices. */
export async function buildExport(
  manifest: RecordingManifest,
  chunks: readonly RecordingChunk[],
  plaintexts: ArrayBuffer[],
): Promise<RecordingExport> {
  const audio = new Blob(plaintexts, { type: manifest.mimeType });
  const audioSha256 = await sha256Hex(audio);
  return { audio, audioSha256, manifest: uploadManifest(manifest, chunks, audioSha256) };
}

/**
 * A damaged recording for the store's quarantine: the audio that verified before the first failure and
 * the verdict (which chunk, why, and how many chunks the manifest claimed).
 */
export async function buildQuarantine(
  manifest: RecordingManifest,
  verdict: Extract<VerifyResult, { ok: false }>,
  prefix: { chunks: RecordingChunk[]; plaintexts: ArrayBuffer[] },
): Promise<QuarantineExport> {
  const audio = new Blob(prefix.plaintexts, { type: manifest.mimeType });
  const audioSha256 = await sha256Hex(audio);
  const detail = `chunk ${verdict.seq} of ${manifest.chunks}: ${verdict.reason}; the audio holds the ${prefix.chunks.length} chunk(s) that verified before it`;
  return {
    audio,
    audioSha256,
    manifest: {
      ...uploadManifest(manifest, prefix.chunks, audioSha256),
      quarantine: { seq: verdict.seq, reason: verdict.reason, detail, claimedChunks: manifest.end?.chunks ?? manifest.chunks },
    },
  };
}

function uploadManifest(manifest: RecordingManifest, chunks: readonly RecordingChunk[], audioSha256: string): UploadManifest {
  return {
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
    ...(manifest.withheld?.length ? { withheld: manifest.withheld.map((span) => ({ ...span })) } : {}),
    chunks: chunks.map((chunk) => ({
      seq: chunk.seq,
      atMs: chunk.atMs,
      bytes: chunk.plainBytes,
      sha256: chunk.plainSha256,
      entryHash: chunk.entryHash,
    })),
    audioSha256,
    chainHead: manifest.chainHead,
    chainVersion: manifest.chain ?? 1,
    ...(manifest.end ? { endReason: manifest.end.reason } : {}),
  };
}
