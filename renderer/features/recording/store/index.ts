/**
 * The recording cache's public entry: what capture (recorder), upload and the Recordings UI use.
 * Everything else in store/ is internal.
 */
import { getHost } from '../../../platform/host';
import { createLogger } from '../../../platform/logger';
import { pageLocks } from './live-locks';
import { pageStorage } from './persistence';
import type { QuotaLimits } from './quota';
import { getRecordingsDb } from './recordings-db';
import { RecordingStore, type RecordingStoreDeps } from './recording-store';

export { RecordingStore };
export type { AppendResult, RecordingStoreDeps, RecordingStoreStatus } from './recording-store';
export type { BeginRecording } from './manifest-ops';
export type { CacheUsage, QuotaEvent, QuotaLevel, QuotaLimits } from './quota';
export type { UploadAck } from './upload-states';
export type { RecordingKeyStatus } from './recording-key';
export { RecordingKeyError } from './recording-key';
export { isRetryableWrite, isStorageRefusal, RecordingNotFoundError, RecordingStateError, RecordingStorageFullError } from './errors';
export { DamagedRecordingError } from '../types';
export {
  createRecordingsDb,
  getRecordingsDb,
  resetRecordingsDbForTests,
  RECORDINGS_DB_NAME,
  type RecordingsDb,
  type RecordingsDbOptions,
  type TusUploadRow,
} from './recordings-db';

/**
 * A store on the app's recordings database, key host, logger, navigator.storage and navigator.locks,
 * with the policy's cache limits (`recording.cacheLimitMb`, `recording.warnAtPercent`).
 * Make one per window and share it between capture, upload and the UI.
 */
export function createRecordingStore(limits: QuotaLimits, overrides: Partial<RecordingStoreDeps> = {}): RecordingStore {
  return new RecordingStore({
    db: getRecordingsDb(),
    host: getHost(),
    log: createLogger('recording'),
    storage: pageStorage(),
    locks: pageLocks(),
    ...limits,
    ...overrides,
  });
}

/** Options of openRecordingStore: the policy's limits plus any dependency to replace (tests, the bench). */
export type OpenRecordingStoreOptions = QuotaLimits & Partial<RecordingStoreDeps>;

/** createRecordingStore, then open(): resolves once the key is loaded and persistence was asked for. */
export async function openRecordingStore(options: OpenRecordingStoreOptions): Promise<RecordingStore> {
  const { cacheLimitMb, warnAtPercent, ...overrides } = options;
  const store = createRecordingStore({ cacheLimitMb, warnAtPercent }, overrides);
  await store.open();
  return store;
}
