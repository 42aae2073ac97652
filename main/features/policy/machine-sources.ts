/**
 * The machine policy: what IT installs for every user of the computer, authoritative in a packaged build.
 * In the order they are laid over each other (a later one wins key by key):
 * - Windows: `%ProgramData%\Lingxi\policy.json`, then the registry `HKLM\SOFTWARE\Policies\Lingxi` (GPO/Intune);
 * - macOS: `/Library/Application Support/Lingxi/policy.json`, then managed preferences `com.lingxi.desktop`
 *   (computer, then the user's);
 * - Linux and others: `/etc/lingxi/policy.json`.
 * A machine also requires signed policies when the flag file `require-signed-policy` sits in the machine
 * policy folder (or, on Windows, the registry value RequireSignedPolicy is 1).
 */
import { posix, win32 } from 'node:path';
import type { PolicyProblem } from '@common/contract/policy';
import { managedPreferencePaths, readManagedPreferences } from './mac-managed-preferences';
import type { PolicyIo } from './policy-io';
import { readPolicyFile, type FoundDocument } from './policy-file';
import { readRegistryPolicy, REGISTRY_KEY, REGISTRY_REQUIRE_SIGNATURE_VALUE } from './windows-registry';

export const LINUX_SYSTEM_POLICY = '/etc/lingxi/policy.json';
/** The flag file (any content) that makes a machine refuse unsigned policies. */
export const REQUIRE_SIGNATURE_FILE = 'require-signed-policy';

/** The machine policy folder: IT-writable only. */
export function machinePolicyFolder(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Lingxi');
  if (platform === 'darwin') return '/Library/Application Support/Lingxi';
  return posix.dirname(LINUX_SYSTEM_POLICY);
}

function inFolder(platform: NodeJS.Platform, folder: string, name: string): string {
  return (platform === 'win32' ? win32 : posix).join(folder, name);
}

export interface MachinePolicy {
  /** The documents found, lowest precedence first. */
  documents: FoundDocument[];
  /** A machine source that exists but cannot be read: the whole policy is refused (never half-applied). */
  problems: PolicyProblem[];
  /** Set when the machine requires signed policies: where that is said. */
  requireSignature?: string;
  /** Every place looked at, for "no policy found" and policy:check. */
  locations: string[];
}

/** Reads every machine source of `platform`. */
export async function readMachinePolicy(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  io: PolicyIo,
  userName?: string,
): Promise<MachinePolicy> {
  const folder = machinePolicyFolder(platform, env);
  const policy: MachinePolicy = { documents: [], problems: [], locations: [] };
  const file = inFolder(platform, folder, 'policy.json');
  policy.locations.push(file);
  const read = await readPolicyFile(io, file, 'machine');
  // Problems name the file: a machine policy has several sources.
  if (read.found && 'problem' in read) policy.problems.push({ path: file, message: read.problem.message });
  else if (read.found) policy.documents.push(read.document);

  const flag = inFolder(platform, folder, REQUIRE_SIGNATURE_FILE);
  if ((await io.readText(flag).catch(() => '')) !== undefined) policy.requireSignature = flag;

  if (platform === 'win32') {
    policy.locations.push(REGISTRY_KEY);
    const registry = await readRegistryPolicy(io);
    if (registry.found) {
      policy.problems.push(...registry.problems);
      if (registry.document) policy.documents.push({ kind: 'machine', location: REGISTRY_KEY, document: registry.document });
      if (registry.requireSignature) policy.requireSignature = `${REGISTRY_KEY}\\${REGISTRY_REQUIRE_SIGNATURE_VALUE}`;
    }
  }
  if (platform === 'darwin') {
    for (const path of managedPreferencePaths(userName)) {
      policy.locations.push(path);
      if ((await io.readText(path).catch(() => '')) === undefined) continue;
      const prefs = await readManagedPreferences(io, path);
      if ('problem' in prefs) policy.problems.push(prefs.problem);
      else policy.documents.push({ kind: 'machine', location: path, document: prefs.document });
    }
  }
  return policy;
}
