import { expect, test } from './fixtures/app';
import { dial, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

test('the agent dials a customer who answers: two-way audio', async ({ app, peer }) => {
  const { page } = await app();
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  const invite = await customer.waitForEvent('newRTCSession');
  expect(invite.originator).toBe('remote');
  expect(invite.remoteUser).toBe('1001');
  expect(invite.remoteDisplayName).toBe('Agent 1001');
  await expect(appUi(page).currentCall).toContainText('1003');
  await expectTwoWayAudio(page, customer);
});

test('Enter in the Number box dials', async ({ app, peer }) => {
  const { page } = await app();
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer, 'enter');
  await expect(appUi(page).button('Hang up')).toBeVisible();
});
