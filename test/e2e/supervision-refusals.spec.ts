/**
 * Supervision requests the agent's desktop must refuse, through the real Kamailio (issue 20 §4): a caller
 * not in `supervision.leads` (even with a correctly self-signed header), a listed lead whose signature does
 * not verify with the key the agent's policy lists, and — signed with the lead's real key — an expired
 * timestamp, a call that does not exist, a replayed header and a mode switch from a party that is not the
 * supervising lead. Each gets 403, no audio, no ringing, a log line.
 */
import type { Page } from '@playwright/test';
import { formatModeSwitchBody, formatSupervisionHeader, SUPERVISION_HEADER, SUPERVISION_INFO_TYPE } from '@common/supervision/supervision-protocol';
import { generateSupervisionKeyPair, importPrivateKey, newNonce, signClaim } from '@common/supervision/supervision-signing';
import { expect, test } from './fixtures/app';
import { expectTones, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentRow, CUSTOMER_HZ, LEAD_HZ, superviseSetUp, supervisionStatus } from './support/supervision';
import { appUi } from './support/ui';

/** The page's console lines, as IT would read them in the log. */
function consoleLines(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  return lines;
}

test('a listed lead whose signature does not verify is refused: 403, no audio, a log line', async ({ app, peer }) => {
  // Three browsers and a full call set-up first: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const other = await generateSupervisionKeyPair();
  const { agent, lead, customer } = await superviseSetUp(app, peer, { agentKey: other.publicKey });
  const log = consoleLines(agent.page);
  await agentRow(lead.page).getByRole('button', { name: 'Listen' }).click();
  await expect(lead.page.getByRole('alert')).toHaveText(/The agent's desktop refused the request/);
  await expect(supervisionStatus(lead.page)).toHaveCount(0);
  await expect(appUi(lead.page).currentCall).toHaveCount(0);
  await expect.poll(() => log.find((line) => line.includes('supervision INVITE refused (bad-signature)'))).toBeTruthy();
  // Nothing rang, nothing changed for agent and customer.
  await expect(appUi(agent.page).incoming).toHaveCount(0);
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ] });
  await expectTones(agent.page, remoteAudio, [CUSTOMER_HZ], { absent: [LEAD_HZ] });
});

test('a caller not in supervision.leads is refused even with a correctly self-signed header', async ({ app, peer }) => {
  // Three browsers and a full call set-up first: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const { agent, customer } = await superviseSetUp(app, peer);
  const log = consoleLines(agent.page);
  const [customerCall] = await customer.eventsOf('newRTCSession');
  const stranger = await peer({ user: '1004', wav: 'tone440' });
  const pair = await generateSupervisionKeyPair();
  const claim = await signClaim(await importPrivateKey(pair.privateKey), 'invite', {
    mode: 'listen',
    call: customerCall?.callId ?? '',
    lead: 'sip:1004@127.0.0.1',
    ts: Date.now(),
    nonce: newNonce(),
  });
  const mark = await stranger.mark();
  await stranger.call('1001', { extraHeaders: [`${SUPERVISION_HEADER}: ${formatSupervisionHeader(claim)}`] });
  expect(await stranger.waitForEvent('failed', { after: mark })).toMatchObject({ statusCode: 403 });
  expect(await stranger.eventsOf('remoteTrack', mark)).toEqual([]);
  await expect.poll(() => log.find((line) => line.includes('supervision INVITE refused (unknown-lead) from'))).toBeTruthy();
  await expect(appUi(agent.page).incoming).toHaveCount(0);
  await expectTones(customer.page, remoteAudio, [AGENT_HZ]);
});

test("with the lead's own key: an expired timestamp, a call that does not exist, a replayed header and a mode switch from the customer are refused", async ({ app, peer }) => {
  test.setTimeout(150_000);
  const { agent, customer, privateKey } = await superviseSetUp(app, peer);
  const log = consoleLines(agent.page);
  const [customerCall] = await customer.eventsOf('newRTCSession');
  // A second phone of the lead's (1003): it sends hand-made headers, signed with the lead's real key.
  const leadPhone = await peer({ user: '1003', wav: 'tone440' });
  const key = await importPrivateKey(privateKey);
  const header = async (fields: { call?: string; ts?: number }) =>
    `${SUPERVISION_HEADER}: ${formatSupervisionHeader(
      await signClaim(key, 'invite', { mode: 'listen', call: fields.call ?? customerCall?.callId ?? '', lead: 'sip:1003@127.0.0.1', ts: fields.ts ?? Date.now(), nonce: newNonce() }),
    )}`;
  const refused = async (extraHeader: string, reason: string) => {
    const mark = await leadPhone.mark();
    await leadPhone.call('1001', { extraHeaders: [extraHeader] });
    expect(await leadPhone.waitForEvent('failed', { after: mark }), reason).toMatchObject({ statusCode: 403 });
    expect(await leadPhone.eventsOf('remoteTrack', mark), `no audio (${reason})`).toEqual([]);
    await expect.poll(() => log.find((line) => line.includes(`supervision INVITE refused (${reason})`))).toBeTruthy();
  };
  await refused(await header({ ts: Date.now() - 120_000 }), 'expired');
  await refused(await header({ call: 'no-such-call@127.0.0.1' }), 'no-such-call');

  // A valid header is answered once; the same header again is a replay.
  const valid = await header({});
  const mark = await leadPhone.mark();
  await leadPhone.call('1001', { extraHeaders: [valid] });
  await leadPhone.waitForEvent('confirmed', { after: mark });
  await leadPhone.hangup();
  await refused(valid, 'replayed');

  // A mode switch from a party that is not the supervising lead (the customer, on its own call), signed with
  // the lead's key: 403, and the call is untouched.
  const infoMark = await customer.mark();
  const modeSwitch = await signClaim(key, 'mode', { mode: 'barge', call: customerCall?.callId ?? '', lead: 'sip:1003@127.0.0.1', ts: Date.now(), nonce: newNonce() });
  await customer.sendInfo(SUPERVISION_INFO_TYPE, formatModeSwitchBody(modeSwitch));
  expect(await customer.waitForEvent('infoAnswered', { after: infoMark })).toMatchObject({ statusCode: 403 });
  await expect.poll(() => log.find((line) => line.includes('supervision mode switch refused (unknown-lead) from'))).toBeTruthy();
  await expect(appUi(agent.page).incoming).toHaveCount(0);
  await expectTones(customer.page, remoteAudio, [AGENT_HZ], { absent: [LEAD_HZ] });
});
