/**
 * How the browser host signs a team lead's supervision request: with the key the lead entered for this
 * session when there is one, else by asking the host (`npm run web -- --supervision-key <file>`: IT keeps the
 * key on the host's machine and it never reaches the page, as in Electron). A host without a key answers 404;
 * the lead is then asked for the key as before.
 */
import { z } from 'zod';
import { signedClaimSchema } from '@common/supervision/supervision-protocol';
import type { SupervisionSignRequest, SupervisionSignResult } from '@common/supervision/supervision-signer';
import { fetchWithHostToken } from './host-token';

/** The host's sign endpoint (main/web-host/supervision-sign.ts). */
export const HOST_SIGN_PATH = '/supervision/sign';

export async function signSupervision(
  token: string | null,
  request: SupervisionSignRequest,
  signInPage: () => Promise<SupervisionSignResult>,
  pageHoldsKey: boolean,
): Promise<SupervisionSignResult> {
  if (pageHoldsKey) return signInPage();
  let response: Response;
  try {
    response = await fetchWithHostToken(token, HOST_SIGN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), cache: 'no-store' });
  } catch {
    return signInPage();
  }
  if (response.status === 404) return signInPage();
  if (!response.ok) return { ok: false, error: 'no-key', message: `the browser host refused to sign (HTTP ${response.status})` };
  // The host's answer is checked like any other input: a claim of the shape the wire carries, or its refusal.
  const answer = hostAnswerSchema.safeParse(await response.json().catch(() => null));
  return answer.success ? answer.data : { ok: false, error: 'no-key', message: 'the browser host answered the sign request with something that is not a signed claim' };
}

const hostAnswerSchema = z.union([
  z.strictObject({ ok: z.literal(true), claim: signedClaimSchema }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['no-key', 'bad-key', 'not-lead']), message: z.string() }),
]);
