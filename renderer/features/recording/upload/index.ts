/** The upload side of the recording cache: what the recording service wires up. */
export { RecordingUploader, type UploaderConfig, type UploaderDeps, type UploadProgress, type UploadQueueStore } from './uploader';
export { dexieUrlStorage, uploadFingerprint, type TusUploadRow, type TusUploadTable } from './url-storage';
export { ACK_HEADER, AckMismatchError, storeRefusal, type RequestHeaders, type StoreRefusal, type TusOverrides } from './part-upload';
export { backoffDelay, backoffCeiling, type BackoffSettings } from './backoff';
