/**
 * Call recording, end to end: a real call through Kamailio, the customer's 440 Hz and the agent's
 * 1000 Hz captured as stereo, kept encrypted in IndexedDB, played back and decoded in the page.
 */
import { expect, test } from './fixtures/app';
import { answerFrom } from './support/calls';
import { EDGE_MS, expectBothParties, playAndDecode, recordingsUi, waitForTalkTime, windowsBetween } from './support/recording';
import { alterChunk } from './support/tamper';
import { appUi } from './support/ui';

test('a recorded call holds the customer on the left, the agent on the right, and nothing while paused', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  const recordings = recordingsUi(page);
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  await expect(recordings.liveStatus).toHaveText('Recording');

  await waitForTalkTime(page, '00:02');
  await ui.button('Pause recording').click();
  await expect(recordings.liveStatus).toHaveText('Paused');
  // Paused for 2–3 s: long enough for a run of silent windows after the edges, however late the click landed.
  await waitForTalkTime(page, '00:05');
  // Resume with the keyboard shortcut (Ctrl+Alt+S toggles the call's recording).
  await page.keyboard.press('Control+Alt+S');
  await expect(recordings.liveStatus).toHaveText('Recording');
  await waitForTalkTime(page, '00:07');
  await ui.button('Hang up').click();

  const row = recordings.rows.first();
  await expect(row).toContainText('1002');
  await expect(recordings.state(row)).toHaveText('Saved');
  const spans = JSON.parse((await row.locator('[data-paused]').getAttribute('data-paused')) ?? '[]') as [number, number][];
  expect(spans).toHaveLength(1);
  const [from, to] = spans[0] ?? [0, 0];
  expect(to - from, 'paused for two to three seconds').toBeGreaterThan(1900);

  const audio = await playAndDecode(page, row);
  expect(audio.durationMs, 'about six seconds of audio').toBeGreaterThan(5000);
  expectBothParties(windowsBetween(audio, 500, from - EDGE_MS), 'before the pause');
  const paused = windowsBetween(audio, from + EDGE_MS, to - EDGE_MS);
  expect(paused.length).toBeGreaterThan(3);
  for (const w of paused) {
    expect(w.left.rms, `left silent while paused at ${w.startMs} ms`).toBeLessThan(0.01);
    expect(w.right.rms, `right silent while paused at ${w.startMs} ms`).toBeLessThan(0.01);
  }
  expectBothParties(windowsBetween(audio, to + EDGE_MS, audio.durationMs - 500), 'after the pause');
});

test('a chunk altered in IndexedDB makes the recording damaged, at playback and in its state', async ({ app, peer }) => {
  const { page } = await app();
  const recordings = recordingsUi(page);
  const customer = await peer({ user: '1003', wav: 'tone440' });
  await answerFrom(page, customer);
  await waitForTalkTime(page, '00:03');
  await appUi(page).button('Hang up').click();
  const row = recordings.rows.first();
  await expect(recordings.state(row)).toHaveText('Saved');

  // Flip one byte of the second chunk's ciphertext, straight in IndexedDB, as tampering on disk would.
  const altered = await alterChunk(page, 1);
  expect(altered).toBe(true);

  await recordings.play(row).click();
  await expect(row.getByRole('alert')).toContainText('damaged: chunk 2');
  await expect(recordings.state(row)).toHaveText('Damaged');
  await expect(recordings.player(row)).toHaveCount(0);
});
