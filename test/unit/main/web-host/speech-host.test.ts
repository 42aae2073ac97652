/**
 * The browser host's local speech service: started on the page's first /speech.json (not with the host),
 * handed out to the page's own origin only, switched off by the policy, and gone when the host closes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '@main/web-host/server';
import { isAlive as alive } from '../../../fixtures/processes';
import { SpeechTestClient } from '../../../fixtures/speech/speech-client';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-web-speech-test-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lingxi</title>');
const sip = { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' };
const hosts: WebHost[] = [];

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function host(policy: object): Promise<WebHost> {
  const policyPath = join(mkdtempSync(join(dir, 'p-')), 'policy.json');
  writeFileSync(policyPath, JSON.stringify(policy));
  const started = await startWebHost({ rendererDir, policyPath, port: 0, warn: () => undefined });
  hosts.push(started);
  return started;
}

function getSpeech(web: WebHost, hostHeader = `127.0.0.1:${web.port}`): Promise<{ status: number; body: string; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers = { Host: hostHeader, Authorization: `Bearer ${web.token}` };
    const req = request({ host: '127.0.0.1', port: web.port, path: '/speech.json', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cache: res.headers['cache-control'] }));
    });
    req.on('error', reject);
    req.end();
  });
}


describe('browser host /speech.json', () => {
  it('starts the service on first request, lets the page’s origin in with the token, and stops it on close', async () => {
    const started = Date.now();
    const web = await host({ sip });
    expect(Date.now() - started, 'the host itself starts without waiting for speech').toBeLessThan(1000);
    const reply = await getSpeech(web);
    expect(reply.status).toBe(200);
    expect(reply.cache).toBe('no-store');
    const endpoint = JSON.parse(reply.body) as { url: string; token: string };
    expect(endpoint.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
    expect(JSON.parse((await getSpeech(web)).body), 'one service per host').toEqual(endpoint);
    const client = await SpeechTestClient.connect(endpoint.url, { token: endpoint.token, origin: `http://127.0.0.1:${web.port}` });
    client.sendJson({ type: 'start', leg: 'customer', language: 'en-US', sampleRate: 16000 });
    expect(await client.next('ready', 60_000)).toMatchObject({ engine: 'pocketsphinx' });
    await client.close();
    await expect(SpeechTestClient.connect(endpoint.url, { token: endpoint.token, origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    const pid = findServicePid(endpoint.url);
    expect(pid, 'the service process').toBeGreaterThan(0);
    await web.close();
    hosts.splice(hosts.indexOf(web), 1);
    expect(alive(pid as number)).toBe(false);
  }, 90_000);

  it('refuses the token to a foreign host name (DNS rebinding)', async () => {
    const web = await host({ sip });
    const reply = await getSpeech(web, `attacker.example:${web.port}`);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('token');
  });

  it('answers "off" when the policy uses the bank’s ASR server or no transcription, and explains a broken section', async () => {
    const bank = await host({ sip, transcription: { provider: 'bank-asr', asrUrl: 'wss://asr.bank.example/v1' } });
    expect(JSON.parse((await getSpeech(bank)).body)).toMatchObject({ error: { code: 'off' } });
    const off = await host({ sip, transcription: { provider: 'off' } });
    expect(JSON.parse((await getSpeech(off)).body)).toMatchObject({ error: { code: 'off' } });
    const broken = await host({ sip, transcription: { provider: 'bank-asr' } });
    expect(JSON.parse((await getSpeech(broken)).body)).toEqual({
      error: { code: 'failed', message: 'policy: transcription.asrUrl: is required when provider is "bank-asr" (the wss:// address of the bank\'s ASR server)' },
    });
  });
});

/** The service's pid, found by the port it listens on (Linux /proc), so the test can check it is gone. */
function findServicePid(url: string): number | undefined {
  const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, '0');
  const inode = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((cols) => cols[1]?.endsWith(`:${port}`) && cols[3] === '0A')?.[9];
  if (!inode) return undefined;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
    } catch {
      // Not ours to read, or gone.
    }
  }
  return undefined;
}
