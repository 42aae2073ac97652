/**
 * A recording store that requires the client's token (the store double's `requireToken`: 401 without it,
 * 403 with a wrong one). Without the token the upload is refused and the Recordings area says so; once the
 * agent enters it the waiting recording uploads at once, every accepted request carrying the header, and
 * nothing is lost. Browser host: the page adds the header (recording.uploadTokenHeader) to its tus requests;
 * Electron: main adds it from the OS secret store.
 */
import { expect, test } from './fixtures/app';
import { appHostKind } from '../fixtures/app-host';
import { buildPolicy } from '../fixtures/policy';
import { answerFrom } from './support/calls';
import { recordingsUi, waitForTalkTime } from './support/recording';
import { appUi } from './support/ui';

const HEADER = 'X-Recording-Token';
const TOKEN = 'rec-store-7f3a91';

test.use({ recordingStoreOptions: { requireToken: { header: HEADER, value: TOKEN } } });

test('the store refuses the upload without its token; once the agent enters it the recording uploads with the header', async ({ app, peer, recordingStore }) => {
  // A long backoff (up to 60 s, then 120 s): the upload that follows a saved token is the retry the token triggers.
  const policy = buildPolicy({
    recording: { uploadUrl: recordingStore.uploadUrl, uploadTokenHeader: HEADER, retentionDays: 0, retryBaseSeconds: 60, retryMaxSeconds: 600 },
  });
  const { page } = await app(policy);
  const recordings = recordingsUi(page);
  const tokenField = recordings.region.getByLabel('Recording store token');
  const save = recordings.region.getByRole('button', { name: 'Save' });
  const problem = recordings.region.getByRole('alert').filter({ hasText: 'The recording store refused the upload' });
  // The browser host holds no token for a fresh page, so it asks at once; Electron only once the store refuses.
  if (appHostKind() === 'browser') await expect(recordings.region.getByText(/needs its token before recordings can be uploaded/)).toBeVisible();

  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  await waitForTalkTime(page, '00:03');
  await appUi(page).button('Hang up').click();

  const row = recordings.rows.first();
  await expect(problem).toContainText('The recording store refused the upload (401): enter the recording store token', { timeout: 20_000 });
  await expect(recordings.state(row)).toContainText('will retry');
  // Nothing is lost: the recording stays in the cache, playable; the store has nothing and saw no token.
  await expect(recordings.play(row)).toBeVisible();
  const recordingId = (await row.getAttribute('data-recording-id')) ?? '';
  expect(recordingStore.uploads()).toEqual([]);
  expect(recordingStore.requests.map((r) => [r.method, r.status, r.credential])).toEqual([['POST', 401, undefined]]);

  // A wrong token is refused as such.
  await tokenField.fill('not-the-token');
  await save.click();
  await expect(problem).toContainText('The recording store refused the upload (403)', { timeout: 20_000 });
  expect(recordingStore.uploads()).toEqual([]);

  await tokenField.fill(TOKEN);
  await save.click();
  await expect(recordings.state(row)).toHaveText('Uploaded', { timeout: 20_000 });
  expect(await recordingStore.verify(recordingId)).toEqual([]);
  const accepted = recordingStore.requests.filter((r) => r.status !== 401 && r.status !== 403);
  expect(accepted.filter((r) => r.method === 'POST').map((r) => r.metadata?.part)).toEqual(['audio', 'manifest']);
  expect(accepted.filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(2);
  expect(new Set(accepted.map((r) => r.credential))).toEqual(new Set([TOKEN]));
  // Accepted: the problem and the field are gone; retention 0, so the local copy went once the store had it.
  await expect(problem).toHaveCount(0);
  await expect(tokenField).toHaveCount(0);
  await expect(recordings.play(row)).toHaveCount(0);
});
