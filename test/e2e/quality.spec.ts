import { impairLoopback, removeAllImpairments } from '../fixtures/impair/impair';
import { expect, test } from './fixtures/app';
import { dial, expectTwoWayAudio } from './support/calls';
import { storedRows } from './support/stored';
import { appUi } from './support/ui';

// Whatever happens in a test, loopback is clean again before the next one.
test.afterEach(async () => {
  await removeAllImpairments();
});

test('Call quality warns under packet loss and jitter on loopback and recovers when they stop', async ({ app, peer }) => {
  test.setTimeout(120_000);
  const { page } = await app();
  const ui = appUi(page);
  const quality = page.getByRole('status', { name: 'Call quality' });
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expectTwoWayAudio(page, customer);

  // A clean loopback call: Good, no loss, no warning. (MOS sits near the narrowband ceiling of 4.41 on an
  // idle machine; a starved CPU bloats the jitter buffer, which the E-model counts as delay.)
  await expect(quality).toHaveText(/^Good MOS \d\.\d Loss 0\.0 %/);
  await expect(quality).not.toContainText('Warning');

  // The recipe: 10 % loss, 60 ms ± 40 ms delay on lo (both directions cross it).
  const impairment = await impairLoopback({ lossPercent: 10, delayMs: 60, jitterMs: 40 });
  test.info().annotations.push({ type: 'impairment', description: impairment.method });
  try {
    // 10 % loss alone takes the E-model below MOS 3.5 (Ie,eff ≈ 27): Poor, naming both metrics.
    await expect(quality).toHaveText(/^Poor MOS [1-3]\.\d · Warning: MOS below 3\.5.* packet loss over 3 %/, { timeout: 20_000 });
  } finally {
    await impairment.remove();
  }

  // Loss stops at once; the remote's RTCP report of it can lag a few seconds.
  await expect(quality).toHaveText(/^Good MOS \d\.\d/, { timeout: 30_000 });
  await expect(quality).not.toContainText('Warning');
  await expectTwoWayAudio(page, customer);

  // The call's summary goes with its history entry: the warning during the call is on record.
  await ui.button('Hang up').click();
  await expect(ui.historyItems.first()).toContainText(/Quality: MOS \d\.\d \(lowest \d\.\d\), loss up to \d+\.\d %/);
  await expect(ui.historyItems.first()).toContainText('quality warning during the call');
  // And it is stored: once the entry is committed to IndexedDB, a reload reads it back from there.
  await expect.poll(async () => (await storedRows<{ quality?: unknown }>(page, 'callHistory')).filter((row) => row.quality).length).toBe(1);
  await page.reload();
  await expect(ui.historyItems.first()).toContainText('quality warning during the call');
});
