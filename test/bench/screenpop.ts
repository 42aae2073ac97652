/**
 * Screen-pop figures: INVITE received by the app (the renderer's 'lingxi:screenpop:invite' mark, set in
 * the same task that sees the new call) → the customer's name in the "Customer profile" region
 * (MutationObserver), from the cache and from the CRM test double.
 */
import type { Page } from 'playwright-core';
import { launchApp } from '../fixtures/app-host';
import { crmMapping } from '../fixtures/crm/customers';
import { CrmFixture } from '../fixtures/crm/server';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { summarize, type Figure } from './stats';

const NAME = '王芳 Wang Fang';
const CTI = ['X-Customer-Id: C1001', 'X-Intent: lost card'];
const CRM_DELAY_MS = 50;

type ProbeWindow = Window & { __lingxiPopAt?: number };

async function armNameProbe(page: Page): Promise<void> {
  await page.evaluate((name) => {
    performance.clearMarks('lingxi:screenpop:invite');
    const w = window as ProbeWindow;
    w.__lingxiPopAt = undefined;
    // No named functions in here: tsx would wrap them in a __name helper the page does not have.
    // The previous call's card may still show the same name: only a card for a new call counts.
    const previousCall = document.querySelector<HTMLElement>('[aria-label="Customer profile"]')?.dataset.callId;
    const observer = new MutationObserver(() => {
      const region = document.querySelector<HTMLElement>('[aria-label="Customer profile"]');
      if (!region || region.dataset.callId === previousCall || region.querySelector('h2')?.textContent !== name) return;
      w.__lingxiPopAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, NAME);
}

async function inviteToNameMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const at = (window as ProbeWindow).__lingxiPopAt;
      const [mark] = performance.getEntriesByName('lingxi:screenpop:invite', 'mark');
      return at !== undefined && mark ? at - mark.startTime : undefined;
    },
    undefined,
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

async function sampleCalls(page: Page, customer: Peer, samples: number, log: (m: string) => void, label: string): Promise<number[]> {
  const out: number[] = [];
  const incoming = page.getByRole('region', { name: 'Incoming call' });
  for (let i = 0; i < samples; i++) {
    await armNameProbe(page);
    const mark = await customer.mark();
    await customer.call('1001', { extraHeaders: CTI });
    out.push(await inviteToNameMs(page));
    log(`screenpop ${label} #${i + 1}: ${out.at(-1)?.toFixed(1)} ms`);
    await incoming.waitFor();
    await customer.hangup();
    await customer.waitForEvent('failed', { after: mark });
    await incoming.waitFor({ state: 'detached' });
  }
  return out;
}

/** Runs both screen-pop measurements with their own app, CRM double and customer. */
export async function measureScreenpop(
  context: { sip: Kamailio; peerUrl: string; samples: number; log: (m: string) => void },
): Promise<Record<string, Figure | number>> {
  const { sip, peerUrl, log } = context;
  const samples = Math.max(20, context.samples);
  const crm = new CrmFixture();
  await crm.start();
  const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerUrl, wsUrl: sip.wsUrl });
  // The customer peer stands in for the bank's IVR: its CTI (the customer id the lookup uses) must be trusted.
  const crmPolicy = (ttl: number) =>
    buildPolicy({ crm: { profileUrl: crm.profileUrl, mapping: crmMapping, cacheTtlMinutes: ttl }, cti: { trustedSources: ['sip:1002@127.0.0.1'] } });
  try {
    // From the CRM: a zero TTL keeps nothing in the cache, so every name comes over HTTP.
    crm.set({ delayMs: CRM_DELAY_MS });
    const fresh = await launchApp(crmPolicy(0));
    await fresh.page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    const fromCrm = await sampleCalls(fresh.page, customer, samples, log, 'CRM');
    await fresh.close();
    const served = crm.requests.flatMap((r) => (r.servedMs === undefined ? [] : [r.servedMs]));

    // From the cache: one CRM answer fills it, then the CRM never answers again.
    crm.set({ delayMs: 0 });
    const cached = await launchApp(crmPolicy(60));
    await cached.page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    await sampleCalls(cached.page, customer, 1, log, 'warm-up');
    crm.set({ fault: 'hang' });
    const fromCache = await sampleCalls(cached.page, customer, samples, log, 'cache');
    await cached.close();
    return {
      'screenpop.cache_ms': summarize(fromCache, "INVITE seen by the renderer → customer's name in the profile region, from the Dexie cache (CRM not answering)"),
      'screenpop.crm_ms': summarize(fromCrm, `INVITE seen by the renderer → customer's name from the CRM double (${CRM_DELAY_MS} ms delay, no cache), CORS preflight included on the first call`),
      'screenpop.crm_fixture_ms': summarize(served, 'the CRM double’s own time per lookup, request arrival → answer sent'),
    };
  } finally {
    await customer.close().catch(() => undefined);
    await crm.stop();
  }
}
