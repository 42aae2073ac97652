/**
 * The canonical form of a policy document, the bytes that are hashed (the SHA-256 logged and sent with the
 * REGISTER) and signed (`policySignature`): the JSON value without its top-level `policySignature`, object
 * keys sorted by UTF-16 code unit at every level, no whitespace, strings and numbers as JSON.stringify writes
 * them, encoded as UTF-8. The same document from a file, the registry or a plist hashes the same.
 */
import type { PolicyLoadResult } from './policy';

/** The field that carries the signature; never part of what is signed or hashed. */
export const POLICY_SIGNATURE_FIELD = 'policySignature';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The canonical JSON text of a policy document (see the file comment). */
export function canonicalPolicyJson(document: unknown): string {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const { [POLICY_SIGNATURE_FIELD]: _signature, ...rest } = document as Record<string, unknown>;
    return canonical(rest);
  }
  return canonical(document);
}

/** Hex SHA-256 of the canonical form, with WebCrypto (Node and Chromium alike). */
export async function policySha256(document: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalPolicyJson(document)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What makes two load results the same policy: the hash when valid, the problems when not. */
export function policyIdentity(result: PolicyLoadResult): string {
  return result.ok ? `ok:${result.sha256 ?? ''}` : `invalid:${JSON.stringify(result.problems)}`;
}
