/**
 * Listen, whisper, barge and take over through the real Kamailio with three Chromium parties, each with its
 * own tone (customer 440 Hz, agent 1000 Hz, lead 1600 Hz), measured in each page (issue 20 §2, §6). The lead
 * clicks the buttons on the agent's row of the real team board; the agent's desktop verifies the signed
 * INVITE and mixes locally.
 */
import { expect, test } from './fixtures/app';
import { expectSilence, expectTones, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentRow, CUSTOMER_HZ, LEAD_HZ, superviseSetUp, supervisionAudio, supervisionStatus } from './support/supervision';
import { appUi } from './support/ui';

test('the routing matrix listen → whisper → barge → listen; the customer hears the lead only in barge; nobody hears themselves', async ({ app, peer, sip }) => {
  test.setTimeout(120_000);
  const { agent, lead, customer } = await superviseSetUp(app, peer);
  const row = agentRow(lead.page);
  const status = supervisionStatus(lead.page);
  const supervised = agent.page.getByRole('status', { name: 'Supervised' });
  const mark = sip.mark();

  await row.getByRole('button', { name: 'Listen' }).click();
  await expect(status).toHaveText('Listening · Agent 1001');
  // The supervision INVITE went lead → agent through the proxy and never rang on the agent's desktop.
  expect(sip.requests(mark).some((r) => r.method === 'INVITE' && r.from === '1003' && r.to === '1001')).toBe(true);
  await expect(appUi(agent.page).incoming).toHaveCount(0);
  // listen: the lead hears customer + agent; the agent and the customer hear nothing new.
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ], { absent: [LEAD_HZ] });
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ, CUSTOMER_HZ] });
  await expectTones(agent.page, remoteAudio, [CUSTOMER_HZ], { absent: [LEAD_HZ, AGENT_HZ] });
  await expectSilence(agent.page, supervisionAudio);
  // Default notifyAgent (whisper-and-barge): silent monitoring is not shown to the agent.
  await expect(supervised).toHaveCount(0);

  await lead.page.getByRole('region', { name: 'Supervision' }).getByRole('button', { name: 'Whisper' }).click();
  await expect(status).toHaveText('Whispering · Agent 1001');
  // whisper: the agent hears the lead; the customer does not; the lead still hears both.
  await expectTones(agent.page, supervisionAudio, [LEAD_HZ], { absent: [AGENT_HZ, CUSTOMER_HZ] });
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ, CUSTOMER_HZ] });
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ], { absent: [LEAD_HZ] });
  await expect(supervised).toHaveText('Your team lead is whispering to you');

  await row.getByRole('button', { name: 'Barge' }).click();
  await expect(status).toHaveText('Barging · Agent 1001');
  // barge: everyone hears everyone else, nobody themselves.
  await expectTones(customer.page, remoteAudio, [AGENT_HZ, LEAD_HZ], { absent: [CUSTOMER_HZ] });
  await expectTones(agent.page, supervisionAudio, [LEAD_HZ], { absent: [AGENT_HZ, CUSTOMER_HZ] });
  await expectTones(agent.page, remoteAudio, [CUSTOMER_HZ], { absent: [AGENT_HZ, LEAD_HZ] });
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ], { absent: [LEAD_HZ] });
  await expect(supervised).toHaveText('Your team lead has joined the call');

  await row.getByRole('button', { name: 'Listen' }).click();
  await expect(status).toHaveText('Listening · Agent 1001');
  // Back to listen: the customer leg has the raw microphone again, the lead is gone for customer and agent.
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ, CUSTOMER_HZ] });
  await expectSilence(agent.page, supervisionAudio);
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ], { absent: [LEAD_HZ] });
  await expect(supervised).toHaveCount(0);

  // Stop supervising: the leg ends, the agent's call goes on untouched.
  await lead.page.getByRole('button', { name: 'Stop supervising' }).click();
  await expect(status).toHaveCount(0);
  await expect(agent.page.locator(supervisionAudio)).toHaveCount(0);
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ] });
  await expectTones(agent.page, remoteAudio, [CUSTOMER_HZ], { absent: [LEAD_HZ] });
  await expect(appUi(agent.page).currentCall).toContainText('1002');
});

test('the customer hanging up ends the supervision leg too', async ({ app, peer }) => {
  // Three browsers and a full call set-up first: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const { lead, customer } = await superviseSetUp(app, peer);
  await agentRow(lead.page).getByRole('button', { name: 'Listen' }).click();
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ]);
  await customer.hangup();
  await expect(supervisionStatus(lead.page)).toHaveCount(0);
  await expect(appUi(lead.page).currentCall).toHaveCount(0);
});

test('take over: customer and lead talk, the agent is free and in wrap-up', async ({ app, peer }) => {
  // Three browsers and a full call set-up first: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const { agent, lead, customer } = await superviseSetUp(app, peer, { agentPatch: { agent: { wrapUp: { enabled: true } } } });
  const row = agentRow(lead.page);
  await row.getByRole('button', { name: 'Listen' }).click();
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ, AGENT_HZ]);
  const mark = await customer.mark();
  await row.getByRole('button', { name: 'Take over' }).click();
  // The agent's desktop REFERs the customer to the lead with Replaces naming the supervision leg.
  expect(await customer.waitForEvent('refer', { after: mark })).toMatchObject({ target: '1003', replaces: true });
  await expect(appUi(agent.page).currentCall).toHaveCount(0);
  await expect(agent.page.getByRole('region', { name: 'Wrap-up' })).toContainText('After the call with 1002');
  await expect(appUi(lead.page).currentCall).toContainText('1002');
  await expect(appUi(lead.page).incoming).toHaveCount(0);
  await expectTones(customer.page, remoteAudio, [LEAD_HZ], { absent: [AGENT_HZ] });
  await expectTones(lead.page, remoteAudio, [CUSTOMER_HZ], { absent: [AGENT_HZ] });
  await expect(supervisionStatus(lead.page)).toHaveCount(0);
});
