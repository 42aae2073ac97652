/**
 * How the policy in force is described where it must be visible: main's log at start and the REGISTER's
 * `X-Lingxi-Policy` header, so the SIP server (or its logs) shows which desks run a drifted policy.
 */
import type { PolicyLoadResult } from './policy';

export const POLICY_HEADER = 'X-Lingxi-Policy';

/** `machine`, `user`, `machine+user` or `web-host`: the kinds of source that applied. */
export function policySourceKinds(result: PolicyLoadResult): string {
  const kinds = [...new Set((result.sources ?? []).filter((s) => s.applied).map((s) => s.kind))];
  return kinds.length > 0 ? kinds.join('+') : 'unknown';
}

/** `sha256=<hex>; sources=<kinds>`, the header's value (and the log's summary); undefined without a hash. */
export function policyHeaderValue(result: PolicyLoadResult): string | undefined {
  if (!result.ok || !result.sha256) return undefined;
  return `sha256=${result.sha256}; sources=${policySourceKinds(result)}`;
}
