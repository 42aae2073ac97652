import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@renderer/db/db';
import { hasCti, readCti } from '@renderer/features/screenpop/cti';
import { cacheKey, purgeExpiredProfiles, readCachedProfiles, writeCachedProfiles } from '@renderer/features/screenpop/profile-repo';
import type { CustomerProfile } from '@common/crm/profile-schema';
import { selectActivePop, selectionFor, type ProfilePop } from '@renderer/features/screenpop/screenpop-slice';

const profile = (id: string): CustomerProfile => ({ id, name: id, tags: [], phones: [], products: [], interactions: [], complaints: [] });

describe('readCti', () => {
  it('reads the IVR headers and understands yes/no', () => {
    expect(readCti({ 'x-customer-id': ' C1 ', 'x-verified': 'Yes', 'x-intent': 'lost card', 'x-other': 'z' })).toEqual({
      customerId: 'C1',
      verified: true,
      intent: 'lost card',
    });
    expect(readCti({ 'x-verified': '0' }).verified).toBe(false);
    expect(readCti({ 'x-verified': 'maybe' }).verified).toBeUndefined();
    expect(hasCti(readCti({}))).toBe(false);
  });
});

describe('profile cache', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });
  it('keys by customer id first, then phone', () => {
    expect(cacheKey({ customerId: 'C1', phone: '1' })).toBe('id:C1');
    expect(cacheKey({ phone: '1' })).toBe('phone:1');
    expect(cacheKey({})).toBeUndefined();
  });
  it('serves entries within the TTL, drops older ones, and files a single match under its id too', async () => {
    await writeCachedProfiles('phone:1002', [profile('C1')], 1_000);
    expect((await readCachedProfiles('id:C1', 10_000, 5_000))?.profiles[0]?.id).toBe('C1');
    expect(await readCachedProfiles('phone:1002', 1_000, 5_000)).toBeUndefined();
    expect(await readCachedProfiles('phone:1002', 10_000, 5_000)).toBeUndefined(); // deleted by the expired read
    await writeCachedProfiles('phone:9', [profile('A'), profile('B')], 1_000);
    expect(await purgeExpiredProfiles(100, 5_000)).toBe(2);
  });
});

describe('pop selection', () => {
  const pop = (callId: string, profiles: CustomerProfile[], selected: number | null): ProfilePop => ({
    callId,
    number: '1',
    cti: {},
    trusted: true,
    source: 'crm',
    profiles,
    selected,
    loading: false,
  });
  it('keeps the agent’s choice across a refresh and picks a single match', () => {
    expect(selectionFor([profile('A')])).toBe(0);
    expect(selectionFor([profile('A'), profile('B')])).toBeNull();
    expect(selectionFor([profile('B'), profile('A')], pop('c', [profile('A'), profile('B')], 0))).toBe(1);
  });
  it('shows the ringing call’s pop first, then the connected call’s', () => {
    const state = {
      pops: [pop('ringing', [], null), pop('talking', [], null)],
      calls: [
        { id: 'talking', phase: 'active' },
        { id: 'ringing', phase: 'ringing' },
      ],
    } as Parameters<typeof selectActivePop>[0];
    expect(selectActivePop(state)?.callId).toBe('ringing');
    expect(selectActivePop({ ...state, calls: [{ id: 'talking', phase: 'active' }] })?.callId).toBe('talking');
  });
});
