import { describe, expect, it } from 'vitest';
import { decryptChunk, encryptChunk } from '@renderer/features/recording/store/chunk-crypto';
import { slice } from './store-fixtures';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('chunk encryption (AES-GCM-256)', () => {
  it('round-trips a slice and keeps no plaintext in the ciphertext', async () => {
    const key = await newKey();
    const plain = slice(7, 256);
    const sealed = await encryptChunk(key, 'rec-1', 3, plain);
    expect(sealed.iv.byteLength).toBe(12);
    expect(sealed.ciphertext.byteLength).toBe(256 + 16);
    expect(new Uint8Array(sealed.ciphertext).slice(0, 256)).not.toEqual(new Uint8Array(plain));
    expect(new Uint8Array(await decryptChunk(key, 'rec-1', 3, sealed))).toEqual(new Uint8Array(plain));
  });

  it('uses a fresh IV for every chunk, so equal audio never gives equal ciphertext', async () => {
    const key = await newKey();
    const a = await encryptChunk(key, 'rec-1', 0, slice(1));
    const b = await encryptChunk(key, 'rec-1', 0, slice(1));
    expect(a.iv).not.toEqual(b.iv);
    expect(new Uint8Array(a.ciphertext)).not.toEqual(new Uint8Array(b.ciphertext));
  });

  it('refuses a chunk moved to another seq or recording, altered, or read with another key', async () => {
    const key = await newKey();
    const sealed = await encryptChunk(key, 'rec-1', 3, slice(1));
    await expect(decryptChunk(key, 'rec-1', 4, sealed)).rejects.toThrow();
    await expect(decryptChunk(key, 'rec-2', 3, sealed)).rejects.toThrow();
    const flipped = new Uint8Array(sealed.ciphertext.slice(0));
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    await expect(decryptChunk(key, 'rec-1', 3, { iv: sealed.iv, ciphertext: flipped.buffer })).rejects.toThrow();
    await expect(decryptChunk(await newKey(), 'rec-1', 3, sealed)).rejects.toThrow();
  });
});
