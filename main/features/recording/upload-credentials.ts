/**
 * The recording store's client credentials, attached in main so the page never holds them:
 * - a token from the OS secret store (`recording.uploadToken`, set write-only by the page through
 *   secrets:set or provisioned by IT) in the header the policy names (`recording.uploadTokenHeader`;
 *   `Authorization` gets `Bearer <token>`), added by `session.webRequest.onBeforeSendHeaders` to requests
 *   for the policy's `recording.uploadUrl` origin only;
 * - a client certificate (`recording.clientCertificate: { issuer?, subject? }`), chosen in
 *   `app.on('select-client-certificate')` for that origin: the first certificate whose issuer and subject
 *   common names match; none matching means none is sent (the store then refuses, which IT sees), never
 *   some other certificate of the user's.
 */
import type { Certificate, OnBeforeSendHeadersListenerDetails, BeforeSendResponse } from 'electron';
import type { Logger } from '@common/logging/logger';
import type { RecordingPolicy } from '@common/contract/policy';
import { originOf, tokenHeader, UPLOAD_TOKEN_SECRET } from '@common/recording/upload-token';

type HeadersListener = (details: OnBeforeSendHeadersListenerDetails, callback: (response: BeforeSendResponse) => void) => void;

/** The part of `session.webRequest` used here. */
export interface HeaderHook {
  onBeforeSendHeaders(filter: { urls: string[] }, listener: HeadersListener): void;
  onBeforeSendHeaders(listener: null): void;
}

export interface UploadCredentialDeps {
  /** The session's webRequest (a getter: Electron's default session exists only once the app is ready). */
  webRequest: () => HeaderHook;
  /** The token from the secret store, or null when none is stored (or the OS cannot decrypt it now). */
  readToken(): Promise<string | null>;
  log: Pick<Logger, 'warn'>;
}

/** The policy's settings this needs. */
export type UploadCredentialPolicy = Pick<RecordingPolicy, 'uploadUrl' | 'uploadTokenHeader' | 'clientCertificate'>;

/** Whether a certificate matches the policy's choice (common names, compared exactly). */
export function certificateMatches(certificate: Certificate, wanted: NonNullable<UploadCredentialPolicy['clientCertificate']>): boolean {
  return (wanted.issuer === undefined || certificate.issuerName === wanted.issuer) && (wanted.subject === undefined || certificate.subjectName === wanted.subject);
}

/** Created once in main; `configure` with each valid policy loaded (null: no policy, nothing attached). */
export function createUploadCredentials(deps: UploadCredentialDeps) {
  let settings: UploadCredentialPolicy | null = null;
  let warnedNoToken = false;

  const addToken: HeadersListener = (details, callback) => {
    const header = settings?.uploadTokenHeader;
    if (!header) return callback({ requestHeaders: details.requestHeaders });
    deps.readToken().then(
      (token) => {
        if (!token && !warnedNoToken) {
          warnedNoToken = true;
          deps.log.warn(`no ${UPLOAD_TOKEN_SECRET} in the secret store: recording uploads go without the store's token`);
        }
        const headers = { ...details.requestHeaders };
        if (token) {
          const [name, value] = tokenHeader(header, token);
          headers[name] = value;
        }
        callback({ requestHeaders: headers });
      },
      (error: unknown) => {
        deps.log.warn('the recording upload token could not be read', error);
        callback({ requestHeaders: details.requestHeaders });
      },
    );
  };

  return {
    configure(policy: UploadCredentialPolicy | null): void {
      settings = policy;
      const origin = policy?.uploadUrl ? originOf(policy.uploadUrl) : null;
      if (origin && policy?.uploadTokenHeader) deps.webRequest().onBeforeSendHeaders({ urls: [`${origin}/*`] }, addToken);
      else deps.webRequest().onBeforeSendHeaders(null);
    },
    /**
     * For app.on('select-client-certificate'): `undefined` leaves the request to Electron's default (not
     * the upload origin, or no certificate named); otherwise the certificate to send, or null for none.
     */
    chooseCertificate(url: string, certificates: readonly Certificate[]): Certificate | null | undefined {
      const wanted = settings?.clientCertificate;
      const origin = settings?.uploadUrl ? originOf(settings.uploadUrl) : null;
      if (!wanted || !origin || originOf(url) !== origin) return undefined;
      const chosen = certificates.find((certificate) => certificateMatches(certificate, wanted));
      if (!chosen) deps.log.warn(`no client certificate matches recording.clientCertificate (${JSON.stringify(wanted)}) for ${origin}: none sent`);
      return chosen ?? null;
    },
  };
}

export type UploadCredentials = ReturnType<typeof createUploadCredentials>;
