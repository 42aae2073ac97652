/** Whom screen pop believes: CTI headers only from a source IT names or with a valid signature. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePolicy, type CtiPolicy } from '@common/contract/policy';
import type { InviteOrigin } from '@renderer/features/phone';
import { canonicalCtiString, decideCtiTrust, signCti, validCustomerId } from '@renderer/features/screenpop/cti-trust';
import { dialableNumber } from '@common/crm/profile-schema';

const KEY = 'k'.repeat(32) + '-the-ivr-shares-this';
const NOW = 1_800_000_000_000;
const T = String(NOW / 1000);

function ctiPolicy(cti: Record<string, unknown> = {}): CtiPolicy {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, cti }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy.cti;
}

const ivrHeaders = { 'x-customer-id': 'C1001', 'x-verified': 'yes', 'x-intent': 'lost card' };
const invite = (patch: Partial<InviteOrigin> = {}): InviteOrigin => ({ from: '<sip:6666@gw.bank.example>;tag=a1', callId: 'call-1@host', ...patch });

async function decide(policy: CtiPolicy, headers: Record<string, string>, origin: InviteOrigin | undefined = invite(), now = NOW, seen = new Map<string, number>()) {
  return decideCtiTrust(policy, { headers, invite: origin, now, seen });
}

async function signed(headers: Record<string, string> = ivrHeaders, callId = 'call-1@host', t = T): Promise<Record<string, string>> {
  return { ...headers, 'x-cti-signature': `t=${t};sig=${await signCti(KEY, headers, callId, t)}` };
}

describe('CTI trust by source', () => {
  it('trusts nobody by default: a caller writing X-Verified is not believed', async () => {
    expect(await decide(ctiPolicy(), ivrHeaders)).toEqual({ trusted: false, reason: 'unknown-source' });
  });

  it('trusts a listed source by its P-Asserted-Identity, display name and parameters aside', async () => {
    const policy = ctiPolicy({ trustedSources: ['sip:ivr@pbx.bank.example'] });
    const origin = invite({ assertedIdentity: '"Bank IVR" <sip:ivr@PBX.bank.example:5061;user=phone>, <tel:+861234>' });
    expect(await decide(policy, ivrHeaders, origin)).toEqual({ trusted: true, by: 'source' });
  });

  it('uses the From only without a P-Asserted-Identity: a trusted From with a foreign PAI is not trusted', async () => {
    const policy = ctiPolicy({ trustedSources: ['sip:ivr@pbx.bank.example'] });
    expect(await decide(policy, ivrHeaders, invite({ from: 'sip:ivr@pbx.bank.example;tag=x' }))).toEqual({ trusted: true, by: 'source' });
    expect(await decide(policy, ivrHeaders, invite({ from: '<sip:ivr@pbx.bank.example>;tag=x', assertedIdentity: '<sip:mallory@pbx.bank.example>' }))).toMatchObject({ trusted: false });
    expect(await decide(policy, ivrHeaders, invite({ from: '<sip:ivr2@pbx.bank.example>' }))).toMatchObject({ trusted: false });
  });

  it('matches sip:*@domain for every user of that domain, and no other domain or subdomain', async () => {
    const policy = ctiPolicy({ trustedSources: ['sip:*@ivr.bank.example'] });
    expect(await decide(policy, ivrHeaders, invite({ from: '<sips:queue7@ivr.bank.example>;tag=1' }))).toEqual({ trusted: true, by: 'source' });
    for (const from of ['<sip:queue7@evil.ivr.bank.example>', '<sip:queue7@ivr.bank.example.evil>', '<sip:ivr.bank.example@evil.example>']) {
      expect(await decide(policy, ivrHeaders, invite({ from }))).toMatchObject({ trusted: false });
    }
  });

  it('refuses policy sources that are not SIP URIs', () => {
    const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, cti: { trustedSources: ['ivr.bank.example', 'sip:*@*'] } }, 'test');
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['cti.trustedSources[0]', 'cti.trustedSources[1]']);
  });
});

describe('CTI trust by signature', () => {
  const policy = ctiPolicy({ hmacKey: KEY });

  it('documents one canonical string: version, timestamp, Call-ID, then the headers in a fixed order', () => {
    expect(canonicalCtiString({ 'x-intent': ' lost card ', 'x-customer-id': 'C1' }, 'abc@h', '1700000000')).toBe(
      'lingxi-cti-v1\n1700000000\nabc@h\nx-customer-id:C1\nx-ivr-path:\nx-intent:lost card\nx-verified:\nx-language:\nx-queue:\nx-vip:',
    );
  });

  it('accepts the README\'s worked example, signed by an independent HMAC (node:crypto)', async () => {
    const headers = { 'x-customer-id': 'C1001', 'x-verified': 'yes' };
    const canonical = canonicalCtiString(headers, 'abc@ivr', '1700000000');
    const sig = createHmac('sha256', '0123456789abcdef0123456789abcdef').update(canonical).digest('hex');
    expect(sig).toBe('cebfa80abd243ba99cc64e3daf9512e4f8f3e4177e49994c63d74db8bd50fa5d');
    const policy = ctiPolicy({ hmacKey: '0123456789abcdef0123456789abcdef' });
    const trust = await decide(policy, { ...headers, 'x-cti-signature': `t=1700000000; sig=${sig.toUpperCase()}` }, invite({ callId: 'abc@ivr' }), 1_700_000_030_000);
    expect(trust).toEqual({ trusted: true, by: 'signature' });
  });

  it('believes a valid signature from any source, once', async () => {
    const seen = new Map<string, number>();
    const headers = await signed();
    expect(await decide(policy, headers, invite(), NOW, seen)).toEqual({ trusted: true, by: 'signature' });
    expect(await decide(policy, headers, invite(), NOW + 1000, seen)).toEqual({ trusted: false, reason: 'replayed' });
  });

  it('refuses a signature under another key, a tampered value, another Call-ID or a malformed header', async () => {
    const other = { ...ivrHeaders, 'x-cti-signature': `t=${T};sig=${await signCti('x'.repeat(40), ivrHeaders, 'call-1@host', T)}` };
    expect(await decide(policy, other)).toEqual({ trusted: false, reason: 'bad-signature' });
    expect(await decide(policy, { ...(await signed()), 'x-customer-id': 'C2002' })).toEqual({ trusted: false, reason: 'bad-signature' });
    expect(await decide(policy, await signed(), invite({ callId: 'call-2@host' }))).toEqual({ trusted: false, reason: 'bad-signature' });
    expect(await decide(policy, { ...ivrHeaders, 'x-cti-signature': 'sig=zz' })).toEqual({ trusted: false, reason: 'unknown-source' });
  });

  it('refuses a signature older (or further ahead) than maxAgeSeconds', async () => {
    expect(await decide(policy, await signed(ivrHeaders, 'call-1@host', String(NOW / 1000 - 61)))).toEqual({ trusted: false, reason: 'expired' });
    expect(await decide(policy, await signed(ivrHeaders, 'call-1@host', String(NOW / 1000 + 61)))).toEqual({ trusted: false, reason: 'expired' });
    expect(await decide(policy, await signed(ivrHeaders, 'call-1@host', String(NOW / 1000 - 59)))).toEqual({ trusted: true, by: 'signature' });
    expect(await decide(ctiPolicy({ hmacKey: KEY, maxAgeSeconds: 10 }), await signed(ivrHeaders, 'call-1@host', String(NOW / 1000 - 20)))).toMatchObject({ trusted: false });
  });

  it('refuses any signature when the policy has no key', async () => {
    expect(await decide(ctiPolicy(), await signed())).toMatchObject({ trusted: false });
  });
});

describe('customer ids and numbers from outside', () => {
  it('refuses . and .. whatever the pattern, and anything the pattern does not match as a whole', () => {
    const pattern = ctiPolicy().customerIdPattern;
    expect(validCustomerId('C1001', pattern)).toBe('C1001');
    for (const id of ['..', '.', '../admin', 'C1/..', 'C1?x=1', 'a'.repeat(65), '']) expect(validCustomerId(id, pattern)).toBeUndefined();
    expect(validCustomerId('..', '.*')).toBeUndefined();
    expect(validCustomerId('.', '[.]+')).toBeUndefined();
    expect(validCustomerId('C1', 'C')).toBeUndefined(); // anchored: a partial match is no match
  });

  it('dials only plain numbers: digits and a leading +', () => {
    expect(dialableNumber('+86 138-0013 8000')).toBe('+8613800138000');
    expect(dialableNumber('tel:(010) 1234.5678')).toBe('01012345678');
    for (const value of ['sip:13800138000@evil.example', '13800138000@evil.example', '1380013800x', '1+2345', 'sips:1@a', '12']) {
      expect(dialableNumber(value)).toBeUndefined();
    }
  });
});
