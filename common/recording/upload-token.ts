/**
 * The recording store's client token on the wire, the same in both hosts: Electron main adds it to the
 * store's requests (main/features/recording/upload-credentials.ts), the browser host to the page's tus
 * requests (renderer/platform/browser-host.ts). Only requests to the policy's `recording.uploadUrl` origin
 * carry it, so a store that redirects elsewhere never receives it.
 */
import type { SecretName } from '../contract/ipc';
import type { RecordingPolicy } from '../contract/policy-recording';

/** The secret holding the token (write-only for the page: `secrets.set`). */
export const UPLOAD_TOKEN_SECRET = 'recording.uploadToken' satisfies SecretName;

/** The policy's settings the token needs. */
export type UploadTokenPolicy = Pick<RecordingPolicy, 'uploadUrl' | 'uploadTokenHeader'>;

/** The header and value carrying `token`: `Authorization` gets `Bearer <token>`, any other header the token itself. */
export function tokenHeader(name: string, token: string): [string, string] {
  return [name, name.toLowerCase() === 'authorization' ? `Bearer ${token}` : token];
}

/** A URL's origin, or null when it is not a URL. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The headers a request to `url` carries: the token in the policy's header when the policy names one, a
 * token is held and `url` is on the store's origin; otherwise none.
 */
export function uploadTokenHeaders(policy: UploadTokenPolicy | undefined, url: string, token: string | null): Record<string, string> {
  const header = policy?.uploadTokenHeader;
  const origin = policy?.uploadUrl ? originOf(policy.uploadUrl) : null;
  if (!header || !token || !origin || originOf(url) !== origin) return {};
  const [name, value] = tokenHeader(header, token);
  return { [name]: value };
}
