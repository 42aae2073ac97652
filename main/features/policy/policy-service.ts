/**
 * The policy as main serves it: `policy:load` (the renderer starts on it; logged with its sources and
 * SHA-256 every time), `policy:check` (the same load without side effects, for a changed policy), and the
 * watch that tells the renderer when the sources changed.
 */
import type { Logger } from '@common/logging/logger';
import type { PolicyLoadResult } from '@common/contract/policy';
import { policySourceKinds } from '@common/contract/policy-header';
import { loadPolicy, resolvePolicy, type PolicyLoadInput, type ResolvedPolicy } from './load-policy';
import { machinePolicyFolder, REQUIRE_SIGNATURE_FILE } from './machine-sources';
import { managedPreferencePaths } from './mac-managed-preferences';
import { userPolicyCandidates } from './user-sources';
import { watchPolicy, type PolicyWatch, type PolicyWatchDeps } from './policy-watch';
import { posix, win32 } from 'node:path';

/**
 * The SHA-256 in groups of four (`1a2b:3c4d:…`), as the log has always shown it (the redaction before issue 23
 * removed the digit runs of a plain hex digest; today's keeps digits inside a word). Remove the colons to
 * compare with the REGISTER header.
 */
export function loggableHash(sha256: string): string {
  return sha256.replace(/(.{4})(?!$)/g, '$1:');
}

/** One log line: what applied, what was ignored and why, and the hash. */
export function describePolicyLoad(result: PolicyLoadResult): string {
  const sources = (result.sources ?? []).map((s) => `${s.kind} ${s.location}${s.applied ? '' : ' (not applied)'}${s.note ? ` [${s.note}]` : ''}`).join('; ');
  if (!result.ok) return `policy rejected (${result.source}): ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}${sources ? `; sources: ${sources}` : ''}`;
  return `policy in force: sources=${policySourceKinds(result)} sha256=${loggableHash(result.sha256 ?? '')}; ${sources}`;
}

/** Every file whose change may change the policy (the registry is polled). */
export function watchedPolicyFiles(input: PolicyLoadInput): string[] {
  const folder = machinePolicyFolder(input.platform, input.env);
  const join = input.platform === 'win32' ? win32.join : posix.join;
  return [
    join(folder, 'policy.json'),
    join(folder, REQUIRE_SIGNATURE_FILE),
    ...(input.platform === 'darwin' ? managedPreferencePaths(input.userName) : []),
    ...userPolicyCandidates(input),
  ];
}

export interface PolicyServiceDeps {
  input(): PolicyLoadInput;
  log: Logger;
  /** Tells the renderer the policy sources changed (it asks policy:check and applies between calls). */
  notifyChanged(): void;
  watchFolder: PolicyWatchDeps['watchFolder'];
}

export function createPolicyService(deps: PolicyServiceDeps) {
  let watch: PolicyWatch | undefined;
  let loaded: ResolvedPolicy | undefined;
  return {
    /** policy:load: the policy the renderer now runs on; logged, and the baseline of the watch. */
    async load(): Promise<PolicyLoadResult> {
      loaded = await resolvePolicy(deps.input());
      const { result } = loaded;
      deps.log[result.ok ? 'info' : 'warn'](describePolicyLoad(result));
      watch?.setCurrent(result);
      return result;
    },
    /** The policy in force (the last load, null before one) and which document set each value (undefined: the default). */
    inForce(): { result: PolicyLoadResult | null; originOf(path: string): string | undefined } {
      const last = loaded;
      return { result: last?.result ?? null, originOf: (path) => last?.merged?.originOf(path) };
    },
    /** policy:check: loads without applying anything in main. */
    check(): Promise<PolicyLoadResult> {
      return loadPolicy(deps.input());
    },
    startWatching(): void {
      const input = deps.input();
      watch = watchPolicy({
        files: watchedPolicyFiles(input),
        watchFolder: deps.watchFolder,
        load: () => loadPolicy(deps.input()),
        onChange: (result) => {
          deps.log[result.ok ? 'info' : 'warn'](`policy sources changed: ${describePolicyLoad(result)}`);
          deps.notifyChanged();
        },
        onError: (error) => deps.log.warn('policy watch: reload failed', error),
      });
    },
    dispose(): void {
      watch?.stop();
    },
  };
}
