/**
 * How the browser host signs a team lead's supervision request: with the key the lead entered for this
 * session when there is one, else by asking the host (`npm run web -- --supervision-key <file>`: IT keeps the
 * key on the host's machine and it never reaches the page, as in Electron). A host without a key answers 404;
 * the lead is then asked for the key as before.
 */
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
  return (await response.json()) as SupervisionSignResult;
}
