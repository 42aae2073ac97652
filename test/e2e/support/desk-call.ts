/**
 * A call in the workspace as the layout, accessibility and screenshot checks need it: the customer (1002, a
 * trusted IVR source with CTI headers, so the CRM profile shows) speaks the lost-card conversation, the desk
 * transcribes it locally and suggests the lost-card article.
 */
import type { Page } from '@playwright/test';
import { crmMapping } from '../../fixtures/crm/customers';
import type { CrmFixture } from '../../fixtures/crm/server';
import type { Peer } from '../../fixtures/peer/peer';
import { buildPolicy, type PolicyDocument } from '../../fixtures/policy';
import { expect } from '../fixtures/app';
import { appUi } from './ui';

export const deskCti = ['X-Customer-Id: C1001', 'X-IVR-Path: main>cards>lost', 'X-Intent: lost card', 'X-Verified: true', 'X-VIP: Gold'];

/** The desk's policy: local transcription, the CRM double, 1002 trusted as the IVR; `ui` overrides the language. */
export function deskPolicy(crm: CrmFixture, ui: Record<string, unknown> = {}): PolicyDocument {
  return buildPolicy({
    transcription: { provider: 'local' },
    crm: { profileUrl: crm.profileUrl, mapping: crmMapping, timeoutMs: 1500 },
    cti: { trustedSources: ['sip:1002@127.0.0.1'] },
    agent: { wrapUp: { enabled: true, timeLimitSeconds: 0 } },
    ...(Object.keys(ui).length ? { ui } : {}),
  });
}

/** The workspace's parts a person looks for during a call (English UI). */
export function deskParts(page: Page) {
  const assist = page.getByRole('region', { name: 'Agent assist' });
  return {
    hangUp: appUi(page).button('Hang up'),
    profile: page.getByRole('region', { name: 'Customer profile' }),
    customerName: page.getByRole('region', { name: 'Customer profile' }).getByRole('heading', { level: 2 }),
    transcript: assist.getByRole('log', { name: 'Transcript' }),
    latestLine: assist.getByRole('log', { name: 'Transcript' }).locator('[data-final="true"]').last(),
    firstSuggestion: assist.getByRole('list', { name: 'Suggestions' }).locator('[data-article-id]').first(),
    search: page.getByRole('searchbox', { name: 'Search knowledge' }),
  };
}

/** Rings the desk from `customer` with the IVR's headers; resolves once the call shows as incoming. */
export async function ringDesk(page: Page, customer: Peer): Promise<void> {
  await expect(page.getByRole('status', { name: /Registration status|注册状态|註冊狀態/ })).toHaveAttribute('class', /registration--registered/);
  await customer.call('1001', { extraHeaders: deskCti });
  await expect(page.locator('section.incoming')).toBeVisible();
}
