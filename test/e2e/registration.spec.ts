import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { appUi } from './support/ui';

test('registers with the policy credentials', async ({ app, sip }) => {
  const mark = sip.mark();
  const { page } = await app();
  await expect(appUi(page).status).toHaveText('Registered');
  expect(sip.requests(mark).filter((r) => r.method === 'REGISTER' && r.from === '1001').length).toBeGreaterThan(0);
});

test('a wrong password shows an authentication failure', async ({ app }) => {
  const { page } = await app(buildPolicy({ sip: { password: 'not-the-password' } }));
  const { status } = appUi(page);
  await expect(status).toContainText('Failed');
  await expect(status).toContainText('Authentication');
});

test('registration leaves Registered when Kamailio stops and is back within 5 s of its restart', async ({ app, sip }) => {
  const { page } = await app();
  const { status } = appUi(page);
  await expect(status).toHaveText('Registered');
  await sip.stop();
  await expect(status).not.toHaveText('Registered');
  await sip.start();
  await expect(status).toHaveText('Registered', { timeout: 5000 });
});
