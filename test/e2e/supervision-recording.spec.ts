/**
 * Supervision and the call's recording (issue 20 §2): barge audio is in the recording (it is what the
 * customer heard: the agent's channel carries the mix), whisper audio is not on the customer-facing channel.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { expectTones, remoteAudio } from './support/audio-probe';
import { EDGE_MS, longestRun, playAndDecode, recordingsUi, toneAbsent, tonePresent } from './support/recording';
import { AGENT_HZ, agentRow, CUSTOMER_HZ, LEAD_HZ, superviseSetUp, supervisionAudio, supervisionStatus } from './support/supervision';
import { appUi } from './support/ui';

/** Whole seconds of talk time the agent's call timer shows. */
async function talkSeconds(page: Page): Promise<number> {
  const [minutes, seconds] = ((await appUi(page).duration.textContent()) ?? '0:0').split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

test('barge audio is on the recording, whisper audio is not on the customer-facing channel', async ({ app, peer }) => {
  test.setTimeout(120_000);
  const { agent, lead, customer } = await superviseSetUp(app, peer);
  const row = agentRow(lead.page);
  await row.getByRole('button', { name: 'Whisper' }).click();
  await expect(supervisionStatus(lead.page)).toHaveText(/^Whispering/);
  await expectTones(agent.page, supervisionAudio, [LEAD_HZ]);
  const whisperFrom = await talkSeconds(agent.page);
  await expect.poll(() => talkSeconds(agent.page), { timeout: 10_000 }).toBeGreaterThanOrEqual(whisperFrom + 3);
  const bargeAt = await talkSeconds(agent.page);
  await row.getByRole('button', { name: 'Barge' }).click();
  await expectTones(customer.page, remoteAudio, [AGENT_HZ, LEAD_HZ]);
  const bargeFrom = await talkSeconds(agent.page);
  await expect.poll(() => talkSeconds(agent.page), { timeout: 10_000 }).toBeGreaterThanOrEqual(bargeFrom + 3);
  await appUi(agent.page).button('Hang up').click();

  const recordings = recordingsUi(agent.page);
  const recorded = recordings.rows.first();
  await expect(recordings.state(recorded)).toHaveText('Saved');
  const audio = await playAndDecode(agent.page, recorded, [CUSTOMER_HZ, AGENT_HZ, LEAD_HZ]);
  // Barge: the lead's 1600 Hz is on the agent's (sent) channel beside the agent's 1000 Hz, for the barge's seconds.
  const barged = longestRun(audio, (w) => (w.right.tones[LEAD_HZ] ?? 0) > tonePresent && (w.right.tones[AGENT_HZ] ?? 0) > tonePresent);
  expect(barged, 'a stretch of barge audio on the agent channel').not.toBeNull();
  const [bargeStart, bargeEnd] = barged ?? [0, 0];
  expect(bargeEnd - bargeStart).toBeGreaterThan(2000);
  expect(bargeStart, 'barge audio starts after the whisper').toBeGreaterThan((bargeAt - 1) * 1000);
  // Whisper: before the barge nothing of the lead is on either channel, over at least the whisper's seconds.
  const before = audio.windows.filter((w) => w.startMs + 250 <= bargeStart - EDGE_MS);
  expect(before.length * 250).toBeGreaterThan(2500);
  for (const w of before) expect(w.right.tones[LEAD_HZ] ?? 0, `no lead on the agent channel at ${w.startMs} ms`).toBeLessThan(toneAbsent);
  // The customer channel is what the customer sent: never the lead.
  for (const w of audio.windows) expect(w.left.tones[LEAD_HZ] ?? 0, `no lead on the customer channel at ${w.startMs} ms`).toBeLessThan(toneAbsent);
});
