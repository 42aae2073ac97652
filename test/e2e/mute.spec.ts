import { expect, test } from './fixtures/app';
import { expectSilence, expectTone, remoteAudio } from './support/audio-probe';
import { dial, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

test('Mute silences the agent towards the customer only; Unmute brings the voice back', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expectTwoWayAudio(page, customer);

  await ui.button('Mute').click();
  await expect(ui.button('Unmute')).toBeVisible();
  await expectSilence(customer.page, remoteAudio);
  await expectTone(page, remoteAudio, 440); // the agent still hears the customer

  await ui.button('Unmute').click();
  await expect(ui.button('Mute')).toBeVisible();
  await expectTone(customer.page, remoteAudio, 1000);
});
