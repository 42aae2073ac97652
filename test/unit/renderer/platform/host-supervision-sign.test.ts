import { afterEach, describe, expect, it, vi } from 'vitest';
import { signSupervision } from '@renderer/platform/host-supervision-sign';
import type { SupervisionSignResult } from '@common/supervision/supervision-signer';

const request = { purpose: 'invite', mode: 'listen', call: 'abc@host' } as const;
const fromPage: SupervisionSignResult = { ok: false, error: 'no-key', message: 'no supervision private key is stored on this desktop' };
const fromHost = { ok: true, claim: { mode: 'listen', call: 'abc@host', lead: 'sip:8003@127.0.0.1', ts: 1, nonce: 'n'.repeat(22), sig: 's'.repeat(86) } };

describe('browser host: who signs a lead\'s supervision request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the key the lead entered for the session, without asking the host', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await signSupervision('t', request, () => Promise.resolve(fromHost as SupervisionSignResult), true)).toEqual(fromHost);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('else the host, with the launch token; a host without a key (404) leaves it to the page', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(new Response(JSON.stringify(fromHost), { status: 200 })).mockResolvedValueOnce(new Response('{}', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    expect(await signSupervision('t', request, () => Promise.resolve(fromPage), false)).toEqual(fromHost);
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer t');
    expect(JSON.parse(String(init.body))).toEqual(request);
    expect(await signSupervision('t', request, () => Promise.resolve(fromPage), false)).toEqual(fromPage);
  });

  it('an answer that is not a signed claim is not passed on', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: true, claim: { sig: 'x' } }), { status: 200 })));
    expect(await signSupervision('t', request, () => Promise.resolve(fromPage), false)).toMatchObject({ ok: false, error: 'no-key' });
  });

  it('a host that refuses says so', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Unauthorized', { status: 401 })));
    expect(await signSupervision(null, request, () => Promise.resolve(fromPage), false)).toMatchObject({ ok: false, message: 'the browser host refused to sign (HTTP 401)' });
  });
});
