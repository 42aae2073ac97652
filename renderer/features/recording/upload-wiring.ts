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

export function startUploads(cache: RecordingStore, settings: RecordingPolicy & { uploadUrl: string }, callIsUp: () => boolean): UploadControl {
  const uploader = new RecordingUploader(
    {
      uploadUrl: settings.uploadUrl,
      retentionDays: settings.retentionDays,
      uploadDuringCalls: settings.uploadDuringCalls,
      backoffBaseMs: settings.retryBaseSeconds * 1000,
      backoffMaxMs: settings.retryMaxSeconds * 1000,
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
