/**
 * Leaving the browser host mid-call. What this proves, honestly: in a real Chromium window Ctrl+W, Ctrl+R
 * and F5 are browser shortcuts a page cannot block; headless Playwright delivers them to the page, so the
 * first test proves only that the app itself neither reloads nor hangs up on them. The real protection in
 * a browser is the "Leave site?" prompt: the second test proves the page asks while a call is up (and that
 * staying keeps the customer), and that it stops asking once the call is over.
 */
import { expect, test } from './fixtures/app';
import { expectTone, remoteAudio } from './support/audio-probe';
import { talkingToCustomer } from './support/calls';
import { appUi } from './support/ui';

test('reload and close keys during an answered call leave the call up', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await talkingToCustomer(page, peer);
  // A reload would wipe this; it survives only if the document does.
  await page.evaluate(() => void ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
  const mark = await customer.mark();

  for (const key of ['Control+r', 'Control+Shift+r', 'F5', 'Control+w']) await page.keyboard.press(key);

  await expect(ui.currentCall).toContainText('1002');
  await expectTone(page, remoteAudio, 440);
  await expectTone(customer.page, remoteAudio, 1000);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await customer.eventsOf('ended', mark)).toEqual([]);
});

test('closing the tab mid-call asks first; staying keeps the customer; after the call it closes without asking', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await talkingToCustomer(page, peer);
  const mark = await customer.mark();

  const asked = page.waitForEvent('dialog', { timeout: 10_000 });
  // runBeforeUnload: close the way a user's Ctrl+W does, running the page's beforeunload.
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // "Stay on page"

  expect(page.isClosed()).toBe(false);
  await expectTone(page, remoteAudio, 440);
  expect(await customer.eventsOf('ended', mark)).toEqual([]);

  await ui.button('Hang up').click();
  await customer.waitForEvent('ended', { after: mark });
  await expect(ui.button('Hang up')).toHaveCount(0);
  const askedAfter: string[] = [];
  page.on('dialog', (again) => {
    askedAfter.push(again.type());
    void again.accept();
  });
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(askedAfter).toEqual([]);
});
