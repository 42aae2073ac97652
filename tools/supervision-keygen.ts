/**
 * `npm run supervision:keygen -- --lead sip:1003@pbx.bank.example [--name "Wang Fang"]`: a fresh Ed25519
 * key pair for one team lead, and what IT does with each half: the private key goes to the lead's desktop
 * only (pasted once into Lingxi, which keeps it in the OS secret store), the public key into the agents'
 * policy under `supervision.leads`. Exit code 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { generateSupervisionKeyPair } from '@common/supervision/supervision-signing';

export const USAGE = 'usage: npm run supervision:keygen -- --lead <sip:lead@pbx.example> [--name <display name>]';
const SIP_URI = /^sips?:[^@\s]+@[^@\s]+$/;

/** The text printed for IT, given a generated pair. */
export function keygenReport(lead: string, name: string | undefined, pair: { privateKey: string; publicKey: string }): string {
  const entry = { uri: lead, ...(name ? { name } : {}), publicKey: pair.publicKey };
  return [
    `Supervision key pair for ${lead}`,
    '',
    'privateKey (for the lead\'s desktop ONLY: paste it once under Supervision key in Lingxi, then delete this output;',
    'never put it in a policy file, a ticket or a chat):',
    pair.privateKey,
    '',
    'publicKey:',
    pair.publicKey,
    '',
    'Policy snippet for the agents this lead supervises (add to "supervision" → "leads"):',
    JSON.stringify(entry, null, 2),
    '',
    'Policy for the lead\'s own desktop: "supervision": { "role": "lead", "team": [ { "uri": "sip:…", "name": "…" } ] }',
  ].join('\n');
}

async function main(): Promise<void> {
  try {
    const { values } = parseArgs({ options: { lead: { type: 'string' }, name: { type: 'string' } }, strict: true });
    if (!values.lead || !SIP_URI.test(values.lead)) throw new Error(USAGE);
    console.log(keygenReport(values.lead, values.name, await generateSupervisionKeyPair()));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
