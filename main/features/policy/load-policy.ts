/**
 * Finds, reads and validates the policy file. Validation is the contract's parsePolicy, the same
 * code the browser host's renderer runs, so both hosts accept and reject exactly the same files.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePolicy, type PolicyLoadResult } from '@common/contract/policy';

/** Where the system-wide policy lives on Linux (IT drops it there with their config management). */
export const LINUX_SYSTEM_POLICY = '/etc/lingxi/policy.json';

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

/**
 * The candidate paths in precedence order: --policy, LINGXI_POLICY, <userData>/policy.json,
 * then /etc/lingxi/policy.json on Linux.
 */
export function policyCandidates({ argv, env, userDataDir, platform, cwd = process.cwd() }: PolicyLocationInput): string[] {
  const candidates: string[] = [];
  const fromArgs = policyArgument(argv);
  if (fromArgs) candidates.push(resolve(cwd, fromArgs));
  const fromEnv = env.LINGXI_POLICY;
  if (fromEnv) candidates.push(resolve(cwd, fromEnv));
  candidates.push(join(userDataDir, 'policy.json'));
  if (platform === 'linux') candidates.push(LINUX_SYSTEM_POLICY);
  return [...new Set(candidates)];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the first existing candidate and validates it.
 * A missing or unreadable file is a problem at path '(file)', never an exception: the renderer
 * shows it and refuses to register, like any other policy problem.
 */
export async function loadPolicy(input: PolicyLocationInput): Promise<PolicyLoadResult> {
  const candidates = policyCandidates(input);
  // A file IT named explicitly must be used or reported: falling through to another file would hide a typo.
  const named = policyArgument(input.argv) ?? input.env.LINGXI_POLICY;
  for (const [index, path] of candidates.entries()) {
    if (!(await exists(path))) {
      if (index === 0 && named) {
        const by = policyArgument(input.argv) ? '--policy' : 'LINGXI_POLICY';
        return { ok: false, source: path, problems: [{ path: '(file)', message: `${path} (named by ${by}) does not exist` }] };
      }
      continue;
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { ok: false, source: path, problems: [{ path: '(file)', message: `cannot read ${path}: ${reason}` }] };
    }
    const result = parsePolicy(text, path);
    return result.ok ? { ...result, sha256: createHash('sha256').update(text, 'utf8').digest('hex') } : result;
  }
  return {
    ok: false,
    source: candidates[0] ?? '(none)',
    problems: [{ path: '(file)', message: `no policy file found; tried ${candidates.join(', ')}` }],
  };
}
