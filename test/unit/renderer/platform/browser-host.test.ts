import { afterEach, describe, expect, it, vi } from 'vitest';
import { policySha256 } from '@common/contract/policy-canonical';
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

describe('browser host: the policy the web host serves, and changes to it', () => {
  const base = { sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'x' } };
  let served: unknown = base;
  const serve = () => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(served), { status: 200 })));
  afterEach(() => vi.useRealTimers());

  it('names the web host as the source and hashes the canonical document (as the desktop does)', async () => {
    served = base;
    serve();
    const result = await createBrowserHost().policy.load();
    expect(result).toMatchObject({ ok: true, sha256: await policySha256(base), sources: [{ kind: 'web-host', applied: true }] });
  });

  it('says policy-changed once when the served policy stops being the loaded one, and check() reads it without applying', async () => {
    vi.useFakeTimers();
    served = base;
    serve();
    const host = createBrowserHost();
    await host.policy.load();
    const events: string[] = [];
    const stop = host.system.onEvent((event) => events.push(event));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(events).toEqual([]);
    served = { ...base, ui: { language: 'en' } };
    await vi.advanceTimersByTimeAsync(30_000);
    expect(events).toEqual(['policy-changed']);
    expect(await host.policy.check()).toMatchObject({ ok: true, policy: { ui: { language: 'en' } } });
    stop();
    served = base;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(events).toEqual(['policy-changed']);
  });

  it('re-reads as often as the web host says (X-Lingxi-Policy-Poll-Seconds), else every 15 s', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => new Response(JSON.stringify(base), { status: 200, headers: { 'X-Lingxi-Policy-Poll-Seconds': '2' } }));
    vi.stubGlobal('fetch', fetch);
    const host = createBrowserHost();
    await host.policy.load();
    const stop = host.system.onEvent(() => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1 + 5);
    stop();
    fetch.mockImplementation(async () => new Response(JSON.stringify(base), { status: 200, headers: { 'X-Lingxi-Policy-Poll-Seconds': 'soon' } }));
    await host.policy.load();
    const again = host.system.onEvent(() => undefined);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(fetch).toHaveBeenCalledTimes(7);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(8);
    again();
  });
});
