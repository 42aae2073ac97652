/**
 * The user's policy: `--policy <path>`, `LINGXI_POLICY`, `<userData>/policy.json`, first existing wins. It
 * applies only where there is no machine policy, the machine policy says `allowUserPolicy: true`, or the
 * build is not packaged (development); load-policy.ts decides.
 */
import { join, resolve } from 'node:path';
import type { PolicyProblem } from '@common/contract/policy';
import type { PolicyIo } from './policy-io';
import { readPolicyFile, type FoundDocument } from './policy-file';

export interface PolicyLocationInput {
  /** process.argv (Electron's, including the executable). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** app.getPath('userData'). */
  userDataDir: string;
  platform: NodeJS.Platform;
  /** Base for relative --policy / LINGXI_POLICY paths. */
  cwd?: string;
}

/** The value of --policy=<path> or --policy <path>, if given. The last occurrence wins, as in most CLIs. */
export function policyArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--policy=')) found = arg.slice('--policy='.length);
    else if (arg === '--policy' && i + 1 < argv.length) found = argv[++i];
  }
  return found === '' ? undefined : found;
}

/** The user's candidate paths in precedence order: --policy, LINGXI_POLICY, <userData>/policy.json. */
export function userPolicyCandidates({ argv, env, userDataDir, cwd = process.cwd() }: PolicyLocationInput): string[] {
  const candidates: string[] = [];
  const fromArgs = policyArgument(argv);
  if (fromArgs) candidates.push(resolve(cwd, fromArgs));
  const fromEnv = env.LINGXI_POLICY;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(join(userDataDir, 'policy.json'));
  return [...new Set(candidates)];
}

export type UserPolicy = { found: false; locations: string[] } | { found: true; document: FoundDocument } | { found: true; problem: PolicyProblem; location: string };

/**
 * The first existing candidate. A file named by --policy or LINGXI_POLICY must exist: falling through to
 * another file would hide a typo.
 */
export async function readUserPolicy(input: PolicyLocationInput, io: PolicyIo): Promise<UserPolicy> {
  const candidates = userPolicyCandidates(input);
  const named = policyArgument(input.argv) ?? input.env.LINGXI_POLICY;
  for (const [index, path] of candidates.entries()) {
    const read = await readPolicyFile(io, path, 'user');
    if (!read.found) {
      if (index === 0 && named) {
        const by = policyArgument(input.argv) ? '--policy' : 'LINGXI_POLICY';
        return { found: true, location: path, problem: { path: '(file)', message: `${path} (named by ${by}) does not exist` } };
      }
      continue;
    }
    return 'problem' in read ? { found: true, location: path, problem: read.problem } : read;
  }
  return { found: false, locations: candidates };
}
