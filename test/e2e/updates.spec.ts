import { readFileSync } from 'node:fs';
import { buildPolicy } from '../fixtures/policy';
import { repoRoot } from '../fixtures/paths';
import { UpdateServer } from '../fixtures/updates/update-server';
import { expect, test } from './fixtures/app';
import { appUi } from './support/ui';

const version = (JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string }).version;

test('a version blocked by IT’s kill switch shows the banner, goes Not ready "Update required" and rejects new calls', async ({ app, peer }) => {
  const updates = new UpdateServer();
  await updates.start();
  try {
    updates.control({ blockedVersions: [version], message: { en: 'Call recordings may be lost: IT is installing the fix.' } });
    const { page } = await app(buildPolicy({ updates: { enabled: true, url: updates.url, managedBy: 'it' } }));
    const ui = appUi(page);
    await expect(ui.status).toHaveText('Registered');
    const banner = page.getByRole('alert').filter({ hasText: 'withdrawn by IT' });
    await expect(banner).toContainText(`This version of Lingxi (${version}) has been withdrawn by IT.`);
    await expect(banner).toContainText('IT will install an allowed version on this computer.');
    await expect(banner).toContainText('Message from IT: Call recordings may be lost: IT is installing the fix.');
    await expect(ui.agentState.locator('option:checked')).toHaveText('Not ready');
    await expect(ui.agentState).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Not ready reason' }).locator('option:checked')).toHaveText('Update required');

    const customer = await peer({ user: '1002', wav: 'tone440' });
    const mark = await customer.mark();
    await customer.call('1001');
    expect((await customer.waitForEvent('failed', { after: mark })).statusCode).toBe(486);
    await expect(ui.incoming).toHaveCount(0);
    expect(updates.requests).toContain('/lingxi-control.json');
  } finally {
    await updates.dispose();
  }
});
