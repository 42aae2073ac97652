import type { BeforeSendResponse, Certificate, OnBeforeSendHeadersListenerDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import { createUploadCredentials, type HeaderHook } from '@main/features/recording/upload-credentials';

type Listener = (details: OnBeforeSendHeadersListenerDetails, callback: (response: BeforeSendResponse) => void) => void;

/** A session's webRequest as Electron keeps it: one listener, with its URL filter. */
function fakeSession() {
  const state: { filter?: { urls: string[] }; listener: Listener | null } = { listener: null };
  const hook = {
    onBeforeSendHeaders: (filterOrNull: { urls: string[] } | null, listener?: Listener) => {
      state.filter = filterOrNull ?? undefined;
      state.listener = listener ?? null;
    },
  } as HeaderHook;
  /** What Electron would send for a request to `url` (its filter applied like Electron's `<origin>/*` pattern). */
  const send = (url: string, requestHeaders: Record<string, string> = {}): Promise<Record<string, string>> => {
    const listener = state.listener;
    const matches = state.filter?.urls.some((pattern) => url.startsWith(pattern.slice(0, -1)));
    if (!listener || !matches) return Promise.resolve(requestHeaders);
    return new Promise((resolve) =>
      listener({ url, requestHeaders } as unknown as OnBeforeSendHeadersListenerDetails, (response) => resolve(response.requestHeaders as Record<string, string>)),
    );
  };
  return { hook, state, send };
}

function setup(token: string | null = 's3cret') {
  const session = fakeSession();
  const warnings: string[] = [];
  const credentials = createUploadCredentials({
    webRequest: () => session.hook,
    readToken: async () => token,
    log: { warn: (message: string) => void warnings.push(message) },
  });
  return { session, credentials, warnings };
}

const certificate = (issuerName: string, subjectName: string) => ({ issuerName, subjectName }) as Certificate;
const upload = { uploadUrl: 'https://store.bank.example/files' };

describe('recording upload credentials (Electron main)', () => {
  it('adds the stored token as a Bearer Authorization header to requests for the store origin only', async () => {
    const { session, credentials } = setup();
    credentials.configure({ ...upload, uploadTokenHeader: 'Authorization' });
    expect(session.state.filter).toEqual({ urls: ['https://store.bank.example/*'] });
    expect(await session.send('https://store.bank.example/files/abc', { 'Tus-Resumable': '1.0.0' })).toEqual({ 'Tus-Resumable': '1.0.0', Authorization: 'Bearer s3cret' });
    expect(await session.send('https://crm.bank.example/customers/1')).toEqual({});
  });

  it('sends the token itself in another header the policy names, and nothing without a stored token (IT told once)', async () => {
    const named = setup();
    named.credentials.configure({ ...upload, uploadTokenHeader: 'X-Recording-Token' });
    expect(await named.session.send('https://store.bank.example/files')).toEqual({ 'X-Recording-Token': 's3cret' });

    const none = setup(null);
    none.credentials.configure({ ...upload, uploadTokenHeader: 'Authorization' });
    expect(await none.session.send('https://store.bank.example/files')).toEqual({});
    await none.session.send('https://store.bank.example/files');
    expect(none.warnings.filter((w) => w.includes('recording.uploadToken'))).toHaveLength(1);
  });

  it('removes the hook when the policy names no header or no store, or is invalid', async () => {
    const { session, credentials } = setup();
    credentials.configure({ ...upload, uploadTokenHeader: 'Authorization' });
    credentials.configure(upload);
    expect(session.state.listener).toBeNull();
    credentials.configure({ ...upload, uploadTokenHeader: 'Authorization' });
    credentials.configure(null);
    expect(await session.send('https://store.bank.example/files')).toEqual({});
  });

  it('chooses the client certificate the policy names for the store, none if none matches, and leaves other sites alone', () => {
    const { credentials, warnings } = setup();
    const mine = [certificate('Bank Issuing CA', 'agent-desk-042'), certificate('Bank Recording CA', 'agent-desk-042')];
    credentials.configure({ ...upload, clientCertificate: { issuer: 'Bank Recording CA' } });
    expect(credentials.chooseCertificate('https://store.bank.example/files', mine)).toBe(mine[1]);
    expect(credentials.chooseCertificate('https://intranet.bank.example/', mine)).toBeUndefined();
    credentials.configure({ ...upload, clientCertificate: { issuer: 'Bank Recording CA', subject: 'agent-desk-999' } });
    expect(credentials.chooseCertificate('https://store.bank.example/files', mine)).toBeNull();
    expect(warnings.some((w) => w.includes('no client certificate matches'))).toBe(true);
    credentials.configure(upload);
    expect(credentials.chooseCertificate('https://store.bank.example/files', mine)).toBeUndefined();
  });
});
