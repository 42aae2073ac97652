import { describe, expect, it } from 'vitest';
import { canonicalPolicyJson, policyIdentity, policySha256 } from '@common/contract/policy-canonical';
import { policyHeaderValue } from '@common/contract/policy-header';

describe('canonicalPolicyJson', () => {
  it('sorts keys at every level, drops whitespace and the top-level policySignature, keeps list order', () => {
    const text = canonicalPolicyJson({ sip: { uri: 'sip:1@p', servers: ['wss://b', 'wss://a'] }, policySignature: 'x', ui: { language: '繁' }, allowUserPolicy: false });
    expect(text).toBe('{"allowUserPolicy":false,"sip":{"servers":["wss://b","wss://a"],"uri":"sip:1@p"},"ui":{"language":"繁"}}');
  });

  it('hashes the same document the same however it was written', async () => {
    const a = await policySha256(JSON.parse('{ "b": 1, "a": { "y": true, "x": null } }'));
    const b = await policySha256(JSON.parse('{"a":{"x":null,"y":true},"b":1,"policySignature":"sig"}'));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('policy identity and header', () => {
  const ok = { ok: true as const, source: 's', policy: {} as never, sha256: 'ab12', sources: [{ kind: 'machine' as const, location: '/etc/lingxi/policy.json', applied: true }, { kind: 'user' as const, location: 'u', applied: false }] };
  it('names the hash and the kinds of source that applied', () => {
    expect(policyHeaderValue(ok)).toBe('sha256=ab12; sources=machine');
    expect(policyHeaderValue({ ...ok, sources: [...ok.sources.slice(0, 1), { kind: 'user', location: 'u', applied: true }] })).toBe('sha256=ab12; sources=machine+user');
    expect(policyHeaderValue({ ok: false, source: 's', problems: [] })).toBeUndefined();
  });

  it('tells results apart by hash when valid and by problems when not', () => {
    expect(policyIdentity(ok)).toBe('ok:ab12');
    expect(policyIdentity({ ok: false, source: 's', problems: [{ path: 'a', message: 'b' }] })).toBe('invalid:[{"path":"a","message":"b"}]');
  });
});
