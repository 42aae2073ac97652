/** Screen pop follows the call lifecycle: one pop per incoming call, as it rings, with the INVITE's CTI. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { parsePolicy, type Policy } from '@common/contract/policy';
import { lookupCustomer, type CrmQuery } from '@common/crm/crm-client';
import { createAppStore } from '@renderer/app/store';
import { selectTrustedCti } from '@renderer/features/screenpop';
import { startScreenpop, type Screenpop } from '@renderer/features/screenpop/screenpop-service';
import { fakePhone } from '../../support/phone-calls';

let running: Screenpop | undefined;
afterEach(() => {
  running?.stop();
  vi.unstubAllGlobals();
});

function policy(extra: Record<string, unknown> = {}) {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, ...extra }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

/** The host's CRM call as the browser host makes it (no token stored), on the test's fetch. */
const host = (crm?: Policy['crm']) => ({ crm: { lookup: (query: CrmQuery) => lookupCustomer(crm, query, null) } }) as unknown as LingxiApi;
const IVR = { from: '<sip:ivr@pbx.bank.example>;tag=1', callId: 'a@b' };
const CALLER = { from: '<sip:13900000000@pbx.bank.example>;tag=1', callId: 'c@d' };
const CLAIMS = { 'x-customer-id': 'C1001', 'x-verified': 'yes', 'x-intent': 'lost card' };

/** Screen pop with a CRM whose requests are recorded (answering "no such customer"). */
function withCrm(cti: Record<string, unknown>) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    return new Response('{}', { status: 404 });
  }));
  const store = createAppStore();
  const phone = fakePhone(store);
  const withCti = policy({ crm: { profileUrl: 'https://crm.bank.example/customers/{customerId}?phone={phone}' }, cti });
  running = startScreenpop(withCti, store, phone.lifecycle, host(withCti.crm));
  return { store, phone, urls };
}

describe('startScreenpop', () => {
  it('pops each incoming call once as it rings, and no outgoing call', async () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    running = startScreenpop(policy(), store, phone.lifecycle, host());

    phone.update({ phase: 'ringing', cti: { 'x-customer-id': 'C7' } });
    phone.update({ phase: 'active', answeredAt: 1, cti: { 'x-customer-id': 'C7' } });
    phone.update({ id: 'out', direction: 'outgoing', phase: 'dialing', remoteNumber: '1003' });
    phone.end('c1');
    phone.update({ id: 'c2', phase: 'ringing', remoteNumber: '1004' });

    await vi.waitFor(() => expect(store.getState().pops).toHaveLength(2));
    expect(store.getState().pops.map((p) => [p.callId, p.number, p.cti.customerId, p.source])).toEqual([
      ['c2', '1004', undefined, 'cti'],
      ['c1', '1002', 'C7', 'cti'],
    ]);
  });

  it('an untrusted caller claiming a customer id: unverified, and the CRM is asked by phone number only', async () => {
    const { store, phone, urls } = withCrm({ trustedSources: ['sip:ivr@pbx.bank.example'] });
    phone.update({ phase: 'ringing', remoteNumber: '13900000000', cti: CLAIMS, invite: CALLER });
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toBe('https://crm.bank.example/customers/?phone=13900000000');
    const pop = store.getState().pops[0];
    expect(pop?.trusted).toBe(false);
    // Assist and transcription get nothing of it.
    expect(selectTrustedCti(store.getState(), 'c1')).toEqual({});
  });

  it('a trusted source: the CRM is asked for its customer id, and the CTI is there for assist', async () => {
    const { store, phone, urls } = withCrm({ trustedSources: ['sip:ivr@pbx.bank.example'] });
    phone.update({ phase: 'ringing', remoteNumber: '13900000000', cti: CLAIMS, invite: IVR });
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toBe('https://crm.bank.example/customers/C1001?phone=13900000000');
    expect(store.getState().pops[0]?.trusted).toBe(true);
    expect(selectTrustedCti(store.getState(), 'c1')).toMatchObject({ intent: 'lost card', verified: true });
  });

  it('cti.lookupUntrusted asks for an untrusted id, still shown unverified', async () => {
    const { store, phone, urls } = withCrm({ lookupUntrusted: true });
    phone.update({ phase: 'ringing', remoteNumber: '13900000000', cti: CLAIMS, invite: CALLER });
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toBe('https://crm.bank.example/customers/C1001?phone=13900000000');
    expect(store.getState().pops[0]?.trusted).toBe(false);
  });

  it('never puts .. (or an id off the pattern) into the CRM URL, even from a trusted source', async () => {
    const { phone, urls } = withCrm({ trustedSources: ['sip:*@pbx.bank.example'] });
    phone.update({ phase: 'ringing', remoteNumber: '13900000000', cti: { 'x-customer-id': '..' }, invite: IVR });
    phone.update({ id: 'c2', phase: 'ringing', remoteNumber: '13900000001', cti: { 'x-customer-id': 'C1/../../admin' }, invite: IVR });
    await vi.waitFor(() => expect(urls).toHaveLength(2));
    expect(urls.sort()).toEqual(['https://crm.bank.example/customers/?phone=13900000000', 'https://crm.bank.example/customers/?phone=13900000001']);
  });
});
