/**
 * AES-GCM-256 for one recording chunk. Every chunk gets a fresh random 96-bit IV (never reused under
 * one key: 2^-32 collision odds only after ~2^32 chunks, i.e. >130 years of audio per install), and
 * the additional authenticated data binds the chunk to its recording and position, so a ciphertext
 * copied to another recording or seq fails to decrypt even if the hash chain were rebuilt around it.
 *
 * Additional data, byte for byte: UTF-8 "lingxi-recording-chunk/1" ‖ 0x00 ‖ UTF-8 recordingId ‖ 0x00 ‖
 * seq as 8 bytes unsigned big-endian. (Recording ids are UUIDs, so they hold no 0x00.)
 */

const AAD_LABEL = 'lingxi-recording-chunk/1';
const IV_BYTES = 12;

/** The additional authenticated data for chunk `seq` of `recordingId` (encoding in the file comment). */
export function chunkAdditionalData(recordingId: string, seq: number): Uint8Array<ArrayBuffer> {
  if (!recordingId || recordingId.includes('\u0000')) throw new Error('recording id must be non-empty and hold no NUL');
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`chunk seq must be a whole number ≥ 0, got ${seq}`);
  const encoder = new TextEncoder();
  const label = encoder.encode(AAD_LABEL);
  const id = encoder.encode(recordingId);
  const out = new Uint8Array(label.length + 1 + id.length + 1 + 8);
  out.set(label, 0);
  out.set(id, label.length + 1);
  new DataView(out.buffer).setBigUint64(out.length - 8, BigInt(seq));
  return out;
}

/** One encrypted chunk: the IV it was sealed with and the ciphertext (GCM tag appended, 16 bytes). */
export interface SealedChunk {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

/** Encrypts one chunk's plaintext under `key` with a fresh IV, bound to (recordingId, seq). */
export async function encryptChunk(key: CryptoKey, recordingId: string, seq: number, plain: ArrayBuffer): Promise<SealedChunk> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const additionalData = chunkAdditionalData(recordingId, seq);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain);
  return { iv, ciphertext };
}

/**
 * Decrypts one chunk. Rejects (WebCrypto's OperationError) when the ciphertext, IV, recording id or
 * seq differ from what was sealed, or when `key` is not the key it was sealed under.
 */
export async function decryptChunk(
  key: CryptoKey,
  recordingId: string,
  seq: number,
  sealed: SealedChunk,
): Promise<ArrayBuffer> {
  const additionalData = chunkAdditionalData(recordingId, seq);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.ciphertext);
}
