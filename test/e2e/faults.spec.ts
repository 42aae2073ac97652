import type { Page } from '@playwright/test';
import type { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { expectTone, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentWithCustomerAndColleague, COLLEAGUE_HZ, submitTransfer } from './support/call-control';
import { expectTwoWayAudio, talkingToCustomer } from './support/calls';
import { appUi } from './support/ui';

/** The customer resumes a call it held; JsSIP ignores unhold until its hold re-INVITE completed, so retry. */
async function resumeFromCustomer(page: Page, customer: Peer): Promise<void> {
  await expect(async () => {
    await customer.unhold();
    await expect(appUi(page).currentCall).not.toContainText('Held by the other party', { timeout: 1000 });
  }).toPass();
}

// A spec that froze Kamailio and failed must not leave it frozen for the next one.
test.afterEach(({ sip }) => sip.resume());

test('with the first server down the phone registers on the next one in sip.servers', async ({ app, sip }) => {
  const mark = sip.mark();
  // Nothing listens on 8081 in the test namespace: the connection is refused.
  const { page } = await app(buildPolicy({ sip: { servers: ['ws://127.0.0.1:8081', sip.wsUrl] } }));
  const { status } = appUi(page);
  await expect(status).toHaveText('Registered');
  await expect(status).toHaveAttribute('title', `Server: ${sip.wsUrl}`);
  expect(sip.requests(mark).filter((r) => r.method === 'REGISTER' && r.from === '1001').length).toBeGreaterThan(0);
});

test('keep-alive OPTIONS go out every intervalSeconds and are answered: the registration stays put', async ({ app, sip }) => {
  const { page } = await app(buildPolicy({ sip: { keepAlive: { intervalSeconds: 1, timeoutSeconds: 1 } } }));
  const { status } = appUi(page);
  await expect(status).toHaveText('Registered');
  const mark = sip.mark();
  const options = () => sip.requests(mark).filter((r) => r.method === 'OPTIONS' && r.from === '1001').length;
  await expect.poll(options, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  // Answered probes never made the watchdog drop the socket: no new REGISTER came after the first.
  expect(sip.requests(mark).filter((r) => r.method === 'REGISTER')).toEqual([]);
  await expect(status).toHaveText('Registered');
});

test('a frozen server is noticed within 10 s; the call survives, and hold and transfer work after the reconnect', async ({ app, peer, sip }) => {
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  await expectTwoWayAudio(page, customer);

  // SIGSTOP keeps every TCP connection open: only the keep-alive watchdog can tell.
  sip.pause();
  await expect(ui.status).not.toHaveText('Registered', { timeout: 10_000 });
  await expectTwoWayAudio(page, customer); // media is peer to peer
  sip.resume();
  await expect(ui.status).toHaveText('Registered', { timeout: 15_000 });
  await expectTwoWayAudio(page, customer);

  // In-dialog requests now go over the new WebSocket, both ways. The customer's first: the dialog
  // still names the agent's old connection, only the agent's GRUU leads to the new one.
  await customer.hold();
  await expect(ui.currentCall).toContainText('Held by the other party');
  await resumeFromCustomer(page, customer);
  let mark = await customer.mark();
  await ui.button('Hold').click();
  expect((await customer.waitForEvent('hold', { after: mark })).originator).toBe('remote');
  await ui.button('Resume').click();
  expect((await customer.waitForEvent('unhold', { after: mark })).originator).toBe('remote');

  mark = await customer.mark();
  await submitTransfer(page, 'Transfer', '1003');
  await colleague.waitForEvent('confirmed');
  expect((await customer.waitForEvent('ended', { after: mark })).originator).toBe('remote');
  await expectTone(customer.page, remoteAudio, COLLEAGUE_HZ);
});

test('Kamailio killed mid-call and restarted: audio goes on, registration is back within 5 s, Hang up reaches the customer', async ({ app, peer, sip }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await talkingToCustomer(page, peer);

  const mark = await customer.mark();
  await sip.kill();
  await expect(ui.status).not.toHaveText('Registered');
  await expectTwoWayAudio(page, customer);
  await sip.start();
  await expect(ui.status).toHaveText('Registered', { timeout: 5000 });
  await customer.waitForEvent('registered', { after: mark });
  await expectTwoWayAudio(page, customer);

  // Kamailio lost every registration and connection: both ends reach each other through their new ones.
  await customer.hold();
  await expect(ui.currentCall).toContainText('Held by the other party');
  await resumeFromCustomer(page, customer);
  await expectTone(customer.page, remoteAudio, AGENT_HZ);
  await ui.button('Hang up').click();
  const ended = await customer.waitForEvent('ended', { after: mark });
  expect(ended).toMatchObject({ originator: 'remote', cause: 'Terminated' });
  await expect(ui.currentCall).toHaveCount(0);
});
