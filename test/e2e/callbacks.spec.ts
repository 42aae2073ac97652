/**
 * Callbacks (issue 27): a callback promised during a call falls due when the app's clock is advanced (the
 * browser host's `?testClock=1` hook, no sleep), reminds the Ready agent (desktop notification and chime),
 * dials the customer from the list with the reason and note on the screen pop while it rings, and its
 * outcome lands in the call's history row (stored, read back after a reload). A call whose line drops (the
 * customer's phone stops answering, the hold re-INVITE times out) offers "Call back now", which dials again.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { answerFrom, expectTwoWayAudio } from './support/calls';
import { storedRows } from './support/stored';
import { appUi } from './support/ui';

/** Calling hours around the clock in UTC: the spec runs at any hour (quiet hours are unit-tested). */
const policy = buildPolicy({ callbacks: { hours: { timeZone: 'UTC', start: '00:00', end: '24:00' } } });
const HOUR = 3_600_000;

/** Records desktop notifications and the chime's oscillator notes instead of relying on the OS. */
async function recordReminders(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = { notifications: [] as { title: string; body: string }[], notes: [] as number[] };
    (window as unknown as { __reminders: typeof seen }).__reminders = seen;
    class Recorded {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        seen.notifications.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      seen.notes.push(Math.round(this.frequency.value));
      return start.apply(this, args);
    };
  });
}

/** The callback reminders shown so far (an incoming call's own notification and ring are left out). */
async function reminders(page: Page): Promise<{ notifications: { title: string; body: string }[]; notes: number[] }> {
  const seen = await page.evaluate(() => (window as unknown as { __reminders: { notifications: { title: string; body: string }[]; notes: number[] } }).__reminders);
  return { notifications: seen.notifications.filter((n) => /callback/i.test(n.title)), notes: seen.notes.filter((hz) => hz === 659 || hz === 523) };
}
const advanceClock = (page: Page, ms: number) => page.evaluate((by) => (window as unknown as { lingxiTestClock: { advance(ms: number): void } }).lingxiTestClock.advance(by), ms);

function callbacksUi(page: Page) {
  const region = page.getByRole('region', { name: 'Callbacks' });
  const list = region.getByRole('list', { name: 'Due callbacks' });
  return { region, list, rows: list.getByRole('listitem'), dialog: page.getByRole('dialog', { name: 'Callback' }) };
}

test('a callback promised during a call reminds when due, dials the customer with the reason on the profile, and its outcome lands in the history', async ({ app, peer }) => {
  const { page, reload } = await app(policy, { query: '?testClock=1', prepare: recordReminders });
  const ui = appUi(page);
  const callbacks = callbacksUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);

  await ui.button('Schedule callback').click();
  await expect(callbacks.dialog).toBeVisible();
  await expect(callbacks.dialog.getByRole('textbox', { name: 'Number' })).toHaveValue('1002');
  await callbacks.dialog.getByRole('combobox', { name: 'When' }).selectOption({ label: 'In 1 hour' });
  await callbacks.dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Answer from the back office' });
  await callbacks.dialog.getByRole('textbox', { name: 'Note' }).fill('ATM dispute: confirm the refund date');
  await callbacks.dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(callbacks.dialog).toBeHidden();
  const row = callbacks.rows.filter({ hasText: '1002' });
  await expect(row).toContainText('Later');
  await expect(row).toContainText('Answer from the back office');

  await customer.hangup();
  await expect(ui.currentCall).toHaveCount(0);
  expect(await reminders(page)).toEqual({ notifications: [], notes: [] });

  // An hour and a minute later on the app's clock: due, and the Ready agent is reminded once.
  await advanceClock(page, HOUR + 60_000);
  await expect(row).toContainText('Due now');
  await expect.poll(async () => (await reminders(page)).notifications).toEqual([{ title: 'A callback is due', body: 'Call back 1002' }]);
  expect((await reminders(page)).notes).toEqual([659, 523]);

  // Call back: the customer's phone rings, and before the answer the profile shows why and the note.
  let mark = await customer.mark();
  await row.getByRole('button', { name: 'Call back', exact: true }).click();
  await customer.waitForEvent('newRTCSession', { after: mark });
  const profile = page.getByRole('region', { name: 'Customer profile' });
  await expect(profile).toContainText('Callback: Answer from the back office');
  await expect(profile).toContainText('ATM dispute: confirm the refund date');
  expect(await customer.eventsOf('confirmed', mark)).toEqual([]);
  await customer.answer();
  await customer.waitForEvent('confirmed', { after: mark });
  await expectTwoWayAudio(page, customer);
  mark = await customer.mark();
  await ui.button('Hang up').click();
  await customer.waitForEvent('ended', { after: mark });

  await row.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Reached' });
  await expect(callbacks.region).toContainText('No callbacks promised.');
  const called = ui.historyItems.filter({ hasText: '1002' }).first();
  await expect(called).toContainText('Callback: Reached');

  // Stored: the callback closed with its outcome, the attempt with the call it was; a reload shows the same.
  const [stored] = await storedRows<{ status: string; outcome: string; note: string }>(page, 'callbacks');
  expect(stored).toMatchObject({ status: 'closed', outcome: 'reached', note: 'ATM dispute: confirm the refund date' });
  const attempts = await storedRows<{ callId: string; outcome: string }>(page, 'callbackAttempts');
  expect(attempts).toHaveLength(1);
  expect(attempts[0]?.outcome).toBe('reached');
  await reload();
  await expect(ui.status).toHaveText('Registered');
  await expect(ui.historyItems.filter({ hasText: 'Callback: Reached' })).toHaveCount(1);
});

test('a call whose line drops offers "Call back now", which dials the customer again', async ({ app, peer }) => {
  // The SIP server waits 30 s (Kamailio's fr_timer) for an answer to the re-INVITE before its 408.
  test.setTimeout(120_000);
  const { page } = await app(policy, { query: '?testClock=1' });
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  await expectTwoWayAudio(page, customer);

  // The customer's phone goes out of coverage (its page frozen: it answers nothing, not even a BYE of its own).
  // The agent puts the call on hold; the hold re-INVITE gets no answer, the SIP server gives up with 408 and
  // the dialog is gone: the call ended without anyone hanging up.
  const frozen = await customer.page.context().newCDPSession(customer.page);
  await frozen.send('Debugger.enable');
  await frozen.send('Debugger.pause');
  await ui.button('Hold').click();
  const offer = page.getByRole('region', { name: 'Callbacks' }).getByRole('alert');
  try {
    await expect(offer).toContainText('The call with 1002 dropped.', { timeout: 60_000 });
  } finally {
    await frozen.send('Debugger.resume');
  }
  await expect(offer).toContainText('If you do not call back now, a callback is scheduled in 5 min.');

  const mark = await customer.mark();
  await offer.getByRole('button', { name: 'Call back now' }).click();
  await customer.waitForEvent('newRTCSession', { after: mark });
  await expect(page.getByRole('region', { name: 'Customer profile' })).toContainText('Callback: Call dropped');
  await customer.answer();
  await customer.waitForEvent('confirmed', { after: mark });
  await expect(offer).toHaveCount(0);
});
