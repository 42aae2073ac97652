/** Runs the upload queue for the policy's recording store, holding it during calls unless the policy allows them. */
import type { RecordingPolicy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import { getRecordingsDb, type RecordingStore } from './store';
import { dexieUrlStorage, RecordingUploader, type RequestHeaders, type StoreRefusal } from './upload';

/** What the recording service tells the queue. */
export interface UploadControl {
  /** A call started or ended: re-check whether uploads may run. */
  callsChanged(): void;
  /** The network is back, or the agent saved the store's token: retry now instead of waiting out the backoff. */
  retryNow(): void;
}

/** What the upload queue needs from the host and tells the app, besides the cache. */
export interface UploadHooks {
  /** The host's headers for each request to the store (LingxiApi `recordingUpload.headers`). */
  requestHeaders: RequestHeaders;
  /** The store refused the credential (401, 403), or null once an upload went through. */
  onStoreRefusal: (refusal: StoreRefusal | null) => void;
}

/**
 * What every upload says about the client that made it (tus metadata on each part): the app version and
 * the hash of the policy as loaded (`unknown` when the host gave none), so the store can tell Lingxi
 * clients and policy drift apart.
 */
export function uploadOrigin(policySha256: string | undefined): Record<string, string> {
  return { appVersion: __APP_VERSION__, policySha256: policySha256 ?? 'unknown' };
}

export function startUploads(
  cache: RecordingStore,
  settings: RecordingPolicy & { uploadUrl: string },
  callIsUp: () => boolean,
  metadata: Record<string, string>,
  hooks: UploadHooks,
): UploadControl {
  const uploader = new RecordingUploader(
    {
      uploadUrl: settings.uploadUrl,
      retentionDays: settings.retentionDays,
      uploadDuringCalls: settings.uploadDuringCalls,
      backoffBaseMs: settings.retryBaseSeconds * 1000,
      backoffMaxMs: settings.retryMaxSeconds * 1000,
      metadata,
    },
    { store: cache, urlStorage: dexieUrlStorage(getRecordingsDb().tusUploads), log: createLogger('recording'), ...hooks },
  );
  let active = callIsUp();
  uploader.setCallActive(active);
  uploader.start();
  window.addEventListener('pagehide', () => uploader.dispose());
  return {
    callsChanged: () => {
      const now = callIsUp();
      if (now === active) return;
      active = now;
      uploader.setCallActive(now);
    },
    retryNow: () => uploader.retryNow(),
  };
}
