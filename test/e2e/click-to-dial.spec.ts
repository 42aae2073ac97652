/**
 * Click-to-dial in the browser host (issue 23 §1): a `?dial=` link opens the Dial dialog with the normalised
 * number and Call reaches the customer; a number the policy refuses says which rule and dials nothing; a tel:
 * link opened in a new tab during a call is handed to the running Lingxi tab, which offers Hold and call.
 */
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { expectSilence, expectTone, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, callsList, COLLEAGUE_HZ, lineAudio } from './support/call-control';
import { dial, expectTwoWayAudio, talkingToCustomer } from './support/calls';
import { appUi } from './support/ui';

/** tel:1003 with full-width digits and RFC 3966 separators, as a CRM page may write it: 1003 once normalised. */
const FULL_WIDTH_LINK = 'tel:１０-０３';

test('a ?dial= link shows the Dial dialog with the number; Call reaches the customer with two-way audio', async ({ app, peer }) => {
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  const { page } = await app(buildPolicy(), { query: `?dial=${encodeURIComponent(FULL_WIDTH_LINK)}` });
  const ui = appUi(page);
  const dialog = page.getByRole('dialog', { name: 'Dial' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.click-to-dial__number')).toHaveText('1003');
  await expect(dialog).toContainText('From the address');
  // Taken from the address once: a reload will not dial again.
  expect(new URL(page.url()).searchParams.has('dial')).toBe(false);
  await expect(ui.status).toHaveText('Registered');
  await dialog.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(dialog).toBeHidden();
  const invite = await customer.waitForEvent('newRTCSession');
  expect(invite.remoteUser).toBe('1001');
  await customer.waitForEvent('confirmed');
  await expect(ui.currentCall).toContainText('1003');
  await expectTwoWayAudio(page, customer);
});

test('a number the policy refuses says which rule refused it and dials nothing, even without confirmation', async ({ app, peer }) => {
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  // Mobiles only, dialled at once: a refused link must still never reach the phone.
  const policy = buildPolicy({ dial: { confirm: false, allowedPatterns: [String.raw`1[3-9]\d{9}`] } });
  const { page } = await app(policy, { query: '?dial=tel%3A1003' });
  const ui = appUi(page);
  const dialog = page.getByRole('dialog', { name: 'Dial' });
  await expect(dialog.getByRole('alert')).toHaveText('Not dialled 1003 is not allowed by your IT policy: it matches none of the numbers in dial.allowedPatterns.');
  await expect(dialog.getByRole('button', { name: 'Call', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // The Dialer is the agent's own: its call is the customer's first and only one (a dialled link would have come first).
  await dial(page, customer);
  expect(await customer.eventsOf('newRTCSession')).toHaveLength(1);
  await expect(ui.currentCall).toContainText('1003');
});

test('a call that rings while the Dial dialog is open can be answered; the dialog then offers no plain Call', async ({ app, peer }) => {
  const { page } = await app(buildPolicy(), { query: '?dial=95588' });
  const ui = appUi(page);
  const dialog = page.getByRole('dialog', { name: 'Dial' });
  await expect(dialog.locator('.click-to-dial__number')).toHaveText('95588');
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await customer.call('1001');
  await expect(ui.incoming).toContainText('1002');
  await expect(dialog.getByRole('button', { name: 'Call', exact: true })).toHaveCount(0);
  await ui.button('Answer').click();
  await customer.waitForEvent('confirmed');
  await expectTwoWayAudio(page, customer);
  // The number is still there to dial, now with the customer held first.
  await expect(dialog.getByRole('button', { name: 'Hold and call' })).toBeVisible();
});

test('the dial key opens the Dial dialog with the copied number, and Call dials it', async ({ app, peer }) => {
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  // The agent allows the clipboard (CDP's grant replaces the origin's permissions, so the microphone is named again).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write', 'microphone'], { origin: new URL(page.url()).origin });
  // As copied from a CRM screen: separators and full-width digits.
  await page.evaluate(() => navigator.clipboard.writeText(' １０ - ０３ '));
  await page.keyboard.press('Control+Alt+D');
  const dialog = page.getByRole('dialog', { name: 'Dial' });
  await expect(dialog.locator('.click-to-dial__number')).toHaveText('1003');
  await expect(dialog).toContainText('From the clipboard');
  await dialog.getByRole('button', { name: 'Call', exact: true }).click();
  await customer.waitForEvent('confirmed');
  await expectTwoWayAudio(page, customer);
});

test('a tel: link during a call offers Hold and call in the running tab; choosing it holds the customer and dials', async ({ app, peer }) => {
  const instance = await app();
  const { page } = instance;
  const ui = appUi(page);
  const first = await talkingToCustomer(page, peer);
  const second = await peer({ user: '1003', wav: 'tone660', autoAnswer: true });

  // The browser opens the protocol handler's address in a new tab; it hands the number over and starts no phone.
  const tab = await instance.openTab?.(`/?dial=${encodeURIComponent('tel:1003')}`);
  if (!tab) throw new Error('the browser host opens tabs');
  await expect(tab.getByText(/switch to that tab to call/)).toBeVisible();
  await expect(appUi(tab).status).toHaveText('Unregistered');

  const dialog = page.getByRole('dialog', { name: 'Dial' });
  await expect(dialog.locator('.click-to-dial__number')).toHaveText('1003');
  await expect(dialog).toContainText('You are on a call with');
  await expect(dialog.getByRole('button', { name: 'Call', exact: true })).toHaveCount(0);
  expect(await second.eventsOf('newRTCSession'), 'nothing dialled before the agent chose').toHaveLength(0);

  const firstMark = await first.mark();
  await dialog.getByRole('button', { name: 'Hold and call' }).click();
  expect((await first.waitForEvent('hold', { after: firstMark })).originator).toBe('remote');
  await second.waitForEvent('confirmed');
  const calls = callsList(page);
  await expect(calls.item('1002')).toContainText('On hold');
  await expect(calls.item('1003')).toContainText('Connected');
  await expectTone(second.page, remoteAudio, AGENT_HZ);
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);
  await expectSilence(first.page, remoteAudio);
  await expect(ui.currentCall.locator('h2')).toContainText('1003');
});
