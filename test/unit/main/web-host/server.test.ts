import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { PortInUseError, startWebHost, type WebHost } from '@main/web-host/server';
import { CONTENT_SECURITY_POLICY } from '@common/contract/csp';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-web-host-'));
const rendererDir = join(dir, 'out', 'renderer');
const policyPath = join(dir, 'policy.json');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lingxi</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'top secret');
const validPolicy = JSON.stringify({ sip: { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' } });
writeFileSync(policyPath, validPolicy);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request: unlike fetch, it sends the path exactly as written (no ../ normalisation) and any Host.
 * By default as the page does: this host's Host and its launch token; `headers` adds or replaces (a value of '' drops one).
 */
function get(host: WebHost, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const all = Object.fromEntries(Object.entries({ Authorization: `Bearer ${host.token}`, ...headers }).filter(([, value]) => value !== ''));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

let host: WebHost;
const warnings: string[] = [];
beforeAll(async () => {
  host = await startWebHost({ rendererDir, policyPath, port: 0, warn: (m) => warnings.push(m), speech: false });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startWebHost', () => {
  it('listens on 127.0.0.1 on a free port and reports its URL', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(warnings).toEqual([]);
  });

  it('serves index.html at / with the CSP header', async () => {
    const reply = await get(host, '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Lingxi</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their MIME type', async () => {
    const reply = await get(host, '/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves the policy raw, uncached, and re-read on every request', async () => {
    const first = await get(host, '/policy.json');
    expect(first.status).toBe(200);
    expect(first.body).toBe(validPolicy);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    writeFileSync(policyPath, '{"edited": true}');
    try {
      expect((await get(host, '/policy.json?x=1')).body).toBe('{"edited": true}');
    } finally {
      writeFileSync(policyPath, validPolicy);
    }
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2f..%2fsecret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%5c..%5csecret.txt'])(
    '404s the traversal %s',
    async (path) => {
      const reply = await get(host, path);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('top secret');
    },
  );

  it('404s missing files, with the CSP header still present', async () => {
    const reply = await get(host, '/missing.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await get(host, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get(host, '/', 'POST')).status).toBe(405);
  });
});

describe('startWebHost with a bad policy', () => {
  it('warns about an invalid policy at start but keeps serving it', async () => {
    const badPath = join(dir, 'bad-policy.json');
    writeFileSync(badPath, JSON.stringify({ sip: { servers: [], uri: 'nope', password: 'pw' } }));
    const seen: string[] = [];
    const bad = await startWebHost({ rendererDir, policyPath: badPath, port: 0, warn: (m) => seen.push(m) });
    try {
      expect(seen).toHaveLength(1);
      expect(seen[0]).toContain('sip.servers: must list at least one server');
      expect(seen[0]).toContain('sip.uri');
      const reply = await get(bad, '/policy.json');
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ sip: { uri: 'nope' } });
    } finally {
      await bad.close();
    }
  });

  it('warns about a missing policy and answers 404 for it', async () => {
    const seen: string[] = [];
    const missing = await startWebHost({ rendererDir, policyPath: join(dir, 'none.json'), port: 0, warn: (m) => seen.push(m) });
    try {
      expect(seen[0]).toMatch(/cannot read policy/);
      expect((await get(missing, '/policy.json')).status).toBe(404);
    } finally {
      await missing.close();
    }
  });

  it('rejects when the port is taken', async () => {
    await expect(startWebHost({ rendererDir, policyPath, port: host.port, warn: () => undefined })).rejects.toThrow(/EADDRINUSE/);
  });

  it('refuses to start beside another process holding the port on every interface', async () => {
    const other = createNetServer();
    await new Promise<void>((resolve) => other.listen(0, '0.0.0.0', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      await expect(startWebHost({ rendererDir, policyPath, port, warn: () => undefined })).rejects.toBeInstanceOf(PortInUseError);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('who may read the browser host (token, Host, Origin)', () => {
  const DATA = ['/policy.json', '/knowledge-package.json', '/speech.json'];
  const EVERY = ['/', '/index.html', '/assets/app.js', ...DATA];
  const rebound = () => ({ Host: `rebind.attacker.example:${host.port}` });

  it('gives the page an address carrying a fresh random token of at least 128 bits in the fragment', async () => {
    expect(host.openUrl).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(Buffer.from(host.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const other = await startWebHost({ rendererDir, policyPath, port: 0, warn: () => undefined, speech: false });
    await other.close();
    expect(other.token).not.toBe(host.token);
  });

  it.each(EVERY)('answers a DNS-rebinding request for %s (foreign Host) with a bare 403, token or not', async (path) => {
    const auths: Array<Record<string, string>> = [{}, { Authorization: '' }];
    for (const auth of auths) {
      const reply = await get(host, path, 'GET', { ...rebound(), ...auth });
      expect(reply.status).toBe(403);
      expect(reply.body).toBe('Forbidden');
      expect(reply.body).not.toContain('pw');
    }
  });

  it.each(EVERY)('answers %s with 403 for a foreign Origin, even with the token', async (path) => {
    for (const origin of ['https://evil.example', 'null', `http://localhost:${host.port}`]) {
      const reply = await get(host, path, 'GET', { Origin: origin });
      expect(reply.status).toBe(403);
      expect(reply.body).toBe('Forbidden');
    }
  });

  it.each(DATA)('answers %s with a bare 401 without the token or with a wrong one', async (path) => {
    const wrong = `Bearer ${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    for (const authorization of ['', wrong, host.token, `Basic ${host.token}`]) {
      const reply = await get(host, path, 'GET', { Authorization: authorization });
      expect(reply.status, authorization).toBe(401);
      expect(reply.body).toBe('Unauthorized');
      expect(reply.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await get(host, path, 'HEAD', { Authorization: '' })).status).toBe(401);
  });

  it('refuses another host’s token', async () => {
    const other = await startWebHost({ rendererDir, policyPath, port: 0, warn: () => undefined, speech: false });
    try {
      expect((await get(host, '/policy.json', 'GET', { Authorization: `Bearer ${other.token}` })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('serves the data endpoints to this host’s Host with the token, with or without its own Origin', async () => {
    const asThePage: Array<Record<string, string>> = [{}, { Origin: `http://127.0.0.1:${host.port}` }];
    for (const headers of asThePage) {
      const policy = await get(host, '/policy.json', 'GET', headers);
      expect(policy.status).toBe(200);
      expect(JSON.parse(policy.body)).toMatchObject({ sip: { password: 'pw' } });
      expect((await get(host, '/knowledge-package.json', 'GET', headers)).status).toBe(204);
      expect(JSON.parse((await get(host, '/speech.json', 'GET', headers)).body)).toMatchObject({ error: { code: 'off' } });
    }
  });

  it('serves the static bundle without the token (the page needs it before it has read the token)', async () => {
    const reply = await get(host, '/', 'GET', { Authorization: '' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Lingxi</title>');
  });
});
