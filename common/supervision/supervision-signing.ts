/**
 * Ed25519 signing and verification of supervision claims with WebCrypto (Node 20, Chromium, Electron
 * alike: no library). Keys travel as text: the private key as base64 PKCS#8 (what
 * `npm run supervision:keygen` prints for the lead's machine), the public key as the raw 32 bytes in base64
 * (what the agents' policy lists).
 */
import { signedText, type SignedSupervisionClaim, type SupervisionClaim, type SupervisionPurpose } from './supervision-protocol';

const ED25519 = { name: 'Ed25519' } as const;

/** WebCrypto's CryptoKey, named so in both Node's and the DOM's typings (common/ is compiled with either). */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 16 random bytes, base64url. */
export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Imports the lead's private key (base64 PKCS#8) as a non-extractable signing key.
 * @throws Error naming what is wrong, for the lead or IT to act on
 */
export async function importPrivateKey(pkcs8Base64: string): Promise<CryptoKey> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(pkcs8Base64.trim());
  } catch {
    throw new Error('the supervision private key is not base64 (paste the "privateKey" line npm run supervision:keygen printed)');
  }
  try {
    return await crypto.subtle.importKey('pkcs8', bytes, ED25519, false, ['sign']);
  } catch {
    throw new Error('the supervision private key is not an Ed25519 PKCS#8 key (paste the "privateKey" line npm run supervision:keygen printed)');
  }
}

/** Imports a policy's public key (raw 32 bytes, base64). */
export function importPublicKey(rawBase64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(rawBase64), ED25519, false, ['verify']);
}

/** Signs a claim for one purpose. */
export async function signClaim(key: CryptoKey, purpose: SupervisionPurpose, claim: SupervisionClaim): Promise<SignedSupervisionClaim> {
  const signature = await crypto.subtle.sign(ED25519, key, new TextEncoder().encode(signedText(purpose, claim)));
  return { ...claim, sig: toBase64Url(new Uint8Array(signature)) };
}

/** Whether `claim.sig` is a valid signature over the claim for `purpose` by the holder of `publicKey`. */
export async function verifyClaim(publicKey: CryptoKey, purpose: SupervisionPurpose, claim: SignedSupervisionClaim): Promise<boolean> {
  const { sig, ...fields } = claim;
  try {
    return await crypto.subtle.verify(ED25519, publicKey, fromBase64(sig), new TextEncoder().encode(signedText(purpose, fields)));
  } catch {
    return false;
  }
}

/** A fresh key pair as text: what `npm run supervision:keygen` prints. */
export async function generateSupervisionKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as { privateKey: CryptoKey; publicKey: CryptoKey };
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: toBase64(pkcs8), publicKey: toBase64(raw) };
}
