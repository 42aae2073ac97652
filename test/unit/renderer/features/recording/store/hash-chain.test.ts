import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entryHash, sha256Hex, verifyChain, type ChainLink } from '@renderer/features/recording/store/hash-chain';
import { slice, must } from './store-fixtures';

/** The documented encoding, written independently with Node's crypto. */
function expectedEntry(prevHash: string, seq: number, cipherSha256: string): string {
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigUInt64BE(BigInt(seq));
  const input = Buffer.concat([Buffer.from(prevHash, 'hex'), seqBytes, Buffer.from(cipherSha256, 'hex')]);
  return createHash('sha256').update(input).digest('hex');
}

async function chain(count: number): Promise<ChainLink[]> {
  const links: ChainLink[] = [];
  let prev = '';
  for (let seq = 0; seq < count; seq++) {
    const ciphertext = slice(seq);
    const cipherSha256 = await sha256Hex(ciphertext);
    const link = { seq, ciphertext, cipherSha256, prevHash: prev, entryHash: await entryHash(prev, seq, cipherSha256) };
    links.push(link);
    prev = link.entryHash;
  }
  return links;
}

const expectation = (links: ChainLink[]) => ({ chunks: links.length, chainHead: links.at(-1)?.entryHash ?? '' });

describe('recording hash chain', () => {
  it('hashes prevHash ‖ seq (8 bytes big-endian) ‖ cipherSha256 as documented', async () => {
    const cipher = await sha256Hex(slice(1));
    expect(cipher).toBe(createHash('sha256').update(new Uint8Array(slice(1))).digest('hex'));
    const first = await entryHash('', 0, cipher);
    expect(first).toBe(expectedEntry('', 0, cipher));
    expect(await entryHash(first, 300, cipher)).toBe(expectedEntry(first, 300, cipher));
    await expect(entryHash('abc', 1, cipher)).rejects.toThrow(/hex/);
    await expect(entryHash(first, 0, cipher)).rejects.toThrow(/prevHash "" for the first chunk/);
  });

  it('accepts a sound chain and an empty recording', async () => {
    const links = await chain(5);
    expect(await verifyChain(links, expectation(links))).toEqual({ ok: true });
    expect(await verifyChain([], { chunks: 0, chainHead: '' })).toEqual({ ok: true });
  });

  it('names the first altered chunk', async () => {
    const links = await chain(5);
    const bytes = new Uint8Array(must(links[2]).ciphertext.slice(0));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    links[2] = { ...must(links[2]), ciphertext: bytes.buffer };
    expect(await verifyChain(links, expectation(links))).toEqual({ ok: false, seq: 2, reason: 'altered' });
  });

  it('names a missing chunk, in the middle or at the end', async () => {
    const links = await chain(5);
    const expected = expectation(links);
    expect(await verifyChain([...links.slice(0, 3), ...links.slice(4)], expected)).toEqual({ ok: false, seq: 3, reason: 'missing' });
    expect(await verifyChain(links.slice(0, 4), expected)).toEqual({ ok: false, seq: 4, reason: 'missing' });
  });

  it('names chunks whose contents swapped places as reordered', async () => {
    const links = await chain(5);
    const swapped = [...links];
    swapped[1] = { ...must(links[2]), seq: 1 };
    swapped[2] = { ...must(links[1]), seq: 2 };
    expect(await verifyChain(swapped, expectation(links))).toEqual({ ok: false, seq: 1, reason: 'reordered' });
    // Only the ciphertexts swapped, hashes left in place.
    const cipherSwap = [...links];
    cipherSwap[3] = { ...must(links[3]), ciphertext: must(links[4]).ciphertext, cipherSha256: must(links[4]).cipherSha256 };
    expect(await verifyChain(cipherSwap, expectation(links))).toEqual({ ok: false, seq: 3, reason: 'reordered' });
  });

  it('catches a rewritten hash or a manifest that counts a different head', async () => {
    const links = await chain(3);
    const rewritten = [...links];
    rewritten[1] = { ...must(links[1]), entryHash: 'ab'.repeat(32) };
    expect(await verifyChain(rewritten, expectation(links))).toMatchObject({ ok: false, seq: 1, reason: 'altered' });
    expect(await verifyChain(links, { chunks: 3, chainHead: 'cd'.repeat(32) })).toEqual({ ok: false, seq: 2, reason: 'altered' });
    expect(await verifyChain(links, { chunks: 2, chainHead: must(links[1]).entryHash })).toEqual({ ok: false, seq: 2, reason: 'altered' });
  });
});
