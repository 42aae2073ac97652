import type { Page } from '@playwright/test';
import { crmMapping } from '../fixtures/crm/customers';
import type { CrmFixture } from '../fixtures/crm/server';
import type { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { appHostKind } from '../fixtures/app-host';
import { expect, test } from './fixtures/app';
import { appUi } from './support/ui';

const cti = ['X-Customer-Id: C1001', 'X-IVR-Path: main>cards>lost', 'X-Intent: lost card', 'X-Verified: true', 'X-VIP: Gold'];

/**
 * Customers 1002 and 1004 stand in for the bank's IVR: the policy trusts their CTI headers. Any other
 * caller's (1003's) are unverified caller data.
 */
const IVR_SOURCES = ['sip:1002@127.0.0.1', 'sip:1004@127.0.0.1'];

function crmPolicy(crm: CrmFixture, extra: Record<string, unknown> = {}, trustedSources: string[] = IVR_SOURCES) {
  return buildPolicy({ crm: { profileUrl: crm.profileUrl, mapping: crmMapping, timeoutMs: 1500, ...extra }, cti: { trustedSources } });
}

function profileUi(page: Page) {
  const region = page.getByRole('region', { name: 'Customer profile' });
  return {
    region,
    source: region.getByRole('status', { name: 'Profile source' }),
    retry: region.getByRole('button', { name: 'Retry profile', exact: true }),
    alert: region.getByRole('alert'),
  };
}

async function ring(page: Page, customer: Peer, headers: string[] = cti): Promise<void> {
  await expect(appUi(page).status).toHaveText('Registered');
  await customer.call('1001', { extraHeaders: headers });
  await expect(appUi(page).incoming).toBeVisible();
}

test('the profile shows while the call still rings, masked, with what the IVR learned', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  const profile = profileUi(page);
  await expect(profile.region).toContainText('王芳 Wang Fang');
  await expect(appUi(page).incoming).toBeVisible(); // still ringing: the pop came first
  await expect(profile.source).toHaveText('CRM');
  await expect(profile.region).toContainText('VIP Gold');
  await expect(profile.region).toContainText('lost card');
  await expect(profile.region).toContainText('Identity verified in the IVR');
  await expect(profile.region).toContainText('Elderly customer');
  await expect(profile.region).toContainText('Cantonese');
  await expect(profile.region).toContainText('Risk 2/5');
  await expect(profile.region).toContainText('•••• 7890');
  await expect(profile.region).toContainText('Disputed ATM withdrawal');
  await expect(profile.region).toContainText('Asked about annual fee');
  const text = await profile.region.innerText();
  expect(text).not.toContain('6222021234567890');
  expect(text).not.toContain('110101195201011234');
  expect(crm.requests[0]?.query).toMatchObject({ id: 'C1001', phone: '1002' });
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');
});

test('a CRM slower than its timeout: CTI data shows, the failure is named, Retry works, the call is not held up', async ({ app, peer, crm }) => {
  crm.set({ delayMs: 3000 });
  const { page } = await app(crmPolicy(crm, { timeoutMs: 500 }));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  const profile = profileUi(page);
  await expect(profile.region).toContainText('lost card');
  await expect(profile.source).toHaveText('CTI');
  await expect(profile.alert).toHaveText('CRM did not answer in 0.5 s');
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');
  crm.set({ delayMs: 0 });
  await profile.retry.click();
  await expect(profile.region).toContainText('王芳 Wang Fang');
  await expect(profile.source).toHaveText('CRM');
  await expect(profile.alert).toHaveCount(0);
});

test('garbage, schema violations, a 50 MB answer and a mapping that points nowhere are reported; the call goes on', async ({ app, peer, crm }) => {
  crm.set({ fault: 'garbage' });
  const { page } = await app(crmPolicy(crm));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  const profile = profileUi(page);
  await expect(profile.alert).toHaveText('CRM sent something that is not JSON');
  await expect(profile.region).toContainText('lost card');
  crm.set({ fault: 'schema' });
  await profile.retry.click();
  await expect(profile.alert).toContainText('CRM record does not fit the profile schema');
  await expect(profile.alert).toContainText('riskLevel');
  crm.set({ fault: 'http500' });
  await profile.retry.click();
  await expect(profile.alert).toHaveText('CRM answered with an error (HTTP 500)');
  // Issue 25 §5: 50 MB streamed without Content-Length is refused once 2 MB (crm.maxResponseMb) have arrived.
  crm.set({ fault: 'huge' });
  await profile.retry.click();
  await expect(profile.alert).toContainText('CRM answer too large, not read: the CRM answer is larger than the 2 MB crm.maxResponseMb allows');
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');
});

test('a mapping that points nowhere says which key is wrong', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm, { mapping: { ...crmMapping, name: 'customer.fullName' } }));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  await expect(profileUi(page).alert).toHaveText('CRM mapping is wrong: crm.mapping.name points nowhere ("customer.fullName")');
});

test('a second call from the same customer pops from the cache with the CRM stopped', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  const profile = profileUi(page);
  await expect(profile.source).toHaveText('CRM');
  await appUi(page).button('Decline').click();
  await customer.waitForEvent('failed');
  await crm.stop();
  await ring(page, customer);
  await expect(profile.region).toContainText('王芳 Wang Fang');
  await expect(profile.source).toContainText('Cache · as of');
  await expect(profile.alert).toHaveText('CRM could not be reached');
});

