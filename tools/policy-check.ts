/**
 * `npm run policy:check -- <file>`: validates one policy file as the app would, verifies its signature
 * against the key built into the package (assets/policy-signing.pub), and prints the effective policy with
 * each value's source (the file, or the built-in default). Without a file: this machine's effective policy
 * from every source (machine policy, then the user's where allowed), as a packaged build would load it.
 * Secrets (passwords, tokens) are masked. Exit code 0: valid; 1: refused; 2: bad arguments.
 */
import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PolicyLoadResult } from '@common/contract/policy';
import { resolvePolicy, type PolicyLoadInput, type ResolvedPolicy } from '@main/features/policy/load-policy';
import { effectivePolicyValues } from '@common/contract/policy-secrets';
import { loggableHash } from '@main/features/policy/policy-service';
import { checkPolicySignature, type SignatureCheck } from '@main/features/policy/policy-signature';

export const USAGE = 'usage: npm run policy:check -- [<policy.json>]   (no file: this machine\'s effective policy)';
export const SIGNING_KEY_PATH = resolve(import.meta.dirname, '..', 'assets', 'policy-signing.pub');


/** Electron's userData for the packaged app (appData/Lingxi), where <userData>/policy.json would be. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lingxi');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lingxi');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Lingxi');
}

function describeSignature(check: SignatureCheck): string {
  switch (check.status) {
    case 'valid':
      return 'valid (the key built into the package)';
    case 'unsigned':
      return 'none';
    case 'unverifiable':
      return 'present, but no key is built in (assets/policy-signing.pub) to check it';
    case 'invalid':
      return `INVALID: ${check.reason}`;
  }
}

/** The report printed for IT: verdict, sources, signature(s), then `key = value  (source)` for every value. */
export function checkReport(resolved: ResolvedPolicy, signatures: Array<[string, SignatureCheck]>): string {
  const { result, merged } = resolved;
  const lines: string[] = [];
  for (const source of result.sources ?? []) lines.push(`source: ${source.kind} ${source.location}${source.applied ? '' : ' (NOT applied)'}${source.note ? ` — ${source.note}` : ''}`);
  for (const [location, check] of signatures) lines.push(`signature of ${location}: ${describeSignature(check)}`);
  if (!result.ok) {
    lines.unshift(`REFUSED: the policy (${result.source}) cannot be used:`);
    for (const problem of result.problems) lines.push(`  ${problem.path}: ${problem.message}`);
    return lines.join('\n');
  }
  lines.unshift(`OK: ${result.source}`, `sha256: ${result.sha256 ?? ''} (in the log as ${loggableHash(result.sha256 ?? '')})`);
  lines.push('', 'effective policy (value, then where it comes from):');
  for (const { path, value, source } of effectivePolicyValues(result.policy, (path) => merged?.originOf(path))) {
    lines.push(`  ${path} = ${JSON.stringify(value)}  (${source})`);
  }
  return lines.join('\n');
}

function readSigningKey(): string {
  try {
    return readFileSync(SIGNING_KEY_PATH, 'utf8');
  } catch {
    return '';
  }
}

/** Resolves the file alone (or this machine's sources) and checks each applied document's signature. */
export async function checkPolicy(file: string | undefined, signingKey = readSigningKey()): Promise<{ report: string; result: PolicyLoadResult }> {
  const input: PolicyLoadInput = file
    ? { argv: ['policy:check', `--policy=${resolve(file)}`], env: {}, userDataDir: '/nonexistent', platform: process.platform, isPackaged: true, signingKey, machineSources: false }
    : { argv: [], env: process.env, userDataDir: defaultUserDataDir(process.platform, process.env), platform: process.platform, isPackaged: true, signingKey, userName: userInfo().username };
  const resolved = await resolvePolicy(input);
  const signatures: Array<[string, SignatureCheck]> = [];
  if (file) {
    try {
      const document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      signatures.push([file, checkPolicySignature(document, signingKey)]);
    } catch {
      // Unreadable or not JSON: the problems above say so.
    }
  }
  return { report: checkReport(resolved, signatures), result: resolved.result };
}

async function main(): Promise<void> {
  try {
    const { positionals } = parseArgs({ allowPositionals: true, strict: true });
    if (positionals.length > 1) throw new Error(USAGE);
    const { report, result } = await checkPolicy(positionals[0]);
    console.log(report);
    process.exitCode = result.ok ? 0 : 1;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
