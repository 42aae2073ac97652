/**
 * The hash chain over a recording's chunks. Each chunk's entry hash covers the previous entry hash,
 * its own position and the SHA-256 of its ciphertext, so a missing, reordered or altered chunk breaks
 * the chain at that chunk.
 * - Version 2 (every recording since the chain was keyed): the entry hash is an HMAC-SHA-256 under the
 *   install's chain key (recording-key.ts), so nobody without the key can rebuild the chain after
 *   deleting or replacing chunks; the end record (end-record.ts) pins its length.
 * - Version 1 (older recordings, manifest without `chain`): plain SHA-256, still verified as it was.
 *
 * Byte encoding of the entry hash input (`prevHash ‖ seq ‖ cipherSha256`), fixed width so no two
 * inputs collide:
 *   1. prevHash: the previous chunk's entry hash as 32 raw bytes (hex-decoded); 0 bytes for seq 0,
 *      whose prevHash is "".
 *   2. seq: 8 bytes, unsigned big-endian.
 *   3. cipherSha256: the SHA-256 of this chunk's ciphertext as 32 raw bytes (hex-decoded).
 * entryHash = lowercase hex of SHA-256 (version 1) or HMAC-SHA-256 (version 2) over those 40 or 72 bytes.
 */
import type { RecordingChunk, VerifyResult } from '../types';

/** Lowercase hex of some bytes. */
export function bytesToHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Bytes of an even-length hex string; throws on anything else. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error(`not a hex string: "${hex.slice(0, 16)}…"`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Lowercase hex SHA-256 of some bytes or a Blob. */
export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer> | Blob): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  return bytesToHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** Lowercase hex HMAC-SHA-256 of some bytes under `key`. */
export async function hmacHex(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(await crypto.subtle.sign('HMAC', key, data));
}

/** The chain key of a version 2 chain; null for a version 1 (unkeyed) chain. */
export type ChainKey = CryptoKey | null;

/** The entry hash of chunk `seq` (encoding in the file comment); keyed when `chainKey` is given. */
export async function entryHash(prevHash: string, seq: number, cipherSha256: string, chainKey: ChainKey = null): Promise<string> {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`chunk seq must be a whole number ≥ 0, got ${seq}`);
  const prev = hexToBytes(prevHash);
  const cipher = hexToBytes(cipherSha256);
  if ((seq === 0 ? prev.length !== 0 : prev.length !== 32) || cipher.length !== 32) {
    throw new Error(`chunk ${seq}: hashes must be 32-byte hex (prevHash "" for the first chunk)`);
  }
  const input = new Uint8Array(prev.length + 8 + 32);
  input.set(prev, 0);
  new DataView(input.buffer).setBigUint64(prev.length, BigInt(seq));
  input.set(cipher, prev.length + 8);
  return chainKey ? hmacHex(chainKey, input) : sha256Hex(input);
}

/** The parts of a chunk row the chain covers. */
export type ChainLink = Pick<RecordingChunk, 'seq' | 'ciphertext' | 'cipherSha256' | 'prevHash' | 'entryHash'>;

/** What the manifest says the chain should hold. */
export interface ChainExpectation {
  chunks: number;
  chainHead: string;
}

async function entryHashOrNull(prevHash: string, seq: number, cipherSha256: string, chainKey: ChainKey): Promise<string | null> {
  try {
    return await entryHash(prevHash, seq, cipherSha256, chainKey);
  } catch {
    return null;
  }
}

/** Whether the ciphertext with this SHA-256 is the one committed at another position of this chain. */
async function committedElsewhere(cipherSha256: string, link: ChainLink, links: readonly ChainLink[], chainKey: ChainKey): Promise<boolean> {
  for (const other of links) {
    if (other === link) continue;
    if ((await entryHashOrNull(other.prevHash, other.seq, cipherSha256, chainKey)) === other.entryHash) return true;
  }
  return false;
}

/**
 * Checks the chain of one recording's chunk rows, given in stored (primary key) order, against its
 * manifest. Reports the first broken chunk: `missing` (a gap, or fewer chunks than the manifest
 * counts), `reordered` (a chunk's content belongs to another position), `altered` (bytes or hashes
 * changed). `chainKey`: the HMAC key of a version 2 chain, null for version 1. Decryption is checked
 * by the caller, which holds the key.
 */
export async function verifyChain(links: readonly ChainLink[], expected: ChainExpectation, chainKey: ChainKey = null): Promise<VerifyResult> {
  const positionOf = new Map(links.map((link) => [link.entryHash, link.seq]));
  let prev = '';
  for (const [index, link] of links.entries()) {
    const fail = (reason: 'missing' | 'reordered' | 'altered'): VerifyResult => ({ ok: false, seq: index, reason });
    if (link.seq > index) return fail('missing');
    if (link.seq < index) return fail('reordered');
    const actualSha = await sha256Hex(link.ciphertext);
    if (actualSha !== link.cipherSha256) {
      return fail((await committedElsewhere(actualSha, link, links, chainKey)) ? 'reordered' : 'altered');
    }
    if (link.prevHash !== prev) {
      const owner = positionOf.get(link.prevHash);
      return fail(owner !== undefined && owner !== index - 1 ? 'reordered' : 'altered');
    }
    if ((await entryHashOrNull(link.prevHash, link.seq, link.cipherSha256, chainKey)) !== link.entryHash) {
      return fail((await committedElsewhere(actualSha, link, links, chainKey)) ? 'reordered' : 'altered');
    }
    prev = link.entryHash;
  }
  if (links.length < expected.chunks) return { ok: false, seq: links.length, reason: 'missing' };
  if (links.length > expected.chunks) return { ok: false, seq: expected.chunks, reason: 'altered' };
  if (prev !== expected.chainHead) return { ok: false, seq: Math.max(0, links.length - 1), reason: 'altered' };
  return { ok: true };
}
