/** The host's signer: the page names purpose, mode and call; the signer adds the lead, the time and a nonce. */
import { describe, expect, it } from 'vitest';
import { createSupervisionSigner } from '@common/supervision/supervision-signer';
import { formatSupervisionHeader, parseSupervisionHeader } from '@common/supervision/supervision-protocol';
import { generateSupervisionKeyPair, importPublicKey, verifyClaim } from '@common/supervision/supervision-signing';

describe('createSupervisionSigner', () => {
  it('signs in the policy lead name with a fresh nonce each time; the header round-trips', async () => {
    const pair = await generateSupervisionKeyPair();
    const signer = createSupervisionSigner({ privateKey: async () => pair.privateKey, leadUri: () => 'sip:1003@127.0.0.1', now: () => 42 });
    const first = await signer.sign({ purpose: 'invite', mode: 'barge', call: 'x;y@h' });
    const second = await signer.sign({ purpose: 'invite', mode: 'barge', call: 'x;y@h' });
    if (!first.ok || !second.ok) throw new Error('not signed');
    expect(first.claim).toMatchObject({ lead: 'sip:1003@127.0.0.1', ts: 42, mode: 'barge', call: 'x;y@h' });
    expect(first.claim.nonce).not.toBe(second.claim.nonce);
    const parsed = parseSupervisionHeader(formatSupervisionHeader(first.claim));
    expect(parsed).toEqual({ ok: true, value: first.claim });
    expect(await verifyClaim(await importPublicKey(pair.publicKey), 'invite', first.claim)).toBe(true);
  });

  it('says why it cannot sign: not a lead, no key, a bad key', async () => {
    const notLead = createSupervisionSigner({ privateKey: async () => 'x', leadUri: () => undefined });
    expect(await notLead.sign({ purpose: 'invite', mode: 'listen', call: 'c' })).toMatchObject({ ok: false, error: 'not-lead' });
    const noKey = createSupervisionSigner({ privateKey: async () => null, leadUri: () => 'sip:1003@h' });
    expect(await noKey.sign({ purpose: 'invite', mode: 'listen', call: 'c' })).toMatchObject({ ok: false, error: 'no-key' });
    const badKey = createSupervisionSigner({ privateKey: async () => 'AAAA', leadUri: () => 'sip:1003@h' });
    expect(await badKey.sign({ purpose: 'invite', mode: 'listen', call: 'c' })).toMatchObject({ ok: false, error: 'bad-key' });
  });
});