test('several matches for one number offer a chooser', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm));
  const customer = await peer({ user: '1004' });
  await ring(page, customer, []);
  const profile = profileUi(page);
  await expect(profile.region).toContainText('Several customers match this caller');
  await profile.region.getByRole('button', { name: /Li Na/ }).click();
  await expect(profile.region.getByRole('heading', { level: 2 })).toHaveText('Li Na');
  await expect(profile.region).toContainText('Risk 1/5');
});

test('a CRM that wants a token: the agent enters it once and it is sent from then on, never readable by the page', async ({ app, peer, crm }) => {
  test.setTimeout(90_000); // two rings, a reload and a look through every store the page can reach
  crm.set({ token: 's3cret-token' });
  const { page } = await app(crmPolicy(crm));
  const customer = await peer({ user: '1002' });
  await ring(page, customer);
  const profile = profileUi(page);
  await expect(profile.alert).toHaveText('CRM refused the access token (HTTP 401)');
  const browserHost = appHostKind() === 'browser';
  // The browser host says up front that it keeps the token for this page only.
  if (browserHost) await expect(profile.region).toContainText('kept for this page only');
  await profile.region.getByLabel('CRM access token').fill('s3cret-token');
  await profile.region.getByRole('button', { name: 'Save token' }).click();
  await expect(profile.region).toContainText('王芳 Wang Fang');
  expect(crm.requests.at(-1)?.authorization).toBe('Bearer s3cret-token');
  // No page script can read it back: the API has no get, and nothing the page can reach holds it.
  const reachable = await page.evaluate(async () => {
    const api = (window as unknown as { lingxi?: { secrets?: Record<string, unknown> } }).lingxi;
    const databases = await Promise.all(
      (await indexedDB.databases()).map(
        ({ name }) =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open(name ?? '');
            open.onsuccess = () => {
              const db = open.result;
              const stores = [...db.objectStoreNames];
              if (stores.length === 0) return resolve('');
              const tx = db.transaction(stores);
              const rows = stores.map((store) => tx.objectStore(store).getAll());
              tx.oncomplete = () => {
                resolve(JSON.stringify(rows.map((r) => r.result)));
                db.close();
              };
            };
          }),
      ),
    );
    return { keys: Object.keys(api?.secrets ?? {}), stored: JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie + databases.join('') };
  });
  expect(reachable.keys).not.toContain('get');
  expect(reachable.stored).not.toContain('s3cret-token');
  await appUi(page).button('Decline').click();
  await customer.waitForEvent('failed');

  await page.reload();
  await ring(page, customer);
  if (browserHost) {
    // Session-only in the browser host: after a reload the CRM refuses again until the agent enters it.
    await expect(profile.alert).toHaveText('CRM refused the access token (HTTP 401)');
    expect(crm.requests.at(-1)?.authorization).toBeUndefined();
  } else {
    // Electron keeps it encrypted by the OS and main attaches it: the profile comes straight away.
    await expect(profile.source).toHaveText('CRM');
    expect(crm.requests.at(-1)?.authorization).toBe('Bearer s3cret-token');
  }
});

test('CTI from a caller IT does not trust: labelled unverified, no tick, and the CRM is never asked for its customer id', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm));
  const caller = await peer({ user: '1003' });
  await ring(page, caller);
  const profile = profileUi(page);
  const unverified = profile.region.getByRole('region', { name: 'Unverified caller data' });
  await expect(unverified).toBeVisible();
  await expect(unverified).toContainText('lost card');
  // The lookup by the caller's own number still happens; 1003 is nobody's number.
  await expect(profile.region).toContainText('No CRM record for this caller');
  await expect(profile.source).toHaveText('CRM');
  await expect(profile.region).not.toContainText('Identity verified');
  await expect(profile.region).not.toContainText('✓');
  await expect(profile.region).not.toContainText('王芳 Wang Fang');
  await expect(profile.region.getByText('VIP Gold', { exact: true })).toHaveCount(0);
  await expect(profile.region.getByRole('region', { name: 'What the IVR learned' })).toHaveCount(0);
  expect(crm.requests.length).toBeGreaterThan(0);
  expect(crm.requests.map((r) => r.query)).toEqual(crm.requests.map(() => ({ id: '', phone: '1003' })));
  await appUi(page).button('Decline').click();
  await caller.waitForEvent('failed');
});

test('the same CTI from a trusted sip:*@domain source shows the tick and looks the customer up', async ({ app, peer, crm }) => {
  const { page } = await app(crmPolicy(crm, {}, ['sip:*@127.0.0.1']));
  const ivr = await peer({ user: '1003' });
  await ring(page, ivr);
  const profile = profileUi(page);
  await expect(profile.region).toContainText('王芳 Wang Fang');
  await expect(profile.region.getByRole('region', { name: 'What the IVR learned' })).toContainText('✓ Identity verified in the IVR');
  await expect(profile.region.getByRole('region', { name: 'Unverified caller data' })).toHaveCount(0);
  expect(crm.requests[0]?.query).toMatchObject({ id: 'C1001', phone: '1003' });
});
