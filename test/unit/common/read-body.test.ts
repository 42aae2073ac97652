/**
 * Issue 25 §5: a CRM answer of 50 MB and a knowledge delta of 500 MB are refused by size before parsing,
 * over real HTTP on loopback: by Content-Length when the server states it, else by counting the streamed
 * bytes; reading stops there (the server sees the connection close long before it has sent it all).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmPolicySchema, knowledgePolicySchema } from '@common/contract/policy';
import { fetchProfiles } from '@common/crm/crm-client';
import { megabytes, readTextCapped } from '@common/read-body';
import type { KnowledgeBase } from '@renderer/features/knowledge/knowledge-base';
import { syncOnce } from '@renderer/features/knowledge/knowledge-sync';

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Streams `total` bytes of JSON-looking filler in 64 KB writes, stopping when the client goes away; resolves with what it wrote. */
function stream(res: ServerResponse, total: number): Promise<number> {
  return new Promise((resolve) => {
    let sent = 0;
    const more = () => {
      while (sent < total) {
        if (res.destroyed) return resolve(sent);
        sent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', more);
      }
      res.end();
      resolve(sent);
    };
    res.on('close', () => resolve(sent));
    res.write('{"id":"1","name":"');
    more();
  });
}

let server: Server;
let base: string;
/** Bytes the server got out for each path, once the client stopped or it finished. */
const written = new Map<string, Promise<number>>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/small') return void res.end('{"id":"c1","name":"Li Wei"}');
    // 50 MB chunked: no Content-Length at all.
    if (path === '/crm-50mb') return void written.set(path, stream(res, 50 * MB));
    // Says 50 MB up front.
    if (path === '/crm-declared') {
      res.setHeader('Content-Length', String(50 * MB));
      return void written.set(path, stream(res, 50 * MB));
    }
    // A 500 MB delta, chunked.
    if (path === '/delta-500mb') return void written.set(path, stream(res, 500 * MB));
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const crmAt = (path: string) => {
  const profileUrl = `${base}${path}?id={customerId}`;
  return { ...crmPolicySchema.parse({ profileUrl, timeoutMs: 30_000 }), profileUrl };
};

describe('size limits before parsing (issue 25 §5)', { timeout: 60_000 }, () => {
  it('defaults: a 2 MB CRM answer, a 256 MB knowledge package or delta', () => {
    expect(crmPolicySchema.parse({}).maxResponseMb).toBe(2);
    expect(knowledgePolicySchema.parse({}).maxPackageMb).toBe(256);
  });

  it('refuses a 50 MB CRM answer streamed without Content-Length once 2 MB have arrived, and stops reading', async () => {
    const result = await fetchProfiles(crmAt('/crm-50mb'), { customerId: '1' }, null);
    expect(result).toMatchObject({ ok: false, kind: 'too-large' });
    expect(!result.ok && result.detail).toMatch(/^the CRM answer is larger than the 2 MB crm\.maxResponseMb allows \(2(\.\d)? MB had arrived when reading stopped; no Content-Length\)$/);
    // The socket closed early: far less than 50 MB left the server (what sits in kernel buffers aside).
    expect(await written.get('/crm-50mb')).toBeLessThan(20 * MB);
  });

  it('refuses a CRM answer by its Content-Length before reading any of it', async () => {
    const result = await fetchProfiles(crmAt('/crm-declared'), { customerId: '1' }, null);
    expect(result).toMatchObject({ ok: false, kind: 'too-large', detail: 'the CRM answer is larger than the 2 MB crm.maxResponseMb allows (Content-Length: 50 MB)' });
    expect(await written.get('/crm-declared')).toBeLessThan(20 * MB);
  });

  it('still maps an answer within the limit', async () => {
    expect(await fetchProfiles(crmAt('/small'), { customerId: 'c1' }, null)).toMatchObject({ ok: true, profiles: [{ id: 'c1', name: 'Li Wei' }] });
    const tight = await readTextCapped(await fetch(`${base}/small`), 27, 'it', 'x.maxMb');
    expect(tight).toEqual({ ok: true, text: '{"id":"c1","name":"Li Wei"}' });
    expect(await readTextCapped(await fetch(`${base}/small`), 26, 'it', 'x.maxMb')).toEqual({ ok: false, tooLarge: 'it is larger than the 26 bytes x.maxMb allows (Content-Length: 27 bytes)' });
  });

  it('refuses a 500 MB knowledge delta by its streamed bytes, keeping the knowledge base as it was', async () => {
    // Only syncState is read before the body: nothing may be applied to a knowledge base from a refused delta.
    const kb = { syncState: {} } as unknown as KnowledgeBase;
    // A 16 MB limit keeps the test quick; the default (256 MB) is the same code with a larger number.
    await expect(syncOnce(kb, `${base}/delta-500mb`, { maxBytes: megabytes(16) })).rejects.toThrow(
      /^the knowledge delta is larger than the 16 MB knowledge\.maxPackageMb allows \(16(\.\d)? MB had arrived when reading stopped; no Content-Length\)$/,
    );
    expect(await written.get('/delta-500mb')).toBeLessThan(100 * MB);
  });
});
