/**
 * A recording damaged on disk is never uploaded as sound, and never silently dropped: it reaches the
 * recording store's quarantine area (tus metadata `quarantine=1`) with the audio that verified and the
 * verdict (which chunk, why), so the bank records a gap instead of nothing.
 */
import { policySha256 } from '@common/contract/policy-canonical';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/app';
import { buildPolicy } from '../fixtures/policy';
import { answerFrom } from './support/calls';
import { recordingsUi, waitForTalkTime } from './support/recording';
import { alterChunk } from './support/tamper';
import { appUi } from './support/ui';

test('a chunk altered in IndexedDB sends the recording to the store quarantine with its verdict, not among the sound ones', async ({ app, peer, recordingStore }) => {
  const policy = buildPolicy({ recording: { uploadUrl: recordingStore.uploadUrl, retryBaseSeconds: 0.2, retryMaxSeconds: 1 } });
  const { page } = await app(policy);
  const recordings = recordingsUi(page);
  // Hold the upload back (the audio part is refused) so the cache can be tampered with before it goes.
  recordingStore.failPart('audio', 503);
  const customer = await peer({ user: '1003', wav: 'tone440' });
  await answerFrom(page, customer);
  await waitForTalkTime(page, '00:03');
  await appUi(page).button('Hang up').click();
  const row = recordings.rows.first();
  await expect(recordings.state(row)).toContainText('will retry', { timeout: 20_000 });
  const recordingId = (await row.getAttribute('data-recording-id')) ?? '';

  expect(await alterChunk(page, 1)).toBe(true);
  recordingStore.failPart('audio', null);

  await expect.poll(async () => (await recordingStore.quarantined(recordingId)).verdict, { timeout: 20_000 }).toMatchObject({ seq: 1, reason: 'altered' });
  const quarantined = await recordingStore.quarantined(recordingId);
  // The store's copy matches what the client says verified: chunk 0 only, hashes intact.
  expect(quarantined.problems).toEqual([]);
  // Every part says which client made it: the app's version and the policy's hash (canonical form, the same
  // hash the REGISTER carries and the log shows).
  const policyHash = await policySha256(policy);
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  for (const part of [quarantined.audio, quarantined.manifest]) {
    expect(part?.metadata).toMatchObject({ quarantine: '1', recordingId, appVersion: version, policySha256: policyHash });
  }
  expect(quarantined.audio?.metadata.part).toBe('audio');
  expect(quarantined.audio?.size ?? 0).toBeGreaterThan(0);
  expect(recordingStore.recording(recordingId)).toEqual({});
  await expect(recordings.state(row)).toHaveText('Damaged');
});
