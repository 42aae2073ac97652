/**
 * Screen pop: the moment an incoming call appears, show its CTI data, then the cached profile, then
 * the CRM's answer — never waiting on the CRM and never delaying the call.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import type { AppState, ServiceStore } from '../../platform/store';
import type { CallLifecycle } from '../phone';
import type { CrmResult } from '@common/crm/crm-client';
import { hasCti, readCti } from './cti';
import { decideCtiTrust, validCustomerId } from './cti-trust';
import { cacheKey, purgeExpiredProfiles, readCachedProfiles, writeCachedProfiles } from './profile-repo';
import { selectionFor } from './screenpop-slice';


const log = createLogger('screenpop');

export interface Screenpop {
  /** Asks the CRM again for a call's profile. */
  retry(callId: string): void;
  /** Pops the profile of a call the agent placed (a callback): cache, then CRM, by number and customer id. */
  popDialled(callId: string, number: string, customerId?: string): void;
  /** Stores the CRM token in the host's secret storage and retries the latest lookup. */
  saveToken(token: string): Promise<void>;
  stop(): void;
}

let active: Screenpop | null = null;

/** The running screen pop (null before a valid policy). */
export function getScreenpop(): Screenpop | null {
  return active;
}

/** Pops the profile of a call the agent placed (callbacks); nothing before screen pop started. */
export function popDialledCall(callId: string, number: string, customerId?: string): void {
  active?.popDialled(callId, number, customerId);
}

/** Starts screen pop for a valid policy: every incoming call the lifecycle reports ringing pops. */
export function startScreenpop(policy: Policy, store: ServiceStore, lifecycle: CallLifecycle, host: LingxiApi): Screenpop {
  const { crm } = policy;
  /** Signed INVITEs already believed: a captured one replayed within its window is not believed again. */
  const seenSignatures = new Map<string, number>();
  const ttlMs = crm.cacheTtlMinutes * 60_000;
  drop(purgeExpiredProfiles(ttlMs), log, 'purging expired cached profiles');

  function applyCrm(callId: string, key: string | undefined, result: CrmResult): void {
    const state = store.getState();
    const pop = state.pops.find((p) => p.callId === callId);
    if (!pop) return;
    if (!result.ok) {
      log.warn(`CRM lookup failed: ${result.kind} after ${result.latencyMs} ms`);
      state.updatePop(callId, { loading: false, error: { kind: result.kind, detail: result.detail } });
      return;
    }
    // A bad optional field (the preferred calling time) is left out of the profile, never the pop.
    if (result.ignored?.length) log.warn(`CRM answer: ${result.ignored.join('; ')}`);
    const fetchedAt = Date.now();
    state.updatePop(callId, { loading: false, error: undefined, source: 'crm', fetchedAt, profiles: result.profiles, selected: selectionFor(result.profiles, pop) });
    if (key && result.profiles.length > 0) drop(writeCachedProfiles(key, result.profiles, fetchedAt), log, 'caching the CRM profiles');
  }

  async function askCrm(callId: string): Promise<void> {
    const pop = store.getState().pops.find((p) => p.callId === callId);
    if (!pop || !crm.profileUrl) return;
    const query = { ...(pop.lookupId ? { customerId: pop.lookupId } : {}), ...(pop.number ? { phone: pop.number } : {}) };
    store.getState().updatePop(callId, { loading: true });
    // The host makes the call with the token attached (Electron: main); the page never holds the token.
    const result = await host.crm.lookup(query).catch((error: unknown): CrmResult => ({ ok: false, kind: 'network', detail: (error as Error).message, latencyMs: 0 }));
    applyCrm(callId, cacheKey(query), result);
  }

  async function showCached(callId: string, key: string): Promise<void> {
    const cached = await readCachedProfiles(key, ttlMs).catch(() => undefined);
    const pop = store.getState().pops.find((p) => p.callId === callId);
    // The CRM may have answered first: a fresher answer is never replaced by the cache.
    if (!cached || !pop || pop.source === 'crm') return;
    store.getState().updatePop(callId, { source: 'cache', fetchedAt: cached.fetchedAt, profiles: cached.profiles, selected: selectionFor(cached.profiles, pop) });
  }

  async function onIncoming(call: AppState['calls'][number]): Promise<void> {
    performance.mark('lingxi:screenpop:invite');
    const cti = readCti(call.cti);
    // Local crypto at most (an HMAC), no network round trip: the pop still comes before the CRM.
    const trust = await decideCtiTrust(policy.cti, { headers: call.cti, invite: call.invite, now: Date.now(), seen: seenSignatures });
    if (!trust.trusted && hasCti(cti)) log.warn(`call ${call.id}: CTI headers shown as unverified caller data (${trust.reason})`);
    const customerId = validCustomerId(cti.customerId, policy.cti.customerIdPattern);
    if (cti.customerId !== undefined && customerId === undefined) log.warn(`call ${call.id}: X-Customer-Id refused (does not match cti.customerIdPattern)`);
    if (customerId === undefined) delete cti.customerId;
    // An untrusted customer id would let any caller pull (and cache) someone else's profile.
    const lookupId = trust.trusted || policy.cti.lookupUntrusted ? customerId : undefined;
    store.getState().addPop({
      callId: call.id,
      number: call.remoteNumber,
      cti,
      trusted: trust.trusted,
      ...(lookupId !== undefined ? { lookupId } : {}),
      source: 'cti',
      profiles: [],
      selected: null,
      loading: Boolean(crm.profileUrl),
    });
    const key = cacheKey({ customerId: lookupId, phone: call.remoteNumber });
    if (key) void showCached(call.id, key);
    void askCrm(call.id);
  }

  // `ringing` comes once per incoming call, with its first snapshot (the INVITE's CTI headers).
  const unsubscribe = lifecycle.subscribe((event) => {
    if (event.type === 'ringing') drop(onIncoming(event.call), log, 'popping an incoming call');
  });

  function popDialled(callId: string, number: string, customerId?: string): void {
    const lookupId = validCustomerId(customerId, policy.cti.customerIdPattern);
    store.getState().addPop({
      callId,
      number,
      cti: {},
      trusted: true,
      ...(lookupId !== undefined ? { lookupId } : {}),
      source: 'cti',
      profiles: [],
      selected: null,
      loading: Boolean(crm.profileUrl),
    });
    const key = cacheKey({ customerId: lookupId, phone: number });
    if (key) void showCached(callId, key);
    void askCrm(callId);
  }

  active = {
    retry: (callId) => void askCrm(callId),
    popDialled,
    async saveToken(value) {
      const status = await host.secrets.set('crm.token', value);
      if (status.protection === 'weak') log.warn(`CRM token kept with weak protection (${status.persistence === 'session' ? 'browser host: this page only' : 'no OS keyring'})`);
      const latest = store.getState().pops[0];
      if (latest) await askCrm(latest.callId);
    },
    stop: () => {
      unsubscribe();
      active = null;
    },
  };
  return active;
}
