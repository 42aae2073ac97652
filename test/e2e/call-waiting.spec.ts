import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { expectSilence, expectTone, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, callsList, COLLEAGUE_HZ, CUSTOMER_HZ, lineAudio } from './support/call-control';
import { answerFrom, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

test('a second call waits in the Calls list; Answer holds the first; Swap calls switches who hears the agent', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const first = await peer({ user: '1002', wav: 'tone440', displayName: 'Wang Fang' });
  const second = await peer({ user: '1003', wav: 'tone660', displayName: 'Li Lei' });
  await answerFrom(page, first);
  await expectTwoWayAudio(page, first);

  // The second call rings (softly) while the first goes on: both show in the Calls list.
  const calls = callsList(page);
  await second.call('1001');
  await expect(ui.incoming).toContainText('1003');
  await expect(ui.incoming).toContainText('Call waiting');
  await expect(calls.list.getByRole('listitem')).toHaveCount(2);
  await expect(calls.item('1002')).toContainText('Wang Fang');
  await expect(calls.item('1002')).toContainText('Connected');
  await expect(calls.item('1003')).toContainText('Li Lei');
  await expect(calls.item('1003')).toContainText('Ringing');
  await expectTone(first.page, remoteAudio, AGENT_HZ); // the first customer still hears the agent

  // Answer: the first customer is held, the agent talks to the second.
  let firstMark = await first.mark();
  await ui.button('Answer').click();
  await second.waitForEvent('confirmed');
  expect((await first.waitForEvent('hold', { after: firstMark })).originator).toBe('remote');
  await expect(calls.item('1002')).toContainText('On hold');
  await expect(calls.item('1003')).toContainText('Connected');
  await expect(ui.currentCall.locator('h2')).toContainText('1003');
  await expectTone(second.page, remoteAudio, AGENT_HZ);
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);
  await expectSilence(first.page, remoteAudio);
  await expectSilence(page, lineAudio('1002'));

  // Swap calls: back to the first customer; the second waits on hold.
  const secondMark = await second.mark();
  firstMark = await first.mark();
  await ui.button('Swap calls').click();
  expect((await second.waitForEvent('hold', { after: secondMark })).originator).toBe('remote');
  expect((await first.waitForEvent('unhold', { after: firstMark })).originator).toBe('remote');
  await expect(calls.item('1003')).toContainText('On hold');
  await expect(calls.item('1002')).toContainText('Connected');
  await expectTone(first.page, remoteAudio, AGENT_HZ);
  await expectTone(page, lineAudio('1002'), CUSTOMER_HZ);
  await expectSilence(second.page, remoteAudio);

  // The first customer hangs up: the held second call is what remains, and Resume brings it back.
  await first.hangup();
  await expect(calls.list).toHaveCount(0);
  await expect(ui.currentCall.locator('h2')).toContainText('1003');
  await ui.button('Resume').click();
  await expectTone(second.page, remoteAudio, AGENT_HZ);
  await expectTone(page, lineAudio('1003'), COLLEAGUE_HZ);
});

test('with sip.callWaiting false a second call gets 486 Busy Here and never shows', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ sip: { callWaiting: false } }));
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const first = await peer({ user: '1002', wav: 'tone440' });
  const second = await peer({ user: '1003', wav: 'tone660' });
  await answerFrom(page, first);

  const mark = await second.mark();
  await second.call('1001');
  const failed = await second.waitForEvent('failed', { after: mark });
  expect(failed.statusCode).toBe(486);
  await expect(ui.incoming).toHaveCount(0);
  await expect(callsList(page).list).toHaveCount(0);
  await expectTwoWayAudio(page, first); // the call in progress was not disturbed
});
