/**
 * Recording survives a crash, and reaches the bank's recording store (a real tus 1.0 server on
 * loopback) through dropped connections and 503s; the local copy goes only after the store
 * acknowledged a matching copy.
 */
import { expect, test } from './fixtures/app';
import { buildPolicy } from '../fixtures/policy';
import { answerFrom } from './support/calls';
import { playAndDecode, recordingsUi, toneAbsent, tonePresent, windowsBetween, withheldOf } from './support/recording';
import { appUi } from './support/ui';

test('a crash 5 s into a call leaves a recovered recording that plays, uploads and matches its hashes', async ({ app, peer, recordingStore }) => {
  const first = await app();
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(first.page, customer);
  await expect(recordingsUi(first.page).liveStatus).toHaveText('Recording');
  await expect(appUi(first.page).duration).toHaveText('00:05', { timeout: 10_000 });
  await first.crash();

  // Restart on the same profile, still without a recording store: the recording is closed as recovered.
  const second = await app(buildPolicy(), { profileDir: first.profileDir, port: first.port });
  const recordings = recordingsUi(second.page);
  const row = recordings.rows.first();
  await expect(recordings.state(row)).toHaveText('Recovered');
  await expect(row).toContainText('1002');
  const audio = await playAndDecode(second.page, row);
  expect(audio.durationMs, 'at least 4 s of the 5 s before the crash').toBeGreaterThanOrEqual(4000);
  // Both parties up to the PCI delay line's audio, whose customer side was withheld at the crash; the agent to the end.
  const [withheld] = await withheldOf(row);
  expect(withheld?.[1], 'the customer is withheld to the end of the file').toBeGreaterThanOrEqual(audio.durationMs - 300);
  const talk = windowsBetween(audio, 500, (withheld?.[0] ?? 0) - 250);
  expect(talk.length).toBeGreaterThanOrEqual(4);
  expect(talk.filter((w) => (w.left.tones[440] ?? 0) > tonePresent && (w.right.tones[1000] ?? 0) > tonePresent).length).toBeGreaterThan(talk.length * 0.9);
  const agentOnly = windowsBetween(audio, (withheld?.[0] ?? 0) + 250, audio.durationMs - 250);
  expect(agentOnly.filter((w) => (w.right.tones[1000] ?? 0) > tonePresent && w.left.rms < toneAbsent).length).toBeGreaterThan(agentOnly.length * 0.9);
  const recordingId = await row.getAttribute('data-recording-id');
  await second.close();

  // With the store configured, the recovered recording uploads; the store's copy matches the manifest's hashes.
  // The browser host says its key is only as safe as the browser profile, and so keeps a recording only until
  // the store has it, whatever recording.retentionDays (7 here) says for the desktop app.
  const third = await app(buildPolicy({ recording: { uploadUrl: recordingStore.uploadUrl, retentionDays: 7 } }), { profileDir: first.profileDir, port: first.port });
  const uploaded = recordingsUi(third.page);
  await expect(third.page.getByText(/recordings stay here only until the store acknowledges them/)).toBeVisible();
  await expect(uploaded.state(uploaded.rows.first())).toHaveText('Uploaded', { timeout: 20_000 });
  await expect(uploaded.play(uploaded.rows.first())).toHaveCount(0);
  expect(await recordingStore.verify(recordingId ?? '')).toEqual([]);
  const manifest = JSON.parse((await recordingStore.recording(recordingId ?? '').manifest?.read())?.toString() ?? '{}') as { recovered?: boolean; chunks?: unknown[] };
  expect(manifest.recovered).toBe(true);
  expect(manifest.chunks?.length).toBeGreaterThanOrEqual(4);
});

test('uploads ride out 503s and a dropped connection, and the local copy goes only after the store acknowledged it', async ({ app, peer, recordingStore }) => {
  const { page } = await app(
    buildPolicy({ recording: { uploadUrl: recordingStore.uploadUrl, retentionDays: 0, retryBaseSeconds: 0.2, retryMaxSeconds: 1 } }),
  );
  const recordings = recordingsUi(page);
  // The manifest part fails until the test lets it through; the audio part meets 503s and a cut connection first.
  recordingStore.failPart('manifest', 503);
  recordingStore.failNext(2, 503);
  recordingStore.dropAfter(1500);
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  await expect(appUi(page).duration).toHaveText('00:03', { timeout: 10_000 });
  await appUi(page).button('Hang up').click();

  const row = recordings.rows.first();
  const recordingId = (await row.getAttribute('data-recording-id')) ?? '';
  // The audio got through, the manifest keeps failing: not uploaded, so the local copy stays playable.
  await expect.poll(() => recordingStore.recording(recordingId).audio !== undefined, { timeout: 20_000 }).toBe(true);
  await expect(recordings.state(row)).toContainText('will retry');
  await expect(recordings.state(row)).not.toContainText('Uploaded');
  await expect(recordings.play(row)).toBeVisible();
  const faults = recordingStore.requests.filter((r) => r.fault);
  expect(faults.filter((r) => r.fault === 'failed' && r.status === 503).length).toBeGreaterThanOrEqual(2);
  expect(faults.some((r) => r.fault === 'dropped')).toBe(true);
  expect(recordingStore.requests.some((r) => r.method === 'PATCH' && (r.offset ?? 0) > 0), 'a PATCH resumed past the drop').toBe(true);

  recordingStore.failPart('manifest', null);
  await expect(recordings.state(row)).toHaveText('Uploaded', { timeout: 20_000 });
  expect(await recordingStore.verify(recordingId)).toEqual([]);
  // Retention 0: acknowledged, so the local audio is deleted and there is nothing left to play.
  await expect(recordings.play(row)).toHaveCount(0);
});
