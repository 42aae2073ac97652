/** Runs the upload queue for the policy's recording store, holding it during calls unless the policy allows them. */
import type { RecordingPolicy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import { getRecordingsDb, type RecordingStore } from './store';
import { dexieUrlStorage, RecordingUploader } from './upload';

/** What the recording service tells the queue. */
export interface UploadControl {
  /** A call started or ended: re-check whether uploads may run. */
  callsChanged(): void;
  /** The network is back: retry now instead of waiting out the backoff. */
  online(): void;
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
    { store: cache, urlStorage: dexieUrlStorage(getRecordingsDb().tusUploads), log: createLogger('recording') },
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
    online: () => uploader.retryNow(),
  };
}
