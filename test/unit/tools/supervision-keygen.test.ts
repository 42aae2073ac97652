/** `npm run supervision:keygen`: the printed pair works end to end, and the snippet is valid policy. */
import { describe, expect, it } from 'vitest';
import { supervisionPolicySchema } from '@common/contract/policy-supervision';
import { generateSupervisionKeyPair, importPrivateKey, importPublicKey, signClaim, verifyClaim } from '@common/supervision/supervision-signing';
import { keygenReport } from '../../../tools/supervision-keygen';

describe('supervision:keygen', () => {
  it('prints a private key that signs what the policy snippet public key verifies', async () => {
    const pair = await generateSupervisionKeyPair();
    const report = keygenReport('sip:1003@pbx.bank.example', 'Wang Fang', pair);
    const snippet = JSON.parse(report.slice(report.indexOf('{'), report.indexOf('}') + 1)) as unknown;
    const policy = supervisionPolicySchema.parse({ leads: [snippet] });
    expect(policy.leads[0]).toEqual({ uri: 'sip:1003@pbx.bank.example', name: 'Wang Fang', publicKey: pair.publicKey });
    expect(report).toContain(pair.privateKey);

    const claim = { mode: 'listen' as const, call: 'c1@pbx', lead: 'sip:1003@pbx.bank.example', ts: 1, nonce: 'abcdefghijklmnop' };
    const signed = await signClaim(await importPrivateKey(pair.privateKey), 'invite', claim);
    expect(await verifyClaim(await importPublicKey(pair.publicKey), 'invite', signed)).toBe(true);
  });

  it('gives a clear error for a pasted key that is not one', async () => {
    await expect(importPrivateKey('not a key!')).rejects.toThrow(/not base64/);
    await expect(importPrivateKey('AAAA')).rejects.toThrow(/not an Ed25519 PKCS#8 key/);
  });
});
