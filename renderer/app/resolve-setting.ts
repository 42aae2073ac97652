import type { LockableKey, Policy } from '@common/contract/policy';

/**
 * Precedence (DESIGN.md §4): locked policy > user settings > policy value (its default included).
 * @returns the value in force and whether the agent may change it
 */
export function resolveSetting<T>(policy: Policy, key: LockableKey, policyValue: T, userValue: T | undefined) {
  const locked = policy.locked.includes(key);
  return { value: locked || userValue === undefined ? policyValue : userValue, locked };
}
