/** Screen-pop cache (Dexie `profiles`): masked profiles by customer id and by phone number. */
import { getDb } from '../../db/db';
import type { CustomerProfile } from '@common/crm/profile-schema';

export interface CachedLookup {
  profiles: CustomerProfile[];
  fetchedAt: number;
}

/** Cache keys for a lookup: the customer id when the IVR gave one, else the phone number. */
export function cacheKey(query: { customerId?: string; phone?: string }): string | undefined {
  if (query.customerId) return `id:${query.customerId}`;
  if (query.phone) return `phone:${query.phone}`;
  return undefined;
}

/** A cached lookup no older than ttlMs; older entries are deleted (customer data is not kept longer than IT allows). */
export async function readCachedProfiles(key: string, ttlMs: number, now = Date.now()): Promise<CachedLookup | undefined> {
  const table = getDb().profiles;
  const row = await table.get(key);
  if (!row) return undefined;
  if (now - row.fetchedAt > ttlMs) {
    await table.delete(key);
    return undefined;
  }
  return { profiles: row.profiles as CustomerProfile[], fetchedAt: row.fetchedAt };
}

/** Stores a CRM answer under its lookup key, and a single match under its customer id too. */
export async function writeCachedProfiles(key: string, profiles: CustomerProfile[], fetchedAt = Date.now()): Promise<void> {
  const rows = [{ key, profiles, fetchedAt }];
  const [only] = profiles;
  if (profiles.length === 1 && only && key !== `id:${only.id}`) rows.push({ key: `id:${only.id}`, profiles, fetchedAt });
  await getDb().profiles.bulkPut(rows);
}

/** Deletes every cached profile past its TTL (called at start). */
export async function purgeExpiredProfiles(ttlMs: number, now = Date.now()): Promise<number> {
  return getDb().profiles.where('fetchedAt').below(now - ttlMs).delete();
}

/**
 * The customer's name for a number the agent is about to dial, from the cache only (never a CRM round trip
 * before the agent decides): under the number as dialled, or as the PBX presents a Chinese number (+86…, 86…).
 * Undefined when the cache has no single customer for it.
 */
export async function cachedCustomerName(number: string, ttlMs: number, now = Date.now()): Promise<string | undefined> {
  const significant = number.replace(/^0(?=[1-9])/, '');
  const forms = number.startsWith('+') ? [number] : [number, `+86${significant}`, `86${significant}`, `0086${significant}`];
  for (const phone of new Set(forms)) {
    const cached = await readCachedProfiles(`phone:${phone}`, ttlMs, now);
    if (cached?.profiles.length === 1) return cached.profiles[0]?.name;
  }
  return undefined;
}
