import { readFileSync, writeFileSync } from 'node:fs';
import { policySha256 } from '@common/contract/policy-canonical';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { answerFrom } from './support/calls';
import { appUi } from './support/ui';

// The browser host re-reads /policy.json every 15 s (POLICY_POLL_MS; the test host says 2 s with the web host's
// X-Lingxi-Policy-Poll-Seconds): a change shows within that and a margin.
const POLL_MARGIN = { timeout: 25_000 };

test('the REGISTER carries X-Lingxi-Policy with the SHA-256 of the policy in force and its source', async ({ app, sip }) => {
  const mark = sip.mark();
  const instance = await app();
  await expect(appUi(instance.page).status).toHaveText('Registered');
  const sha256 = await policySha256(JSON.parse(readFileSync(instance.policyPath, 'utf8')));
  const registers = sip.requests(mark).filter((r) => r.method === 'REGISTER' && r.from === '1001');
  expect(registers.length).toBeGreaterThan(0);
  expect(registers.map((r) => r.policy)).toContain(`sha256=${sha256}; sources=web-host`);
});

test('a policy edited on disk mid-call waits for the call and its wrap-up, then applies', async ({ app, peer }) => {
  test.setTimeout(90_000);
  const instance = await app(buildPolicy({ agent: { wrapUp: { enabled: true, codeRequired: false, timeLimitSeconds: 0 } } }));
  const { page } = instance;
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);

  const edited = JSON.parse(readFileSync(instance.policyPath, 'utf8')) as { ui?: Record<string, unknown> };
  writeFileSync(instance.policyPath, JSON.stringify({ ...edited, ui: { ...edited.ui, language: 'zh-CN' } }));
  await expect(page.getByRole('status').filter({ hasText: 'A new IT policy applies as soon as no call or wrap-up is left.' })).toBeVisible(POLL_MARGIN);
  // Mid-call nothing moved: the call is up and the UI still speaks the old policy's language.
  await expect(ui.button('Hang up')).toBeVisible();
  await expect(ui.status).toHaveText('Registered');

  await customer.hangup();
  const finish = ui.button('Finish wrap-up');
  await expect(finish).toBeVisible();
  await expect(ui.status).toHaveText('Registered'); // wrap-up: still the old policy
  await finish.click();
  await expect(page.getByRole('status').filter({ hasText: '已注册' })).toBeVisible({ timeout: 15_000 });
});

test('an invalid edit is reported and the policy in force stays', async ({ app }) => {
  const instance = await app();
  const { page } = instance;
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const edited = JSON.parse(readFileSync(instance.policyPath, 'utf8')) as { sip: Record<string, unknown> };
  writeFileSync(instance.policyPath, JSON.stringify({ ...edited, sip: { ...edited.sip, servers: ['ws://pbx.bank.example'] } }));
  const alert = page.getByRole('alert', { name: 'Policy problems' });
  await expect(alert).toContainText('The changed policy', POLL_MARGIN);
  await expect(alert).toContainText('sip.servers[0]');
  await expect(ui.status).toHaveText('Registered');
  await expect(ui.number).toBeVisible();
});
