/**
 * Which policy values are secret, for everything that shows or writes the policy (`npm run policy:check`,
 * the diagnostics export) and for the log's redaction of values known by name.
 */
import { isSecretKey, redactValue } from './redact';
import type { Policy } from './policy';

/** What a secret value is shown as. */
export const MASKED = '••••';

/** One effective value and where it comes from (a file, the registry, or the built-in default). */
export interface PolicyValue {
  path: string;
  value: unknown;
  source: string;
}

/** Whether the value at a dotted path is secret as a whole (`sip.password`, `cti.hmacKey`, `crm.headers.Authorization`). */
export function isSecretPolicyPath(path: string): boolean {
  return isSecretKey(path.slice(path.lastIndexOf('.') + 1));
}

/** A value as it may be shown: secret paths masked, secret fields inside lists and objects too (`sip.iceServers[].credential`). */
export function shownPolicyValue(path: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (isSecretPolicyPath(path)) return MASKED;
  return redactValue(value);
}

/** The secret values a policy holds, for redaction by value (logs, diagnostics). */
export function policySecretValues(policy: Policy | undefined): string[] {
  if (!policy) return [];
  const values = [policy.sip.password, policy.cti.hmacKey, ...policy.sip.iceServers.map((server) => server.credential)];
  for (const [name, value] of Object.entries(policy.crm.headers)) if (isSecretKey(name)) values.push(value);
  return values.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every leaf (non-object value, lists included) of a document as dotted path → value. */
export function leaves(document: unknown, prefix = ''): Array<[string, unknown]> {
  if (!isObject(document)) return prefix ? [[prefix, document]] : [];
  return Object.entries(document).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * The effective policy as IT may see it: every value (secrets masked) with its source.
 * @param originOf the document that set a path (undefined: the built-in default)
 */
export function effectivePolicyValues(policy: Policy, originOf: (path: string) => string | undefined): PolicyValue[] {
  return leaves(policy).map(([path, value]) => ({ path, value: shownPolicyValue(path, value), source: originOf(path) ?? 'default' }));
}
