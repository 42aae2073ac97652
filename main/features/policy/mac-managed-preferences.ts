/**
 * macOS managed preferences for `com.lingxi.desktop`, as an MDM (Jamf, Intune, Kandji…) installs a
 * configuration profile's custom settings: `/Library/Managed Preferences/com.lingxi.desktop.plist` for the
 * computer and `/Library/Managed Preferences/<user>/com.lingxi.desktop.plist` for one user. The plist's
 * top-level keys are the policy's (`sip`, `recording`, …; nested dicts are sections). Read with
 * `plutil -convert json -o - <file>`, which takes binary and XML plists alike; profile bookkeeping keys
 * (`Payload…`) are dropped.
 */
import type { PolicyProblem } from '@common/contract/policy';
import { readJson } from '@common/json';
import type { PolicyIo } from './policy-io';
import type { JsonObject } from './policy-merge';

export const MANAGED_PREFERENCES_DOMAIN = 'com.lingxi.desktop';

/** Computer-level managed preferences, then the user's (the user's wins key by key: both come from the MDM). */
export function managedPreferencePaths(userName: string | undefined): string[] {
  const file = `${MANAGED_PREFERENCES_DOMAIN}.plist`;
  return [`/Library/Managed Preferences/${file}`, ...(userName ? [`/Library/Managed Preferences/${userName}/${file}`] : [])];
}

export type ManagedPreferences = { document: JsonObject } | { problem: PolicyProblem };

/** plutil's JSON output as a policy document. */
export function managedPreferencesDocument(json: string, path: string): ManagedPreferences {
  const parsed = readJson(json);
  if (!parsed.ok) return { problem: { path, message: `plutil gave no JSON: ${parsed.error}` } };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: { path, message: 'the plist must be a dictionary' } };
  return { document: Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('Payload'))) };
}

/**
 * Converts one plist (the caller has checked it exists). A plist plutil cannot turn into JSON (a <date> or
 * <data> value) is a problem naming the file.
 */
export async function readManagedPreferences(io: PolicyIo, path: string): Promise<ManagedPreferences> {
  const result = await io.run('plutil', ['-convert', 'json', '-o', '-', path]);
  if (result.code !== 0) {
    const reason = (result.stderr || result.stdout).trim() || `exit code ${result.code}`;
    return { problem: { path, message: `plutil could not read it: ${reason}` } };
  }
  return managedPreferencesDocument(result.stdout, path);
}
