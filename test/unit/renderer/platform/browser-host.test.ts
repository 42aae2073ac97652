import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '@renderer/platform/browser-host';

const STORE = 'https://store.bank.example/files';

/** The browser host with main/web-host answering /policy.json with `recording`. */
function hostServing(recording: Record<string, unknown>) {
  const policy = { sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'x' }, recording };
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(policy), { status: 200 })));
  return createBrowserHost();
}

afterEach(() => vi.unstubAllGlobals());

describe('browser host: the recording store token on the page’s tus requests', () => {
  it('adds the session’s token in the policy’s header, once the agent saved it, to the store’s origin only', async () => {
    const host = hostServing({ uploadUrl: STORE, uploadTokenHeader: 'X-Recording-Token' });
    expect(await host.recordingUpload.headers(STORE)).toEqual({});
    expect((await host.policy.load()).ok).toBe(true);
    // The policy names the header, but no token is held for this page yet.
    expect(await host.recordingUpload.headers(STORE)).toEqual({});
    await host.secrets.set('recording.uploadToken', 'rec-s3cret');
    expect(await host.recordingUpload.headers(STORE)).toEqual({ 'X-Recording-Token': 'rec-s3cret' });
    expect(await host.recordingUpload.headers(`${STORE}/4f2a`)).toEqual({ 'X-Recording-Token': 'rec-s3cret' });
    expect(await host.recordingUpload.headers('https://elsewhere.example/files/4f2a')).toEqual({});
    // Another secret is not the store's token; deleting the token stops sending it.
    await host.secrets.set('crm.token', 'crm-token');
    await host.secrets.set('recording.uploadToken', null);
    expect(await host.recordingUpload.headers(STORE)).toEqual({});
  });

  it('sends Authorization as Bearer, and nothing when the policy names no header', async () => {
    const bearer = hostServing({ uploadUrl: STORE, uploadTokenHeader: 'Authorization' });
    await bearer.policy.load();
    await bearer.secrets.set('recording.uploadToken', 'rec-s3cret');
    expect(await bearer.recordingUpload.headers(STORE)).toEqual({ Authorization: 'Bearer rec-s3cret' });

    const unnamed = hostServing({ uploadUrl: STORE });
    await unnamed.policy.load();
    await unnamed.secrets.set('recording.uploadToken', 'rec-s3cret');
    expect(await unnamed.recordingUpload.headers(STORE)).toEqual({});
  });
});
