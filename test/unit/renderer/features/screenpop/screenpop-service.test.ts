/** Screen pop follows the call lifecycle: one pop per incoming call, as it rings, with the INVITE's CTI. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { startScreenpop, type Screenpop } from '@renderer/features/screenpop/screenpop-service';
import { fakePhone } from '../../support/phone-calls';

let running: Screenpop | undefined;
afterEach(() => running?.stop());

function policy() {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

describe('startScreenpop', () => {
  it('pops each incoming call once as it rings, and no outgoing call', () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const host = { secrets: { get: vi.fn(async () => null) } } as unknown as LingxiApi;
    running = startScreenpop(policy(), store, phone.lifecycle, host);

    phone.update({ phase: 'ringing', cti: { 'x-customer-id': 'C7' } });
    phone.update({ phase: 'active', answeredAt: 1, cti: { 'x-customer-id': 'C7' } });
    phone.update({ id: 'out', direction: 'outgoing', phase: 'dialing', remoteNumber: '1003' });
    phone.end('c1');
    phone.update({ id: 'c2', phase: 'ringing', remoteNumber: '1004' });

    expect(store.getState().pops.map((p) => [p.callId, p.number, p.cti.customerId, p.source])).toEqual([
      ['c2', '1004', undefined, 'cti'],
      ['c1', '1002', 'C7', 'cti'],
    ]);
  });
});
