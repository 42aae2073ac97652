import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, serveAppProtocol } from '@main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '@common/contract/csp';

const base = mkdtempSync(join(tmpdir(), 'lingxi-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lingxi</title>');
writeFileSync(join(root, 'assets', 'index.css'), 'body{}');
writeFileSync(join(base, 'policy.json'), '{"secret":true}');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler(root);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers lingxi as standard, secure and fetch-capable, and nothing more', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'lingxi', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });
});

describe('serveAppProtocol', () => {
  it('handles the lingxi scheme', async () => {
    const handled: Array<[string, (r: Request) => Promise<Response> | Response]> = [];
    serveAppProtocol({ handle: (scheme, fn) => void handled.push([scheme, fn]) }, root);
    const [scheme, fn] = handled[0] ?? ['', () => new Response(null, { status: 599 })];
    expect(scheme).toBe('lingxi');
    const response = await fn(new Request('lingxi://app/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('app protocol handler', () => {
  it('serves index.html with HTML type and the CSP header', async () => {
    const response = await get('lingxi://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Lingxi</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves / as index.html and assets with their MIME type', async () => {
    expect(await (await get('lingxi://app/')).text()).toContain('Lingxi');
    const css = await get('lingxi://app/assets/index.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each(['lingxi://app/..%2fpolicy.json', 'lingxi://app/assets/..%2f..%2fpolicy.json', 'lingxi://app/missing.js'])(
    '404s %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    },
  );

  it('404s other hosts on the scheme', async () => {
    expect((await get('lingxi://other/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await get('lingxi://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('lingxi://app/index.html', 'POST')).status).toBe(405);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('has exactly the agreed directives', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; connect-src 'self' wss: https: ws://127.0.0.1:* ws://localhost:* ws://[::1]:* " +
        "http://127.0.0.1:* http://localhost:* http://[::1]:*; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});
