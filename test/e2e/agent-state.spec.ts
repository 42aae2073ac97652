import { expect, test } from './fixtures/app';
import { ringAgent } from './support/calls';
import { appUi } from './support/ui';

test('Not ready rejects incoming calls with 486 and shows nothing; Ready takes calls again', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  await expect(ui.agentState.locator('option:checked')).toHaveText('Ready');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await ui.agentState.selectOption({ label: 'Not ready' });
  await expect(ui.agentState.locator('option:checked')).toHaveText('Not ready');
  let mark = await customer.mark();
  await customer.call('1001');
  const failed = await customer.waitForEvent('failed', { after: mark });
  expect(failed.statusCode).toBe(486);
  await expect(ui.incoming).toHaveCount(0);

  await ui.agentState.selectOption({ label: 'Ready' });
  mark = await customer.mark();
  await ringAgent(page, customer);
  expect(await customer.eventsOf('failed', mark)).toEqual([]);
});
