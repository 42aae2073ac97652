/**
 * One CRM lookup: fills the policy's URL template, sends the static headers and the stored token,
 * gives up after crm.timeoutMs, and classifies every way it can go wrong. Never throws.
 * Runs where the token is: Electron main (main/features/crm, over Chromium's network stack) or the
 * browser host's page (session token). The renderer's screen pop asks through `LingxiApi.crm.lookup`.
 */
import type { Policy } from '@common/contract/policy';
import { readJson } from '@common/json';
import { megabytes, readTextCapped } from '@common/read-body';
import { mapCrmDocument } from './crm-mapping';
import type { CustomerProfile } from './profile-schema';

/** `too-large`: the answer passed crm.maxResponseMb and was refused before it was parsed. */
export type CrmFailure = 'timeout' | 'network' | 'auth' | 'http' | 'json' | 'schema' | 'mapping' | 'too-large';

export type CrmResult =
  | { ok: true; profiles: CustomerProfile[]; latencyMs: number; /** Optional CRM fields left out (crm-mapping.ts). */ ignored?: string[] }
  | { ok: false; kind: CrmFailure; detail: string; latencyMs: number };

export interface CrmQuery {
  customerId?: string;
  phone?: string;
}

/** Fills {customerId} and {phone}, URL-encoded; a value the call does not have becomes empty. */
export function fillUrlTemplate(template: string, query: CrmQuery): string {
  return template
    .replace(/\{customerId\}/g, encodeURIComponent(query.customerId ?? ''))
    .replace(/\{phone\}/g, encodeURIComponent(query.phone ?? ''));
}

/**
 * A customer's profile never goes into an HTTP cache. (Node's RequestInit type lacks `cache`, though Node's
 * fetch and Electron's net.fetch accept it, hence the spread.)
 */
const NO_STORE = { cache: 'no-store' } as const;

/** A lookup under the loaded policy's CRM settings: a failure that names the gap when it has no profileUrl. */
export function lookupCustomer(crm: Policy['crm'] | undefined, query: CrmQuery, token: string | null, fetchImpl: typeof fetch = fetch): Promise<CrmResult> {
  if (!crm?.profileUrl) return Promise.resolve({ ok: false, kind: 'network', detail: 'no valid policy names a crm.profileUrl', latencyMs: 0 });
  return fetchProfiles({ ...crm, profileUrl: crm.profileUrl }, query, token, fetchImpl);
}

export async function fetchProfiles(
  crm: Policy['crm'] & { profileUrl: string },
  query: CrmQuery,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<CrmResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const headers: Record<string, string> = { Accept: 'application/json', ...crm.headers };
  if (token) headers[crm.tokenHeader] = `${crm.tokenPrefix}${token}`;
  let response: Response;
  try {
    response = await fetchImpl(fillUrlTemplate(crm.profileUrl, query), {
      headers,
      signal: AbortSignal.timeout(crm.timeoutMs),
      credentials: 'omit',
      ...NO_STORE,
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, kind: 'timeout', detail: String(crm.timeoutMs), latencyMs: elapsed() };
    return { ok: false, kind: 'network', detail: (error as Error).message, latencyMs: elapsed() };
  }
  if (response.status === 404) return { ok: true, profiles: [], latencyMs: elapsed() };
  if (response.status === 401 || response.status === 403) {
    return { ok: false, kind: 'auth', detail: String(response.status), latencyMs: elapsed() };
  }
  if (!response.ok) return { ok: false, kind: 'http', detail: String(response.status), latencyMs: elapsed() };
  let text: string;
  try {
    const body = await readTextCapped(response, megabytes(crm.maxResponseMb), 'the CRM answer', 'crm.maxResponseMb');
    if (!body.ok) return { ok: false, kind: 'too-large', detail: body.tooLarge, latencyMs: elapsed() };
    text = body.text;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, kind: 'timeout', detail: String(crm.timeoutMs), latencyMs: elapsed() };
    return { ok: false, kind: 'network', detail: (error as Error).message, latencyMs: elapsed() };
  }
  // Line and column only: the engine's message would quote the answer, which holds customer data.
  const document = readJson(text);
  if (!document.ok) return { ok: false, kind: 'json', detail: document.error, latencyMs: elapsed() };
  const mapped = mapCrmDocument(document.value, crm.mapping);
  return mapped.ok ? { ...mapped, latencyMs: elapsed() } : { ...mapped, latencyMs: elapsed() };
}
