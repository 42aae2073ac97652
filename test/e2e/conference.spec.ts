import { expect, test } from './fixtures/app';
import { expectTone, expectTones, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentWithCustomerAndColleague, callsList, COLLEAGUE_HZ, CUSTOMER_HZ, lineAudio, submitTransfer } from './support/call-control';

test('Conference: each of the three hears the other two; dropping one leaves a normal two-way call', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  await submitTransfer(page, 'Consult', '1003');
  await colleague.waitForEvent('confirmed');

  const customerMark = await customer.mark();
  await ui.button('Conference').click();
  expect((await customer.waitForEvent('unhold', { after: customerMark })).originator).toBe('remote');
  const calls = callsList(page);
  await expect(calls.item('1002')).toContainText('In conference');
  await expect(calls.item('1003')).toContainText('In conference');

  // Each party hears both others: the agent's own tone and the other party's, mixed in the app.
  const [mixedAgentDb] = await expectTones(customer.page, remoteAudio, [AGENT_HZ, COLLEAGUE_HZ]);
  await expectTones(colleague.page, remoteAudio, [AGENT_HZ, CUSTOMER_HZ]);
  await expectTone(page, lineAudio('1002'), CUSTOMER_HZ);
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);

  // Mute silences the agent in the mix only: the two parties still hear each other.
  await ui.button('Mute').click();
  await expectTones(customer.page, remoteAudio, [COLLEAGUE_HZ], { absent: [AGENT_HZ] });
  await expectTones(colleague.page, remoteAudio, [CUSTOMER_HZ], { absent: [AGENT_HZ] });
  await ui.button('Unmute').click();
  await expectTones(customer.page, remoteAudio, [AGENT_HZ, COLLEAGUE_HZ]);

  // Drop the colleague: the customer's call goes on with the agent's plain microphone.
  const colleagueMark = await colleague.mark();
  await ui.button('Drop 1003').click();
  expect((await colleague.waitForEvent('ended', { after: colleagueMark })).originator).toBe('remote');
  await expect(calls.list).toHaveCount(0);
  await expect(ui.currentCall).toContainText('1002');
  await expect(ui.button('Hold')).toBeVisible();
  // The plain microphone is back on the sender: the agent's tone is no longer scaled down by the mix.
  await expect(async () => {
    const [agentDb] = await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [COLLEAGUE_HZ] });
    expect(agentDb).toBeGreaterThan((mixedAgentDb ?? 0) + 3);
  }).toPass();
  await expectTone(page, lineAudio('1002'), CUSTOMER_HZ);

  const mark = await customer.mark();
  await ui.button('Hang up').click();
  await customer.waitForEvent('ended', { after: mark });
});

test('the agent can drop the customer instead; Hang up in a conference ends both legs', async ({ app, peer }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  await submitTransfer(page, 'Consult', '1003');
  await colleague.waitForEvent('confirmed');
  await ui.button('Conference').click();
  await expectTones(colleague.page, remoteAudio, [AGENT_HZ, CUSTOMER_HZ]);

  const customerMark = await customer.mark();
  await ui.button('Drop 1002').click();
  await customer.waitForEvent('ended', { after: customerMark });
  await expect(ui.currentCall).toContainText('1003');
  await expectTones(colleague.page, remoteAudio, [AGENT_HZ], { absent: [CUSTOMER_HZ] });
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);

  // A fresh conference, ended with Hang up: both parties get a BYE.
  const second = await peer({ user: '1004', wav: 'tone440', autoAnswer: true });
  await submitTransfer(page, 'Consult', '1004');
  await second.waitForEvent('confirmed');
  await ui.button('Conference').click();
  await expectTones(second.page, remoteAudio, [AGENT_HZ, COLLEAGUE_HZ]);
  const marks = [await colleague.mark(), await second.mark()] as const;
  await ui.button('Hang up').click();
  await colleague.waitForEvent('ended', { after: marks[0] });
  await second.waitForEvent('ended', { after: marks[1] });
  await expect(ui.currentCall).toHaveCount(0);
});
