/**
 * Recording across call control, heard in the file: hold keeps the timeline with the held span silent;
 * a blind transfer's REFER ends the agent's part (silent from then on, the file closed with the agent's
 * leg); a conference mixes the third party into the agent's (right) channel. Customer 440 Hz, agent
 * 1000 Hz, colleague 660 Hz.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { expectTone, expectTones, remoteAudio } from './support/audio-probe';
import { AGENT_HZ, agentWithCustomerAndColleague, COLLEAGUE_HZ, CUSTOMER_HZ, submitTransfer } from './support/call-control';
import { talkingToCustomer } from './support/calls';
import {
  EDGE_MS,
  expectBothParties,
  longestRun,
  neitherParty,
  playAndDecode,
  recordingsUi,
  tonePresent,
  toneAbsent,
  waitForTalkTime,
  windowsBetween,
} from './support/recording';
import { appUi } from './support/ui';

const TONES = [CUSTOMER_HZ, AGENT_HZ, COLLEAGUE_HZ];
/** Three browsers, then the recording played through in real time: more than the default on a busy machine. */
const THREE_PARTY_TIMEOUT_MS = 90_000;

/** Lets the call run so the recording holds `ms` more of it: the audio itself is what is waited for. */
async function talk(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
}

/** The saved recording of the call with `number`, played back and decoded. */
async function savedRecording(page: Page, number: string) {
  const recordings = recordingsUi(page);
  const row = recordings.rows.filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(recordings.state(row)).toHaveText('Saved');
  return playAndDecode(page, row, TONES);
}

test('hold: the held span is silent in the file and the timeline goes on through it', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const customer = await talkingToCustomer(page, peer);
  await waitForTalkTime(page, '00:02');

  let mark = await customer.mark();
  await ui.button('Hold').click();
  await customer.waitForEvent('hold', { after: mark });
  const heldAt = Date.now();
  await waitForTalkTime(page, '00:05');
  mark = await customer.mark();
  await ui.button('Resume').click();
  await customer.waitForEvent('unhold', { after: mark });
  const heldMs = Date.now() - heldAt;
  await waitForTalkTime(page, '00:08');
  await ui.button('Hang up').click();

  const audio = await savedRecording(page, '1002');
  expect(audio.durationMs, 'the whole call, the held span included').toBeGreaterThan(7000);
  const held = longestRun(audio, neitherParty);
  expect(held, 'a span with neither party in it').not.toBeNull();
  const [from, to] = held ?? [0, 0];
  test.info().annotations.push({ type: 'held span in the file (ms)', description: `${from}–${to}, held ${heldMs} ms by the wall clock` });
  expect(to - from, `the silent span against the ${heldMs} ms the call was held`).toBeGreaterThan(heldMs - 750);
  expect(to - from).toBeLessThan(heldMs + 750);
  expectBothParties(windowsBetween(audio, 500, from - EDGE_MS), 'before the hold');
  expectBothParties(windowsBetween(audio, to + EDGE_MS, audio.durationMs - 500), 'after the resume');
});

test('blind transfer: the agent\'s recording ends with the agent\'s leg, silent from the REFER; the colleague is not in it', async ({ app, peer }) => {
  test.setTimeout(THREE_PARTY_TIMEOUT_MS);
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  const answeredAt = Date.now();
  await waitForTalkTime(page, '00:02');

  const mark = await customer.mark();
  const transferAt = Date.now();
  await submitTransfer(page, 'Transfer', '1003');
  await customer.waitForEvent('refer', { after: mark });
  const referAt = Date.now();
  // The NOTIFY (200) from the colleague's answer ends the agent's leg: its BYE reaches the customer.
  await customer.waitForEvent('ended', { after: mark });
  const endedAt = Date.now();
  await expect(ui.currentCall).toHaveCount(0);
  // Customer and colleague talk on; none of it may reach the agent's recording.
  await expectTone(customer.page, remoteAudio, COLLEAGUE_HZ);
  await expectTone(colleague.page, remoteAudio, CUSTOMER_HZ);

  const audio = await savedRecording(page, '1002');
  const [toTransfer, toRefer, toEnd] = [transferAt - answeredAt, referAt - answeredAt, endedAt - answeredAt];
  test.info().annotations.push({
    type: 'recording vs transfer (ms from answer)',
    description: `file ${audio.durationMs}; Transfer clicked ${toTransfer}, REFER ${toRefer}, agent's leg ended ${toEnd}`,
  });
  // The recording starts as the agent answers, a little before the customer's confirmation.
  expect(audio.durationMs, `the file's length against the agent's leg ending ${toEnd} ms after answer`).toBeLessThan(toEnd + 1000);
  expect(audio.durationMs).toBeGreaterThan(toRefer);
  expectBothParties(windowsBetween(audio, 500, toTransfer - EDGE_MS), 'before the transfer');
  // From the REFER the customer is held for the transfer: nobody's audio is in the agent's file.
  const afterRefer = windowsBetween(audio, toRefer + EDGE_MS, audio.durationMs);
  for (const w of afterRefer) expect(neitherParty(w), `no party in the file after the REFER, at ${w.startMs} ms`).toBe(true);
  for (const w of audio.windows) expect(w.left.tones[COLLEAGUE_HZ] ?? 0, `no colleague in the file at ${w.startMs} ms`).toBeLessThan(toneAbsent);
});

test('conference: the third party is mixed into the agent\'s channel, the customer stays alone on the left', async ({ app, peer }) => {
  test.setTimeout(THREE_PARTY_TIMEOUT_MS);
  const { page, ui, customer, colleague } = await agentWithCustomerAndColleague(app, peer);
  await waitForTalkTime(page, '00:02');
  await submitTransfer(page, 'Consult', '1003');
  await colleague.waitForEvent('confirmed');
  await expectTone(colleague.page, remoteAudio, AGENT_HZ);

  const mark = await customer.mark();
  await ui.button('Conference').click();
  await customer.waitForEvent('unhold', { after: mark });
  await expectTones(customer.page, remoteAudio, [AGENT_HZ, COLLEAGUE_HZ]);
  await talk(page, 2500);
  await ui.button('Hang up').click();
  await expect(ui.currentCall).toHaveCount(0);

  const audio = await savedRecording(page, '1002');
  expectBothParties(windowsBetween(audio, 500, 1500), 'before the consultation');
  const conference = windowsBetween(audio, audio.durationMs - 2500, audio.durationMs - 500);
  expect(conference.length).toBeGreaterThan(5);
  for (const w of conference) {
    const at = `in the conference at ${w.startMs} ms`;
    expect(w.left.tones[CUSTOMER_HZ], `customer on the left ${at}`).toBeGreaterThan(tonePresent);
    expect(w.right.tones[AGENT_HZ], `agent on the right ${at}`).toBeGreaterThan(tonePresent);
    expect(w.right.tones[COLLEAGUE_HZ], `colleague on the right ${at}`).toBeGreaterThan(tonePresent);
    expect(w.left.tones[COLLEAGUE_HZ], `no colleague on the left ${at}`).toBeLessThan(toneAbsent);
    expect(w.left.tones[AGENT_HZ], `no agent on the left ${at}`).toBeLessThan(toneAbsent);
    expect(w.right.tones[CUSTOMER_HZ], `no customer on the right ${at}`).toBeLessThan(toneAbsent);
  }
});
