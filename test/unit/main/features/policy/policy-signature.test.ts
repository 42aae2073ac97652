import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyLoadInput } from '@main/features/policy/load-policy';
import { checkPolicySignature, signatureProblem, signPolicyDocument } from '@main/features/policy/policy-signature';
import { fakePolicyIo } from './fake-policy-io';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const it_ = pem();
const other = pem();
const document = { sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'pw' }, recording: { mode: 'always' } };

describe('checkPolicySignature', () => {
  it('accepts a document signed with the built-in key, whatever its key order', () => {
    const signed = signPolicyDocument(document, it_.privateKey);
    const reordered = { recording: signed.recording, policySignature: signed.policySignature, sip: signed.sip };
    expect(checkPolicySignature(reordered, it_.publicKey)).toEqual({ status: 'valid' });
  });

  it('refuses a document altered after signing, or signed with another key', () => {
    const signed = signPolicyDocument(document, it_.privateKey);
    const altered = { ...signed, recording: { mode: 'off' } };
    expect(checkPolicySignature(altered, it_.publicKey)).toMatchObject({ status: 'invalid', reason: expect.stringContaining('altered after signing') });
    expect(checkPolicySignature(signPolicyDocument(document, other.privateKey), it_.publicKey).status).toBe('invalid');
    expect(checkPolicySignature({ ...document, policySignature: 'AAAA' }, it_.publicKey)).toEqual({ status: 'invalid', reason: 'policySignature is 3 bytes, an Ed25519 signature is 64' });
  });

  it('tells a missing signature and a build without a key apart', () => {
    expect(checkPolicySignature(document, it_.publicKey)).toEqual({ status: 'unsigned' });
    expect(checkPolicySignature(signPolicyDocument(document, it_.privateKey), '')).toEqual({ status: 'unverifiable' });
  });

  it('refuses unsigned only where the machine requires signatures, and says where that is set', () => {
    expect(signatureProblem({ status: 'unsigned' }, undefined)).toBeUndefined();
    expect(signatureProblem({ status: 'unsigned' }, '/etc/lingxi/require-signed-policy')).toBe(
      'unsigned, and this machine requires signed policies (/etc/lingxi/require-signed-policy); sign it with npm run policy:sign',
    );
    expect(signatureProblem({ status: 'unverifiable' }, '/etc/lingxi/require-signed-policy')).toContain('this build has no policy signing key');
  });
});

describe('loadPolicy with signatures', () => {
  const load = (policy: object, files: Record<string, string> = {}, signingKey = it_.publicKey) => {
    const input: PolicyLoadInput = {
      argv: ['lingxi'], env: {}, userDataDir: '/nowhere', platform: 'linux', isPackaged: true, signingKey,
      io: fakePolicyIo({ files: { '/etc/lingxi/policy.json': JSON.stringify(policy), ...files } }),
    };
    return resolvePolicy(input).then((r) => r.result);
  };
  const requiring = { '/etc/lingxi/require-signed-policy': '' };

  it('loads a valid signed policy on a requiring machine; the hash leaves the signature out', async () => {
    const signed = signPolicyDocument(document, it_.privateKey);
    const result = await load(signed, requiring);
    const unsigned = await load(document);
    expect(result.ok).toBe(true);
    expect(result.ok && result.sha256).toBe(unsigned.ok && unsigned.sha256);
  });

  it('refuses an unsigned or altered policy on a requiring machine, saying why', async () => {
    expect(await load(document, requiring)).toMatchObject({ ok: false, source: '/etc/lingxi/policy.json', problems: [{ path: 'policySignature', message: expect.stringContaining('unsigned, and this machine requires signed policies') }] });
    const altered = { ...signPolicyDocument(document, it_.privateKey), sip: { ...document.sip, uri: 'sip:6666@pbx.bank.example' } };
    expect(await load(altered, requiring)).toMatchObject({ ok: false, problems: [{ path: 'policySignature', message: expect.stringContaining('does not match') }] });
  });

  it('refuses an altered signed policy even where signatures are not required', async () => {
    const altered = { ...signPolicyDocument(document, it_.privateKey), recording: { mode: 'off' } };
    expect((await load(altered)).ok).toBe(false);
  });
});
