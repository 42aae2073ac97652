/**
 * The team lead's board over SIP SUBSCRIBE/NOTIFY through the real Kamailio (issue 20 §1): the lead's app
 * (1003) watches agent 1001; what the agent does shows on the lead's "Agents" table; a desktop that is
 * gone shows Offline; a lead the agent's policy does not name is refused and told nothing.
 */
import { expect, test } from './fixtures/app';
import { AGENT_NAME, agentPolicy, LEAD, leadPolicy, teamBoard } from './support/team';
import { appUi } from './support/ui';

test('the lead sees the agent go Not ready, take a call (its SIP Call-ID, queue and intent) and hang up', async ({ app, peer, sip }) => {
  const agent = await app(agentPolicy());
  const lead = await app(leadPolicy());
  const agentUi = appUi(agent.page);
  await expect(agentUi.status).toHaveText('Registered');
  const row = teamBoard(lead.page).row(AGENT_NAME);
  const state = row.getByRole('cell').nth(0);
  await expect(state).toHaveText('Ready');

  await agentUi.agentState.selectOption({ label: 'Not ready' });
  await expect(state).toHaveText(/^Not ready: /);

  await agentUi.agentState.selectOption({ label: 'Ready' });
  await expect(state).toHaveText('Ready');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await customer.call('1001', { extraHeaders: ['X-Queue: cards', 'X-Intent: lost-card'] });
  await expect(state).toHaveText('Ringing');
  await agentUi.button('Answer').click();
  await customer.waitForEvent('confirmed');
  await expect(state).toHaveText('On call');
  const [session] = await customer.eventsOf('newRTCSession');
  expect(session?.callId).toBeTruthy();
  // The customer call's SIP Call-ID reaches the lead: what a supervision INVITE names.
  await expect(row).toHaveAttribute('data-call-id', session?.callId ?? '');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^In \d\d:\d\d$/);
  // Every NOTIFY went agent → lead through the proxy, never anywhere else.
  const notifies = sip.requests().filter((r) => r.method === 'NOTIFY' && r.from === '1001');
  expect(notifies.length).toBeGreaterThan(0);
  expect(new Set(notifies.map((r) => r.to))).toEqual(new Set([LEAD.user]));

  await customer.hangup();
  await expect(state).toHaveText('Ready');
  await expect(row).not.toHaveAttribute('data-call-id');
});

test('a closed agent browser goes Offline within refreshSeconds; a clean sign-out within 10 s', async ({ app }) => {
  test.setTimeout(90_000);
  // Clean: leaving the page un-REGISTERs, and the final NOTIFY says Offline at once (refresh 60 s would be too late).
  const agent = await app(agentPolicy({ refreshSeconds: 60 }));
  const lead = await app(leadPolicy({ refreshSeconds: 60 }));
  await expect(appUi(agent.page).status).toHaveText('Registered');
  const state = teamBoard(lead.page).row(AGENT_NAME).getByRole('cell').nth(0);
  await expect(state).toHaveText('Ready');
  const left = Date.now();
  await agent.page.goto('about:blank');
  await expect(state).toHaveText(/^Offline/, { timeout: 10_000 });
  test.info().annotations.push({ type: 'clean sign-out → Offline (ms)', description: String(Date.now() - left) });
  await agent.close();
});

test('a killed agent browser (no goodbye) goes Offline within refreshSeconds, and back when it returns', async ({ app }) => {
  test.setTimeout(90_000);
  const refreshSeconds = 10;
  const agent = await app(agentPolicy({ refreshSeconds }));
  const lead = await app(leadPolicy({ refreshSeconds }));
  await expect(appUi(agent.page).status).toHaveText('Registered');
  const state = teamBoard(lead.page).row(AGENT_NAME).getByRole('cell').nth(0);
  await expect(state).toHaveText('Ready');
  const killed = Date.now();
  await agent.crash();
  await expect(state).toHaveText(/^Offline/, { timeout: refreshSeconds * 1000 + 2000 });
  test.info().annotations.push({ type: 'browser killed → Offline (ms)', description: String(Date.now() - killed) });

  const again = await app(agentPolicy({ refreshSeconds }));
  await expect(appUi(again.page).status).toHaveText('Registered');
  await expect(state).toHaveText('Ready', { timeout: refreshSeconds * 1000 + 2000 });
});

test('a lead not in the agent\'s supervision.leads is refused (403) and sent nothing', async ({ app, sip }) => {
  const agent = await app(agentPolicy());
  await expect(appUi(agent.page).status).toHaveText('Registered');
  const mark = sip.mark();
  const stranger = await app(leadPolicy({}, { user: '1004', password: 'pass1004' }));
  const state = teamBoard(stranger.page).row(AGENT_NAME).getByRole('cell').nth(0);
  await expect(state).toHaveText(/^Offline \(refused: this lead is not in the agent's supervision\.leads\)$/);
  const seen = sip.requests(mark);
  expect(seen.some((r) => r.method === 'SUBSCRIBE' && r.from === '1004' && r.to === '1001')).toBe(true);
  expect(seen.filter((r) => r.method === 'NOTIFY' && r.to === '1004')).toEqual([]);
});
