/**
 * `policySignature`: IT signs a policy document with an Ed25519 private key; the public key is built into
 * the package (assets/policy-signing.pub, baked into main at build time). What is signed is the canonical
 * document (common/contract/policy-canonical.ts: without policySignature, keys sorted, no whitespace, UTF-8);
 * the signature is base64 in the document's `policySignature`.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalPolicyJson, POLICY_SIGNATURE_FIELD } from '@common/contract/policy-canonical';

export type SignatureCheck =
  | { status: 'valid' }
  | { status: 'unsigned' }
  /** Signed, but this build has no public key to check with. */
  | { status: 'unverifiable' }
  | { status: 'invalid'; reason: string };

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
  return key;
}

/** Parses a PEM public key (SPKI); throws naming what is wrong. */
export function policyPublicKey(pem: string): KeyObject {
  try {
    return ed25519(createPublicKey(pem), 'the policy signing public key');
  } catch (error) {
    throw new Error(`the policy signing public key is unusable: ${(error as Error).message}`, { cause: error });
  }
}

/** The document with `policySignature` set to a fresh signature by `privateKeyPem` (PKCS#8 PEM). */
export function signPolicyDocument(document: Record<string, unknown>, privateKeyPem: string): Record<string, unknown> {
  const key = ed25519(createPrivateKey(privateKeyPem), 'the private key');
  const signature = sign(null, Buffer.from(canonicalPolicyJson(document), 'utf8'), key).toString('base64');
  const { [POLICY_SIGNATURE_FIELD]: _old, ...rest } = document;
  return { ...rest, [POLICY_SIGNATURE_FIELD]: signature };
}

/** Checks a document's signature against the built-in key (`publicKeyPem` empty or undefined: none built in). */
export function checkPolicySignature(document: Record<string, unknown>, publicKeyPem: string | undefined): SignatureCheck {
  const signature = document[POLICY_SIGNATURE_FIELD];
  if (signature === undefined) return { status: 'unsigned' };
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return { status: 'invalid', reason: 'policySignature is not base64' };
  if (!publicKeyPem?.trim()) return { status: 'unverifiable' };
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return { status: 'invalid', reason: `policySignature is ${bytes.length} bytes, an Ed25519 signature is 64` };
  const ok = verify(null, Buffer.from(canonicalPolicyJson(document), 'utf8'), policyPublicKey(publicKeyPem), bytes);
  return ok ? { status: 'valid' } : { status: 'invalid', reason: 'policySignature does not match the document (altered after signing, or signed with another key)' };
}

/**
 * The problem with one document's signature, or undefined when it may be used. A signature that does not
 * verify is always refused (the document was altered); a missing one only where the machine requires it.
 * @param required where the machine says signatures are required, if it does
 */
export function signatureProblem(check: SignatureCheck, required: string | undefined): string | undefined {
  switch (check.status) {
    case 'valid':
      return undefined;
    case 'invalid':
      return check.reason;
    case 'unsigned':
      return required ? `unsigned, and this machine requires signed policies (${required}); sign it with npm run policy:sign` : undefined;
    case 'unverifiable':
      return required ? `this build has no policy signing key (assets/policy-signing.pub), so the signature cannot be checked as ${required} requires` : undefined;
  }
}
