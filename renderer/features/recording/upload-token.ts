/**
 * The recording store's token as the agent enters it (Recordings area): stored write-only through the host
 * (`secrets.set`: Electron's OS secret store, which main reads for each upload request; the browser host's
 * page memory, for the session), after which the waiting uploads retry at once instead of waiting out their
 * backoff. The page reads nothing back: the browser host adds the token to its own tus requests
 * (`recordingUpload.headers`), Electron's main to the store's requests.
 */
import type { LingxiApi } from '@common/contract/api';
import { UPLOAD_TOKEN_SECRET } from '@common/recording/upload-token';
import type { Logger } from '@common/logging/logger';
import type { ServiceStore } from '../../platform/store';

export interface UploadTokenDeps {
  host: Pick<LingxiApi, 'secrets'>;
  store: ServiceStore;
  /** Retries the waiting uploads now (null before the upload queue runs: the token then waits for it). */
  retryUploads: () => void;
  log: Pick<Logger, 'warn'>;
}

let deps: UploadTokenDeps | null = null;

/** Connects the token form to the host and the upload queue (recording-service, once uploads are configured). */
export function connectUploadToken(next: UploadTokenDeps | null): void {
  deps = next;
}

/**
 * Stores the store's token and retries the uploads. Resolves false when recording is not set up to upload
 * (no policy with `recording.uploadUrl`), true once the token is stored.
 */
export async function saveRecordingStoreToken(token: string): Promise<boolean> {
  if (!deps) return false;
  const { host, store, retryUploads, log } = deps;
  const status = await host.secrets.set(UPLOAD_TOKEN_SECRET, token);
  if (status.protection === 'weak') log.warn(`recording store token kept with weak protection (${status.persistence === 'session' ? 'browser host: this page only' : 'no OS keyring'})`);
  store.getState().setRecordingStoreTokenSaved(true);
  // The refusal was about the old token (or none): the next attempt says whether this one works.
  store.getState().setRecordingStoreRefused(null);
  retryUploads();
  return true;
}
