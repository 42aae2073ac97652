/**
 * One tus upload of one part of a recording (its audio or its manifest), as a promise that settles only
 * when the store acknowledged the bytes with their SHA-256. Resumes from the store's offset when an
 * earlier attempt (this session or before a restart) left the upload unfinished.
 */
import { DetailedError, Upload, type HttpResponse, type UploadOptions, type UrlStorage } from 'tus-js-client';
import { errorMessage } from '@common/errors';
import { uploadFingerprint } from './url-storage';

/** The store's acknowledgement: hex SHA-256 of its copy, sent only when it matches the `sha256` metadata. */
export const ACK_HEADER = 'Lingxi-Sha256';

export type PartName = 'audio' | 'manifest';

/** tus-js-client options the embedder may set (tests: a Node file reader; deployments: auth headers). */
export type TusOverrides = Pick<UploadOptions, 'fileReader' | 'httpStack' | 'headers'>;

export interface PartRequest {
  endpoint: string;
  recordingId: string;
  part: PartName;
  data: Blob;
  /** Hex SHA-256 of `data`, computed locally. */
  sha256: string;
  /** Sent as tus Upload-Metadata besides `part` and `sha256`. */
  metadata: Record<string, string>;
  urlStorage: UrlStorage;
  /** tus-js-client's own retries inside this attempt (transient errors: network, 5xx, 409, 423). */
  retryDelays: number[];
  chunkSize: number;
  onProgress?: (sent: number, total: number) => void;
  /** Headers the host adds to each request (the store's token in the browser host), asked for every request. */
  requestHeaders?: RequestHeaders;
  tus?: TusOverrides;
}

/** The host's headers for one request to the store (LingxiApi `recordingUpload.headers`). */
export type RequestHeaders = (url: string) => Promise<Record<string, string>>;

/** Statuses by which the store refuses the client's credential: the agent or IT must act, a retry alone will not help. */
export type StoreRefusal = 401 | 403;

/** The store's refusal of the client's credential behind an upload error, or null for any other error. */
export function storeRefusal(error: unknown): StoreRefusal | null {
  const status = error instanceof DetailedError ? error.originalResponse?.getStatus() : undefined;
  return status === 401 || status === 403 ? status : null;
}

export interface PartResult {
  /** The upload's URL at the store. */
  url: string;
}

/** The store answered without a matching hash: its copy cannot be trusted, so the part is sent again. */
export class AckMismatchError extends Error {
  constructor(
    readonly part: PartName,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(received ? `${part}: the store acknowledged SHA-256 ${received}, expected ${expected}` : `${part}: the store did not acknowledge the SHA-256 (no ${ACK_HEADER} header)`);
    this.name = 'AckMismatchError';
  }
}

/** The upload was stopped on purpose (pause, dispose); it stays resumable. */
export class UploadAbortedError extends Error {
  constructor(readonly part: PartName) {
    super(`${part}: upload paused`);
    this.name = 'UploadAbortedError';
  }
}

export interface PartUpload {
  done: Promise<PartResult>;
  /** Stops sending and keeps the upload resumable (the URL stays stored). */
  abort(): void;
}

/** The most recently stored URL for this part wins; tus-js-client returns them in storage order. */
const newest = <T extends { creationTime: string }>(uploads: T[]): T | undefined =>
  uploads.reduce<T | undefined>((best, u) => (!best || Date.parse(u.creationTime) >= Date.parse(best.creationTime) ? u : best), undefined);

function checkAck(request: PartRequest, response: HttpResponse): void {
  const ack = response.getHeader(ACK_HEADER)?.trim().toLowerCase();
  if (ack !== request.sha256.toLowerCase()) throw new AckMismatchError(request.part, request.sha256, ack);
}

/** tus `onBeforeRequest`: the host's headers, asked for afresh on every request (a token saved later applies at once). */
const withHeaders =
  (headers: RequestHeaders): NonNullable<UploadOptions['onBeforeRequest']> =>
  async (req) => {
    for (const [name, value] of Object.entries(await headers(req.getURL()))) req.setHeader(name, value);
  };

/** Starts (or resumes) one part's upload. */
export function startPartUpload(request: PartRequest): PartUpload {
  let stop: () => void = () => undefined;
  const done = new Promise<PartResult>((resolve, reject) => {
    let stopped = false;
    const fingerprint = uploadFingerprint(request.recordingId, request.part, request.sha256);
    const upload = new Upload(request.data, {
      ...request.tus,
      endpoint: request.endpoint,
      metadata: { ...request.metadata, part: request.part, sha256: request.sha256 },
      fingerprint: () => Promise.resolve(fingerprint),
      urlStorage: request.urlStorage,
      storeFingerprintForResuming: true,
      // A finished upload must not be resumed: the next attempt (after a bad ack) starts afresh.
      removeFingerprintOnSuccess: true,
      retryDelays: request.retryDelays,
      chunkSize: request.chunkSize,
      onProgress: request.onProgress ?? null,
      ...(request.requestHeaders ? { onBeforeRequest: withHeaders(request.requestHeaders) } : {}),
      onError: (error) => reject(error),
      onSuccess: ({ lastResponse }) => {
        try {
          checkAck(request, lastResponse);
          resolve({ url: upload.url ?? '' });
        } catch (error) {
          reject(error as Error);
        }
      },
    });
    stop = () => {
      if (stopped) return;
      stopped = true;
      // abort(false): no DELETE at the store, so the next start resumes from its offset.
      void upload.abort(false);
      reject(new UploadAbortedError(request.part));
    };
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (stopped) return;
        const resumable = newest(previous);
        if (resumable) upload.resumeFromPreviousUpload(resumable);
        upload.start();
      })
      .catch((error: unknown) => reject(error instanceof Error ? error : new Error(errorMessage(error), { cause: error })));
  });
  return { done, abort: () => stop() };
}
