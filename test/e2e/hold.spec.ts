import { expect, test } from './fixtures/app';
import { expectSilence, remoteAudio } from './support/audio-probe';
import { dial, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

test('Hold re-INVITEs the customer and silences both ways; Resume brings both tones back', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expectTwoWayAudio(page, customer);

  let mark = await customer.mark();
  await ui.button('Hold').click();
  await customer.waitForEvent('reinvite', { after: mark });
  expect((await customer.waitForEvent('hold', { after: mark })).originator).toBe('remote');
  await expect(ui.button('Resume')).toBeVisible();
  await expectSilence(customer.page, remoteAudio);
  await expectSilence(page, remoteAudio);

  mark = await customer.mark();
  await ui.button('Resume').click();
  expect((await customer.waitForEvent('unhold', { after: mark })).originator).toBe('remote');
  await expect(ui.button('Hold')).toBeVisible();
  await expectTwoWayAudio(page, customer);
});
