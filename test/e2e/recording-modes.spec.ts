/**
 * Policy recording.mode, end to end: `on-demand` records nothing until the agent clicks Start
 * recording, and then only from that moment; `off` records nothing and puts no tap on the call's audio.
 */
import type { Page } from '@playwright/test';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { talkingToCustomer } from './support/calls';
import { EDGE_MS, expectBothParties, playAndDecode, recordingsUi, waitForTalkTime, windowsBetween } from './support/recording';
import { appUi } from './support/ui';

/** The page's dedicated workers that are the encoded-audio recording tap (or its stand-in). */
function tapWorkers(page: Page): string[] {
  return page.workers().map((worker) => worker.url()).filter((url) => /(tap|passthrough)\.worker/.test(url));
}

test('on-demand: nothing is recorded until Start recording, then the file holds the call from that click on', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ recording: { mode: 'on-demand' } }));
  const ui = appUi(page);
  const recordings = recordingsUi(page);
  await talkingToCustomer(page, peer);
  // The taps are set as the call is created in this mode too, so a click can start recording at once.
  expect(tapWorkers(page), 'the recording tap worker runs').not.toEqual([]);
  await expect(recordings.liveStatus).toHaveText('Off');
  await expect(ui.button('Pause recording')).toHaveCount(0);
  await waitForTalkTime(page, '00:03');
  await expect(recordings.rows, 'no recording before the click').toHaveCount(0);

  const clickedAt = Date.now();
  await ui.button('Start recording').click();
  await expect(recordings.liveStatus).toHaveText('Recording');
  await waitForTalkTime(page, '00:06');
  const hungUpAt = Date.now();
  await ui.button('Hang up').click();

  await expect(recordings.rows).toHaveCount(1);
  const row = recordings.rows.first();
  await expect(recordings.state(row)).toHaveText('Saved');
  const audio = await playAndDecode(page, row);
  // From the click to the hang-up, not from the answer (which was ≥ 3 s earlier).
  const recordedMs = hungUpAt - clickedAt;
  expect(audio.durationMs, `the file's length against the ${recordedMs} ms from Start recording to Hang up`).toBeLessThan(recordedMs + 700);
  expect(audio.durationMs).toBeGreaterThan(recordedMs - 1000);
  expectBothParties(windowsBetween(audio, EDGE_MS, audio.durationMs - EDGE_MS), 'from Start recording on');
});

test('off: a call is not recorded, offers no recording control and passes through no tap', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ recording: { mode: 'off' } }));
  const ui = appUi(page);
  const recordings = recordingsUi(page);
  await talkingToCustomer(page, peer);
  await expect(recordings.liveStatus).toHaveText('Off');
  for (const name of ['Start recording', 'Pause recording', 'Resume recording']) await expect(ui.button(name)).toHaveCount(0);
  await waitForTalkTime(page, '00:03');
  expect(tapWorkers(page), 'no recording tap worker').toEqual([]);
  await ui.button('Hang up').click();

  await expect(ui.historyItems.first()).toContainText('1002');
  await expect(recordings.region).toContainText('No recordings in the local cache.');
  await expect(recordings.rows).toHaveCount(0);
  expect(tapWorkers(page), 'no recording tap worker after the call').toEqual([]);
});
