/**
 * The team lead's board over SIP SUBSCRIBE/NOTIFY through the real Kamailio (issue 20 §1): the lead's app
 * (1003) watches agent 1001; what the agent does shows on the lead's "Agents" table; a desktop that is
 * gone shows Offline; a lead the agent's policy does not name is refused and told nothing.
 */
import { crmMapping } from '../fixtures/crm/customers';
import { expect, test } from './fixtures/app';
import { AGENT_NAME, agentPolicy, LEAD, leadPolicy, teamBoard } from './support/team';
import { appUi } from './support/ui';

test('the lead sees the agent go Not ready, take a call (its SIP Call-ID, queue, intent, masked customer, flags) and hang up', async ({ app, peer, sip, crm }) => {
  // Customer 1002 stands in for the bank's IVR: its CTI headers are trusted; the CRM knows C1001 (王芳, Gold, born 1952).
  const agent = await app(agentPolicy({}, { crm: { profileUrl: crm.profileUrl, mapping: crmMapping, timeoutMs: 1500 }, cti: { trustedSources: ['sip:1002@127.0.0.1'] } }));
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
  await customer.call('1001', { extraHeaders: ['X-Customer-Id: C1001', 'X-Queue: cards', 'X-Intent: lost card', 'X-VIP: Gold'] });
  await expect(state).toHaveText('Ringing');
  await agentUi.button('Answer').click();
  await customer.waitForEvent('confirmed');
  await expect(state).toHaveText('On call');
  const [session] = await customer.eventsOf('newRTCSession');
  expect(session?.callId).toBeTruthy();
  // The customer call's SIP Call-ID reaches the lead: what a supervision INVITE names.
  await expect(row).toHaveAttribute('data-call-id', session?.callId ?? '');
  const cells = row.getByRole('cell');
  await expect(cells.nth(2)).toHaveText(/^In \d\d:\d\d$/);
  await expect(cells.nth(3)).toHaveText('cards');
  await expect(cells.nth(4)).toHaveText('lost card');
  await expect(cells.nth(5)).toHaveText('王*');
  await expect(cells.nth(6)).toHaveText('VIPElderly');
  // Minimal by design: the lead's desktop never has the customer's name or number.
  await expect(lead.page.locator('body')).not.toContainText(/王芳|Wang Fang|1002/);
  // Every NOTIFY went agent → lead through the proxy, never anywhere else.
  const notifies = sip.requests().filter((r) => r.method === 'NOTIFY' && r.from === '1001');
  expect(notifies.length).toBeGreaterThan(0);
  expect(new Set(notifies.map((r) => r.to))).toEqual(new Set([LEAD.user]));

  await customer.hangup();
  await expect(state).toHaveText('Ready');
  await expect(row).not.toHaveAttribute('data-call-id');
});

test('a clean sign-out (the agent leaves the page: final NOTIFY, un-REGISTER) shows Offline within 10 s, not at the next refresh', async ({ app }) => {
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

test("a desk phone's busy lamp (Event: dialog, RFC 4235) follows the agent's call; one not in leads gets nothing", async ({ app, peer }) => {
  const agent = await app(agentPolicy());
  await expect(appUi(agent.page).status).toHaveText('Registered');
  const lamp = await peer({ user: LEAD.user, wav: 'silence', displayName: 'Desk phone' });
  const stranger = await peer({ user: '1004', wav: 'silence' });
  await lamp.subscribe('1001', 'dialog', 'application/dialog-info+xml');
  await stranger.subscribe('1001', 'dialog', 'application/dialog-info+xml');
  const first = await lamp.waitForEvent('notify');
  expect(first.contentType).toBe('application/dialog-info+xml');
  expect(first.body).toContain('entity="sip:1001@127.0.0.1"');
  expect(first.body).not.toContain('<dialog ');

  const customer = await peer({ user: '1002', wav: 'tone440' });
  await customer.call('1001');
  await appUi(agent.page).button('Answer').click();
  await customer.waitForEvent('confirmed');
  await expect.poll(async () => (await lamp.eventsOf('notify')).some((n) => /<dialog [^>]*direction="recipient">\s*<state>confirmed<\/state>/.test(n.body))).toBe(true);
  await customer.hangup();
  await expect.poll(async () => (await lamp.eventsOf('notify')).at(-1)?.body).not.toContain('<dialog ');

  await stranger.waitForEvent('subscriptionTerminated');
  expect(await stranger.eventsOf('notify')).toEqual([]);
});
