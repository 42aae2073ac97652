/**
 * Audio devices: the "Audio settings" dialog on Chromium's fake devices (three inputs, three outputs,
 * every input playing the agent's 1000 Hz WAV), and moving a call's audio without a re-INVITE.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { expectTone, remoteAudio } from './support/audio-probe';
import { dial, expectTwoWayAudio } from './support/calls';
import { installDeviceLab } from './support/device-lab';
import { appUi } from './support/ui';

const testToneAudio = '[data-testid="speaker-test-audio"]';
/** The tone the "Test speaker" button plays (renderer/features/devices/speaker-test.ts). */
const TEST_TONE_HZ = 660;

function settings(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Audio settings' });
  return {
    dialog,
    microphone: dialog.getByRole('combobox', { name: 'Microphone' }),
    speaker: dialog.getByRole('combobox', { name: 'Speaker' }),
    ringer: dialog.getByRole('combobox', { name: 'Ringer' }),
    meter: dialog.getByRole('meter', { name: 'Microphone level' }),
    open: async () => {
      await appUi(page).button('Audio settings').click();
      await expect(dialog).toBeVisible();
    },
  };
}

const notices = (page: Page) => page.getByRole('status', { name: 'Audio device notices' });
const selectedLabel = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
const sinkOf = (page: Page, selector: string) => page.locator(selector).evaluate((a: HTMLAudioElement) => a.sinkId);

test('Audio settings lists the devices, shows the mic level, tests the speaker, and remembers choices', async ({ app }) => {
  const instance = await app();
  const { page } = instance;
  const ui = appUi(page);
  const s = settings(page);
  await s.open();

  await expect(s.microphone.locator('option')).toHaveText(['System default (Fake Default Audio Input)', 'Fake Audio Input 1', 'Fake Audio Input 2']);
  await expect(s.speaker.locator('option')).toHaveText(['System default (Fake Default Audio Output)', 'Fake Audio Output 1', 'Fake Audio Output 2']);
  await expect(s.ringer.locator('option')).toHaveText(['System default (Fake Default Audio Output)', 'Fake Audio Output 1', 'Fake Audio Output 2']);
  // The fake microphone plays a 0.5-amplitude tone (-9 dBFS): the meter must move well off zero.
  await expect.poll(() => s.meter.evaluate((m: HTMLMeterElement) => m.value)).toBeGreaterThan(50);

  await s.microphone.selectOption({ label: 'Fake Audio Input 2' });
  await s.speaker.selectOption({ label: 'Fake Audio Output 1' });
  await s.ringer.selectOption({ label: 'Fake Audio Output 2' });
  // The meter follows the new microphone (same WAV here, so it reads a level again after the switch).
  await expect.poll(() => s.meter.evaluate((m: HTMLMeterElement) => m.value)).toBeGreaterThan(50);

  await s.dialog.getByRole('button', { name: 'Test speaker' }).click();
  await expectTone(page, testToneAudio, TEST_TONE_HZ);
  expect(await sinkOf(page, testToneAudio)).toBe(await s.speaker.inputValue());

  // Keyboard: Tab wraps inside the dialog, Escape closes it and focus returns to the button.
  await s.dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Tab');
  await expect(s.microphone).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(s.dialog).toBeHidden();
  await expect(ui.button('Audio settings')).toBeFocused();

  await instance.reload(); // a restart: choices come back from the settings table, matched again
  await s.open();
  expect(await selectedLabel(s.microphone)).toBe('Fake Audio Input 2');
  expect(await selectedLabel(s.speaker)).toBe('Fake Audio Output 1');
  expect(await selectedLabel(s.ringer)).toBe('Fake Audio Output 2');
});

test('Changing microphone and speaker mid-call keeps the call up with no re-INVITE', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const s = settings(page);
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expectTwoWayAudio(page, customer);
  const mark = await customer.mark();

  await s.open();
  await s.microphone.selectOption({ label: 'Fake Audio Input 1' });
  await expect(notices(page)).toContainText('Microphone changed: now using Fake Audio Input 1');
  await s.speaker.selectOption({ label: 'Fake Audio Output 2' });
  const speakerId = await s.speaker.inputValue();
  await page.keyboard.press('Escape');

  await expectTone(customer.page, remoteAudio, 1000); // the customer still hears the agent
  await expect.poll(() => sinkOf(page, remoteAudio)).toBe(speakerId);
  await expectTone(page, remoteAudio, 440); // and the agent, on the new speaker, the customer
  expect(await customer.eventsOf('reinvite', mark)).toEqual([]);
  expect(await customer.eventsOf('ended', mark)).toEqual([]);
  await expect(ui.button('Hang up')).toBeVisible();
});

test('Headset unplugged mid-call: audio moves to the default microphone and back when it returns', async ({ app, peer }) => {
  const instance = await app();
  const { page } = instance;
  const ui = appUi(page);
  const s = settings(page);
  // "Fake Audio Input 2" is the headset: it speaks at 700 Hz, the default microphone at 1000 Hz.
  const lab = await installDeviceLab(instance, { 'Fake Audio Input 2': 700 });
  await s.open();
  await s.microphone.selectOption({ label: 'Fake Audio Input 2' });
  await page.keyboard.press('Escape');

  const customer = await peer({ user: '1004', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expectTone(customer.page, remoteAudio, 700);
  const mark = await customer.mark();

  await lab.unplug('Fake Audio Input 2');
  await expect(notices(page)).toContainText(
    'Microphone “Fake Audio Input 2” unplugged: now using System default (Fake Default Audio Input)',
  );
  await expectTone(customer.page, remoteAudio, 1000);

  await lab.replug('Fake Audio Input 2');
  await expect(notices(page)).toContainText('Microphone “Fake Audio Input 2” is back: now using it');
  await expectTone(customer.page, remoteAudio, 700);

  expect(await customer.eventsOf('reinvite', mark)).toEqual([]);
  expect(await customer.eventsOf('ended', mark)).toEqual([]);
  await ui.button('Hang up').click();
  await customer.waitForEvent('ended', { after: mark });
});
