/**
 * The Windows machine policy in the registry, `HKLM\SOFTWARE\Policies\Lingxi` (where GPO / Intune write),
 * read with `reg query` (no native module) and parsed from its text output:
 * - `Policy` (REG_SZ): the whole policy JSON document;
 * - any other value named by a dotted policy key (`recording.mode`, `sip.autoAnswer.enabled`) sets that key
 *   over the document: REG_DWORD/REG_QWORD for numbers and booleans (0 = false), REG_SZ for text (or JSON
 *   for a list or section), REG_MULTI_SZ for a list of strings;
 * - `RequireSignedPolicy` (REG_DWORD 1): this machine refuses unsigned policies (policy-signature.ts).
 */
import type { PolicyProblem } from '@common/contract/policy';
import { readJson } from '@common/json';
import type { PolicyIo } from './policy-io';
import { policyLeafKind } from './schema-leaf';
import { setPath } from './policy-merge';

export const REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\Lingxi';
/** The value holding the whole document. */
export const REGISTRY_DOCUMENT_VALUE = 'Policy';
export const REGISTRY_REQUIRE_SIGNATURE_VALUE = 'RequireSignedPolicy';

export interface RegistryValue {
  name: string;
  type: string;
  data: string;
}

// `    <name>    <REG_TYPE>    <data>`: four spaces around each column; empty data may lose its separator.
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

/** The values `reg query <key>` printed for the key itself (subkeys and their values are not read). */
export function parseRegQuery(stdout: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  let inKey = false;
  for (const raw of stdout.split(/\r?\n/)) {
    if (/^HKEY_/i.test(raw)) {
      // The first key header is ours; a second one would be a subkey (only with /s).
      if (inKey) break;
      inKey = true;
      continue;
    }
    const match = VALUE_LINE.exec(raw);
    if (inKey && match) values.push({ name: match[1] ?? '', type: match[2] ?? '', data: match[3] ?? '' });
  }
  return values;
}

function integer(value: RegistryValue): number | undefined {
  if (value.type !== 'REG_DWORD' && value.type !== 'REG_QWORD') return undefined;
  const parsed = Number.parseInt(value.data, 16);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** One per-key value as the JSON value its policy key needs; a problem when it cannot be. */
function convert(value: RegistryValue): { ok: true; value: unknown } | { ok: false; message: string } {
  const kind = policyLeafKind(value.name);
  if (!kind) return { ok: false, message: `is not a policy key (per-key values are named like recording.mode)` };
  const number = integer(value);
  if (value.type === 'REG_MULTI_SZ') return { ok: true, value: value.data === '' ? [] : value.data.split('\\0') };
  switch (kind) {
    case 'boolean':
      if (number !== undefined) return { ok: true, value: number !== 0 };
      if (/^(true|false)$/i.test(value.data)) return { ok: true, value: value.data.toLowerCase() === 'true' };
      return { ok: false, message: 'must be a REG_DWORD (1 or 0) or true/false' };
    case 'number':
      if (number !== undefined) return { ok: true, value: number };
      if (value.data.trim() !== '' && Number.isFinite(Number(value.data))) return { ok: true, value: Number(value.data) };
      return { ok: false, message: 'must be a REG_DWORD or a number' };
    case 'text':
      return number === undefined ? { ok: true, value: value.data } : { ok: false, message: 'must be a REG_SZ' };
    case 'json': {
      const json = readJson(value.data);
      return json.ok ? { ok: true, value: json.value } : { ok: false, message: `must be JSON (${json.error})` };
    }
  }
}

export type RegistryPolicy =
  | { found: false }
  | { found: true; document: Record<string, unknown> | undefined; requireSignature: boolean; problems: PolicyProblem[] };

/** Builds the document from the key's values (the Policy document, then each per-key value over it). */
export function registryPolicy(values: readonly RegistryValue[]): RegistryPolicy {
  const problems: PolicyProblem[] = [];
  let document: Record<string, unknown> | undefined;
  let requireSignature = false;
  const where = (name: string) => `${REGISTRY_KEY}\\${name}`;
  const whole = values.find((v) => v.name.toLowerCase() === REGISTRY_DOCUMENT_VALUE.toLowerCase());
  if (whole) {
    // reg.exe prints in the console's code page: non-ASCII text arrives garbled, so say how to avoid it.
    if (whole.data.includes('\uFFFD')) problems.push({ path: where(whole.name), message: 'holds non-ASCII text reg.exe cannot print: write it as \\uXXXX escapes' });
    const json = readJson(whole.data);
    if (!json.ok) problems.push({ path: where(whole.name), message: json.error });
    else if (json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) problems.push({ path: where(whole.name), message: 'must be a JSON object' });
    else document = json.value as Record<string, unknown>;
  }
  for (const value of values) {
    if (value === whole || value.name === '(Default)') continue;
    if (value.name.toLowerCase() === REGISTRY_REQUIRE_SIGNATURE_VALUE.toLowerCase()) {
      requireSignature = (integer(value) ?? 0) !== 0;
      continue;
    }
    const converted = convert(value);
    if (!converted.ok) {
      problems.push({ path: where(value.name), message: `${value.type}: ${converted.message}` });
      continue;
    }
    document ??= {};
    setPath(document, value.name, converted.value);
  }
  return { found: true, document, requireSignature, problems };
}

/**
 * Reads the key with `reg query`. Exit code 1 is reg.exe's "unable to find the key" (its text is localized,
 * so only the code is trusted; HKLM\SOFTWARE\Policies is readable by every user, so it is not a denial):
 * no registry policy. Any other failure is a problem, never silently no policy.
 */
export async function readRegistryPolicy(io: PolicyIo): Promise<RegistryPolicy> {
  const result = await io.run('reg', ['query', REGISTRY_KEY]);
  if (result.code === 1) return { found: false };
  if (result.code !== 0) {
    const reason = (result.stderr || result.stdout).trim() || `exit code ${result.code}`;
    return { found: true, document: undefined, requireSignature: false, problems: [{ path: REGISTRY_KEY, message: `reg query failed: ${reason}` }] };
  }
  return registryPolicy(parseRegQuery(result.stdout));
}
