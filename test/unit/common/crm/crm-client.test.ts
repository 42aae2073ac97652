import { describe, expect, it } from 'vitest';
import { crmPolicySchema } from '@common/contract/policy';
import { fetchProfiles, fillUrlTemplate } from '@common/crm/crm-client';

const crm = { ...crmPolicySchema.parse({ profileUrl: 'https://crm.example/c?id={customerId}&p={phone}', timeoutMs: 100, headers: { 'X-Channel': 'lingxi' } }), profileUrl: 'https://crm.example/c?id={customerId}&p={phone}' };

function answer(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status });
}

describe('fillUrlTemplate', () => {
  it('URL-encodes what it fills in and leaves a missing value empty', () => {
    expect(fillUrlTemplate(crm.profileUrl, { customerId: 'a b&c', phone: '+86 138' })).toBe('https://crm.example/c?id=a%20b%26c&p=%2B86%20138');
    expect(fillUrlTemplate(crm.profileUrl, { phone: '1002' })).toBe('https://crm.example/c?id=&p=1002');
  });
});

describe('fetchProfiles', () => {
  it('sends the static headers and the token', async () => {
    let seen: Headers | undefined;
    const spy: typeof fetch = async (_url, init) => {
      seen = new Headers(init?.headers);
      return new Response('{"id":"1","name":"A"}');
    };
    const result = await fetchProfiles(crm, { customerId: '1' }, 'tok', spy);
    expect(result.ok).toBe(true);
    expect(seen?.get('authorization')).toBe('Bearer tok');
    expect(seen?.get('x-channel')).toBe('lingxi');
  });

  it('classifies every failure', async () => {
    expect(await fetchProfiles(crm, {}, null, answer(401, ''))).toMatchObject({ ok: false, kind: 'auth', detail: '401' });
    expect(await fetchProfiles(crm, {}, null, answer(503, ''))).toMatchObject({ ok: false, kind: 'http', detail: '503' });
    expect(await fetchProfiles(crm, {}, null, answer(200, 'nope'))).toMatchObject({ ok: false, kind: 'json' });
    expect(await fetchProfiles(crm, {}, null, answer(404, ''))).toMatchObject({ ok: true, profiles: [] });
    const refused: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchProfiles(crm, {}, null, refused)).toMatchObject({ ok: false, kind: 'network' });
  });

  it('reports a broken CRM answer by line and column, without the customer data in it', async () => {
    // An unquoted value: V8's own message would quote the answer around it.
    const body = '{"customers": [{"name": Wang Fang, "idNumber": "110101199003071234", "phone": "13800138000"}]}';
    const result = await fetchProfiles(crm, {}, null, answer(200, body));
    expect(result).toMatchObject({ ok: false, kind: 'json', detail: 'not valid JSON at line 1, column 25' });
    expect(JSON.stringify(result)).not.toMatch(/Wang|1101011990|13800138000/);
  });

  it('gives up after the timeout', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const result = await fetchProfiles(crm, {}, null, never);
    expect(result).toMatchObject({ ok: false, kind: 'timeout', detail: '100' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(90);
  });
});
