/**
 * Callbacks with the bank's callback service (issue 27), over real HTTP on loopback: the agent wraps up with
 * "Follow-up needed" (finishing without a callback asks first), schedules the callback from the wrap-up form,
 * and it reaches the service held by this agent; when the service reports it taken by a colleague, it leaves
 * "Due callbacks" at the next sync, reached by advancing the app's clock (no restart, no sleep).
 */
import { buildPolicy } from '../fixtures/policy';
import { CallbackService } from '../fixtures/callback-service/server';
import { expect, test } from './fixtures/app';
import { answerFrom } from './support/calls';
import { storedRows } from './support/stored';
import { appUi } from './support/ui';

const ME = 'sip:1001@127.0.0.1';
const COLLEAGUE = 'sip:1003@127.0.0.1';
const SYNC_MINUTES = 2;

test('a callback promised in a follow-up wrap-up reaches the service, and leaves the list once a colleague takes it', async ({ app, peer }) => {
  test.setTimeout(90_000);
  const service = new CallbackService();
  await service.start();
  try {
    const policy = buildPolicy({
      agent: { wrapUp: { timeLimitSeconds: 0 } },
      callbacks: { hours: { timeZone: 'UTC', start: '00:00', end: '24:00' }, syncUrl: service.syncUrl, syncMinutes: SYNC_MINUTES },
    });
    const { page } = await app(policy, { query: '?testClock=1' });
    const ui = appUi(page);
    await expect(ui.status).toHaveText('Registered');
    const customer = await peer({ user: '1002', wav: 'tone440' });
    await answerFrom(page, customer);
    await customer.hangup();

    // Wrap-up with the follow-up code: Schedule callback comes forward, and Finish asks before going on without one.
    const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
    await wrapUp.getByRole('combobox', { name: 'Wrap-up code' }).selectOption({ label: 'Follow-up needed' });
    await expect(wrapUp).toContainText('Follow-up: promise the customer a call back.');
    await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
    await expect(wrapUp.getByRole('alert')).toContainText('no callback is scheduled for it');
    await expect(wrapUp.getByRole('button', { name: 'Finish without callback' })).toBeVisible();

    await wrapUp.getByRole('button', { name: 'Schedule callback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Callback' });
    await expect(dialog.getByRole('textbox', { name: 'Number' })).toHaveValue('1002');
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Answer from the back office' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Refund date from the back office');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(wrapUp).toContainText('Callback scheduled for this call.');
    await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
    await expect(wrapUp).toHaveCount(0);

    // The desk sent it at once: the service holds it for this agent.
    await expect.poll(() => service.all().map((c) => ({ number: c.number, note: c.note, owner: c.owner }))).toEqual([{ number: '1002', note: 'Refund date from the back office', owner: ME }]);
    expect(service.requests.some((r) => r.method === 'POST' && r.status === 200)).toBe(true);
    const row = page.getByRole('region', { name: 'Callbacks' }).getByRole('list', { name: 'Due callbacks' }).getByRole('listitem').filter({ hasText: '1002' });
    await expect(row).toContainText('Answer from the back office');

    // A colleague takes it at the service; the next sync (on the app's clock) drops it here.
    const [held] = service.all();
    if (!held) throw new Error('the service holds no callback');
    service.put({ ...held, owner: COLLEAGUE, updatedAt: held.updatedAt + 1 });
    await page.evaluate((ms) => (window as unknown as { lingxiTestClock: { advance(ms: number): void } }).lingxiTestClock.advance(ms), SYNC_MINUTES * 60_000);
    await expect(row).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Callbacks' })).toContainText('No callbacks promised.');
    expect(await storedRows(page, 'callbacks')).toEqual([]);
  } finally {
    await service.stop();
  }
});
