import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { createCrmLookup, rememberedToken } from '@main/features/crm/crm-lookup';

// A CRM double on loopback that wants `Bearer tok-1` and knows one customer.
const seen: IncomingHttpHeaders[] = [];
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    if (request.headers.authorization !== 'Bearer tok-1') return void response.writeHead(401).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'C1', name: '王芳 Wang Fang', phone: '13800138000' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function crmPolicy() {
  const result = parsePolicy(
    { sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, crm: { profileUrl: `${base}/customers?phone={phone}` } },
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy.crm;
}

describe('crm:lookup in main', () => {
  it('attaches the stored token in main (read at each call), so a token saved a moment ago is used at once', async () => {
    let token: string | null = null;
    const lookup = createCrmLookup({ crm: crmPolicy, token: async () => token, fetch });
    expect(await lookup({ phone: '13800138000' })).toMatchObject({ ok: false, kind: 'auth', detail: '401' });
    token = 'tok-1';
    const found = await lookup({ phone: '13800138000' });
    expect(found).toMatchObject({ ok: true, profiles: [{ id: 'C1' }] });
    expect(seen.at(-1)?.authorization).toBe('Bearer tok-1');
    expect(seen.at(-1)?.cookie).toBeUndefined();
  });

  it('without a valid policy asks nobody and says why', async () => {
    const count = seen.length;
    const lookup = createCrmLookup({ crm: () => undefined, token: async () => 'tok-1', fetch });
    expect(await lookup({ phone: '1' })).toMatchObject({ ok: false, detail: 'no valid policy names a crm.profileUrl' });
    expect(seen).toHaveLength(count);
  });

  it('reads the stored token once for many lookups, again after the page stores a new one, and never remembers "none"', async () => {
    const stored: Array<string | null> = [null, 'tok-1', 'tok-2'];
    let reads = 0;
    const token = rememberedToken(async () => stored[reads++] ?? null);
    expect(await token.get()).toBeNull();
    expect(await token.get()).toBe('tok-1');
    expect(await token.get()).toBe('tok-1');
    expect(reads).toBe(2);
    token.forget();
    expect(await token.get()).toBe('tok-2');
    expect(reads).toBe(3);
  });
});
