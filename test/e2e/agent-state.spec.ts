import { buildPolicy } from '../fixtures/policy';
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

test('Not ready with a reason from the policy (labels fall back to another language) rejects calls; time in state shows', async ({
  app,
  peer,
}) => {
  const { page } = await app(
    buildPolicy({
      agent: {
        notReadyReasons: [
          { code: 'outbound', label: { en: 'Outbound campaign', 'zh-CN': '外呼活动' } },
          { code: 'huddle', label: { 'zh-CN': '班前会' } },
        ],
      },
    }),
  );
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const reason = page.getByRole('combobox', { name: 'Not ready reason' });
  await expect(reason).toHaveCount(0);
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await ui.agentState.selectOption('Not ready');
  await expect(reason.locator('option')).toHaveText(['Outbound campaign', '班前会']);
  await expect(reason.locator('option:checked')).toHaveText('Outbound campaign');
  await reason.selectOption({ label: '班前会' });
  await expect(page.getByRole('timer', { name: 'Time in state' })).toHaveText(/^00:0[1-9]$/); // counting

  const mark = await customer.mark();
  await customer.call('1001');
  expect((await customer.waitForEvent('failed', { after: mark })).statusCode).toBe(486);
  await expect(ui.incoming).toHaveCount(0);
  await expect(ui.agentState.locator('option:checked')).toHaveText('Not ready');
  await expect(reason.locator('option:checked')).toHaveText('班前会');

  await ui.agentState.selectOption('Ready');
  await expect(reason).toHaveCount(0);
  await ringAgent(page, customer);
});
