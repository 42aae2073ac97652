import { expect, test } from './fixtures/app';
import { ringAgent } from './support/calls';
import { appUi } from './support/ui';

test('Decline rejects the caller; a remote hang-up returns to idle; history lists both', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  let mark = await customer.mark();
  await ringAgent(page, customer);
  await ui.button('Decline').click();
  const failed = await customer.waitForEvent('failed', { after: mark });
  expect([486, 603]).toContain(failed.statusCode);
  await expect(ui.incoming).toHaveCount(0);

  mark = await customer.mark();
  await ringAgent(page, customer);
  await ui.button('Answer').click();
  await customer.waitForEvent('confirmed', { after: mark });
  await expect(ui.button('Hang up')).toBeVisible();
  await customer.hangup();
  await expect(ui.button('Hang up')).toHaveCount(0);
  await expect(ui.currentCall).toHaveCount(0);
  await expect(ui.number).toBeVisible();

  await expect(ui.historyItems).toHaveCount(2);
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Declined' })).toHaveCount(1);
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Answered' })).toHaveCount(1);
});

test('call history words: Missed (caller gave up), Busy (486) and Failed (no such user)', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  let mark = await customer.mark();
  await ringAgent(page, customer);
  await customer.hangup(); // CANCEL while ringing
  await customer.waitForEvent('failed', { after: mark });
  await expect(ui.incoming).toHaveCount(0);
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Missed' })).toHaveCount(1);

  mark = await customer.mark();
  await ui.number.fill('1002');
  await ui.button('Call').click();
  await customer.waitForEvent('newRTCSession', { after: mark });
  await customer.reject(486);
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Busy' })).toHaveCount(1);
  await expect(ui.button('Hang up')).toHaveCount(0);

  await ui.number.fill('1009'); // a valid user that is not registered: Kamailio answers 404
  await ui.button('Call').click();
  await expect(ui.historyItems.filter({ hasText: '1009' }).filter({ hasText: 'Failed' })).toHaveCount(1);
  await expect(ui.historyItems).toHaveCount(3);
});
