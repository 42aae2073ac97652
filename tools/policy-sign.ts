/**
 * `npm run policy:sign -- <policy.json> --key <private.pem> [--out <signed.json>]`: signs a policy with IT's
 * Ed25519 private key (PKCS#8 PEM): `policySignature` is set over the canonical document
 * (common/contract/policy-canonical.ts) and the file is rewritten (or --out written). Any later edit of the
 * file voids the signature.
 * `npm run policy:sign -- --new-key <private.pem>`: a fresh key pair; the private key (mode 600) stays with
 * IT, the public key goes to assets/policy-signing.pub and is built into the next package.
 * Exit code 2 on bad arguments.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readJson } from '@common/json';
import { signPolicyDocument } from '@main/features/policy/policy-signature';
import { SIGNING_KEY_PATH } from './policy-check';

export const USAGE = [
  'usage: npm run policy:sign -- <policy.json> --key <private.pem> [--out <signed.json>]',
  '       npm run policy:sign -- --new-key <private.pem> [--public <file>]   (default public: assets/policy-signing.pub)',
].join('\n');

/** The signed JSON text of a policy file's text. */
export function signPolicyText(text: string, privateKeyPem: string): string {
  const json = readJson(text);
  if (!json.ok) throw new Error(`the policy is ${json.error}`);
  if (json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) throw new Error('the policy must be a JSON object');
  return `${JSON.stringify(signPolicyDocument(json.value as Record<string, unknown>, privateKeyPem), null, 2)}\n`;
}

/** A fresh Ed25519 pair as PEM: PKCS#8 private, SPKI public. */
export function newSigningKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function main(): void {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      strict: true,
      options: { key: { type: 'string' }, out: { type: 'string' }, 'new-key': { type: 'string' }, public: { type: 'string' } },
    });
    if (values['new-key']) {
      const pair = newSigningKeyPair();
      writeFileSync(values['new-key'], pair.privateKey, { mode: 0o600, flag: 'wx' });
      writeFileSync(values.public ?? SIGNING_KEY_PATH, pair.publicKey);
      console.log(`private key: ${values['new-key']} (keep it offline, with IT only)\npublic key: ${values.public ?? SIGNING_KEY_PATH} (built into the next npm run dist)`);
      return;
    }
    const [file] = positionals;
    if (!file || !values.key || positionals.length > 1) throw new Error(USAGE);
    const signed = signPolicyText(readFileSync(file, 'utf8'), readFileSync(values.key, 'utf8'));
    writeFileSync(values.out ?? file, signed);
    console.log(`signed ${values.out ?? file}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
