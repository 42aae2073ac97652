import { describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/app/store';
import { selectConsultCall, selectCurrentCall, selectRingingCall } from '@renderer/features/phone/phone-slice';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';
import { callSnapshot } from '../../support/call-snapshot';

const call = (patch: Partial<CallSnapshot>): CallSnapshot => callSnapshot({ id: 'a', phase: 'ringing', ...patch });

describe('phone slice', () => {
  it('tracks a call from ringing to active to ended', () => {
    const store = createAppStore();
    store.getState().upsertCall(call({}));
    expect(selectRingingCall(store.getState())?.id).toBe('a');
    expect(selectCurrentCall(store.getState())).toBeUndefined();
    store.getState().upsertCall(call({ phase: 'active', answeredAt: 5 }));
    expect(selectRingingCall(store.getState())).toBeUndefined();
    expect(selectCurrentCall(store.getState())?.answeredAt).toBe(5);
    store.getState().upsertCall(call({ phase: 'ended' }));
    expect(store.getState().calls).toEqual([]);
  });
  it('keeps snapshots serializable', () => {
    const store = createAppStore();
    store.getState().upsertCall(call({ cti: { 'x-customer-id': 'C1' } }));
    expect(JSON.parse(JSON.stringify(store.getState().calls))).toEqual(store.getState().calls);
  });
  it('with two lines the current call is the one not on hold; a waiting call rings beside it', () => {
    const store = createAppStore();
    store.getState().upsertCall(call({ id: 'a', phase: 'active' }));
    store.getState().upsertCall(call({ id: 'b', remoteNumber: '1003', phase: 'ringing' }));
    expect(selectCurrentCall(store.getState())?.id).toBe('a');
    expect(selectRingingCall(store.getState())?.id).toBe('b');
    store.getState().upsertCall(call({ id: 'a', phase: 'active', heldLocally: true }));
    store.getState().upsertCall(call({ id: 'b', remoteNumber: '1003', phase: 'connecting' }));
    expect(selectCurrentCall(store.getState())?.id).toBe('b');
    store.getState().upsertCall(call({ id: 'b', remoteNumber: '1003', phase: 'active', heldLocally: true }));
    expect(selectCurrentCall(store.getState())?.id).toBe('a');
  });
  it('finds the consultation call of an attended transfer', () => {
    const store = createAppStore();
    store.getState().upsertCall(call({ id: 'a', phase: 'active', heldLocally: true }));
    expect(selectConsultCall(store.getState())).toBeUndefined();
    store.getState().upsertCall(call({ id: 'c', direction: 'outgoing', phase: 'dialing', consultOf: 'a' }));
    expect(selectConsultCall(store.getState())?.id).toBe('c');
  });
});
