import { expect, test } from './fixtures/app';
import { answerFrom, expectTwoWayAudio, ringAgent } from './support/calls';
import { appUi } from './support/ui';

test('a customer call shows who is calling; Answer gives two-way audio', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440', displayName: 'Wang Fang' });

  await ringAgent(page, customer);
  await expect(ui.incoming).toContainText('Wang Fang');
  await ui.button('Answer').click();
  await customer.waitForEvent('confirmed');

  await expect(ui.incoming).toHaveCount(0);
  await expect(ui.currentCall).toContainText('1002');
  await expectTwoWayAudio(page, customer);
  const shown = await ui.duration.textContent();
  await expect(ui.duration).not.toHaveText(shown ?? '');
});

test('the agent hangs up an answered call and the customer sees the BYE', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  const mark = await customer.mark();
  await ui.button('Hang up').click();
  const ended = await customer.waitForEvent('ended', { after: mark });
  expect(ended.originator).toBe('remote');
  await expect(ui.button('Hang up')).toHaveCount(0);
  await expect(ui.number).toBeVisible();
});
