import { expect, test } from './fixtures/app';
import { expectSilence, expectTone, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentWithCustomerAndColleague, callsList, COLLEAGUE_HZ, CUSTOMER_HZ, lineAudio, submitTransfer } from './support/call-control';
import { expectTwoWayAudio } from './support/calls';

test('blind transfer: REFER to 1003, the customer talks to the colleague and the agent is free', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  await expectTwoWayAudio(page, customer);

  const mark = await customer.mark();
  await submitTransfer(page, 'Transfer', '1003');
  const refer = await customer.waitForEvent('refer', { after: mark });
  expect(refer).toMatchObject({ target: '1003', replaces: false });
  await colleague.waitForEvent('confirmed');
  // The final NOTIFY (200) ended the agent's leg: the agent's BYE reached the customer.
  expect((await customer.waitForEvent('ended', { after: mark })).originator).toBe('remote');
  await expect(ui.currentCall).toHaveCount(0);
  await expect(ui.number).toBeVisible();

  await expectTone(customer.page, remoteAudio, COLLEAGUE_HZ);
  await expectTone(colleague.page, remoteAudio, CUSTOMER_HZ);
});

test('a failed blind transfer keeps the call, resumes it and says why (486 Busy Here)', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer, false);

  const customerMark = await customer.mark();
  const colleagueMark = await colleague.mark();
  await submitTransfer(page, 'Transfer', '1003');
  await colleague.waitForEvent('newRTCSession', { after: colleagueMark });
  await expect(page.getByRole('status').filter({ hasText: 'Transferring to 1003' })).toBeVisible();
  await colleague.reject(486);

  await expect(page.getByRole('alert')).toHaveText('Transfer failed: 486 Busy Here');
  expect((await customer.waitForEvent('unhold', { after: customerMark })).originator).toBe('remote');
  await expect(ui.currentCall).toContainText('1002');
  await expect(ui.button('Hold')).toBeVisible();
  expect(await customer.eventsOf('ended', customerMark)).toEqual([]);
  await expectTwoWayAudio(page, customer);
});

test('attended transfer: Consult holds the customer, Complete transfer joins customer and colleague', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);

  const customerMark = await customer.mark();
  await submitTransfer(page, 'Consult', '1003');
  await colleague.waitForEvent('confirmed');
  expect((await customer.waitForEvent('hold', { after: customerMark })).originator).toBe('remote');
  await expect(callsList(page).item('1002')).toContainText('On hold');
  await expect(callsList(page).item('1003')).toContainText('Connected');
  // Agent and colleague talk; the customer, on hold, hears neither.
  await expectTone(colleague.page, remoteAudio, AGENT_HZ);
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);
  await expectSilence(customer.page, remoteAudio);

  const colleagueMark = await colleague.mark();
  await ui.button('Complete transfer').click();
  expect(await customer.waitForEvent('refer', { after: customerMark })).toMatchObject({ target: '1003', replaces: true });
  expect((await colleague.waitForEvent('replaces', { after: colleagueMark })).remoteUser).toBe('1002');
  // Both agent legs end: the agent hangs up the customer's, the colleague's phone ends the replaced one.
  await customer.waitForEvent('ended', { after: customerMark });
  await colleague.waitForEvent('ended', { after: colleagueMark });
  await expect(ui.currentCall).toHaveCount(0);
  await expect(ui.number).toBeVisible();

  await expectTone(customer.page, remoteAudio, COLLEAGUE_HZ);
  await expectTone(colleague.page, remoteAudio, CUSTOMER_HZ);
});

test('Cancel transfer hangs up the colleague and gives the agent the customer back', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);

  const customerMark = await customer.mark();
  await submitTransfer(page, 'Consult', '1003');
  await colleague.waitForEvent('confirmed');
  await expectTone(colleague.page, remoteAudio, AGENT_HZ);

  const colleagueMark = await colleague.mark();
  await ui.button('Cancel transfer').click();
  expect((await colleague.waitForEvent('ended', { after: colleagueMark })).originator).toBe('remote');
  expect((await customer.waitForEvent('unhold', { after: customerMark })).originator).toBe('remote');
  await expect(callsList(page).list).toHaveCount(0);
  await expect(ui.button('Complete transfer')).toHaveCount(0);
  expect(await customer.eventsOf('refer', customerMark)).toEqual([]);
  await expectTwoWayAudio(page, customer);
});
