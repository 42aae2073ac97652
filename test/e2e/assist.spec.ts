/**
 * Agent assist end to end: the customer's fake microphone plays a festival "conversation" (lost card,
 * complaint, card number, with gaps); the app transcribes it with the local speech service and the
 * assist pane turns it into a suggestion, an alert, a paused recording with masked digits, and a summary.
 */
import type { Page } from '@playwright/test';
import { buildPolicy } from '../fixtures/policy';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { recordingsUi } from './support/recording';
import { appUi } from './support/ui';

test.beforeAll(async () => {
  await ensureSpeechFixtures();
});

const pane = (page: Page) => page.getByRole('region', { name: 'Agent assist' });
const customerFinals = (page: Page) => pane(page).getByRole('log', { name: 'Transcript' }).locator('[data-leg="customer"][data-final="true"]');

/** Records in the page when the lost-card suggestion first shows, to compare with the end of speech. */
async function watchSuggestion(page: Page, articleId: string): Promise<void> {
  await page.evaluate((id) => {
    const holder = window as unknown as { __suggestedAt?: number };
    const observer = new MutationObserver(() => {
      if (holder.__suggestedAt === undefined && document.querySelector(`[data-article-id="${id}"]`)) holder.__suggestedAt = performance.now();
    });
    observer.observe(document.body, { subtree: true, childList: true });
  }, articleId);
}

test('lost card is suggested within 2 s, a complaint raises an alert, a card number pauses the recording and is masked, the summary names the intent', async ({ app, peer }) => {
  const policy = buildPolicy({ transcription: { provider: 'local' }, agent: { wrapUp: { enabled: true, timeLimitSeconds: 0 } } });
  const { page } = await app(policy, { wav: 'silence' });
  const customer = await peer({ user: '1002', wav: 'speech:conversation' });
  await expect(appUi(page).status).toHaveText('Registered');
  await watchSuggestion(page, 'lost-card.en');
  await customer.call('1001');
  await expect(appUi(page).incoming).toContainText('1002');
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');

  // 1. "I lost my credit card at the train station": transcript, then the lost-card article within 2 s of the end of speech.
  await expect(customerFinals(page).filter({ hasText: /lost/ }).filter({ hasText: /card/ }).first()).toBeVisible({ timeout: 30_000 });
  const suggestions = pane(page).getByRole('list', { name: 'Suggestions' });
  await expect(suggestions.locator('[data-article-id="lost-card.en"]')).toBeVisible();
  const latency = await page.evaluate(() => {
    const at = (window as unknown as { __suggestedAt?: number }).__suggestedAt ?? Number.NaN;
    // The final that brought the suggestion: the latest customer final whose speech ended before it showed.
    const finals = performance
      .getEntriesByName('lingxi:transcript:final')
      .filter((m) => (m as PerformanceMeasure).detail?.leg === 'customer' && m.startTime < at);
    const speechEnd = finals.at(-1)?.startTime ?? Number.NaN;
    return at - speechEnd;
  });
  expect(latency, 'end of the lost-card utterance → suggestion shown (ms)').toBeLessThan(2000);
  test.info().annotations.push({ type: 'end of speech → suggestion (ms)', description: String(Math.round(latency)) });
  await expect(pane(page).getByRole('list', { name: 'Checklist' })).toBeVisible();

  // 2. "I want to make a complaint": an alert.
  await expect(page.getByRole('alert').filter({ hasText: /complaint/i })).toBeVisible({ timeout: 20_000 });

  // 3. "My card number is four five three two …": the recording pauses, the digits never show.
  const recording = recordingsUi(page).liveStatus;
  await expect(recording).toHaveText('Paused', { timeout: 20_000 });
  const masked = customerFinals(page).filter({ hasText: /card number/ }).first();
  await expect(masked).toBeVisible({ timeout: 20_000 });
  await expect(masked).toContainText('[••••]');
  await expect(masked).not.toContainText(/four five|4532/);
  // The digits stop (the clip goes quiet, then starts over): the guard resumes the recording.
  await expect(recording).toHaveText('Recording', { timeout: 15_000 });

  // 4. Hang up: wrap-up shows the summary with the intent.
  await appUi(page).button('Hang up').click();
  const summary = page.getByRole('region', { name: 'Call summary' });
  await expect(summary).toContainText('How do I report a lost or stolen credit card?');
  const row = recordingsUi(page).rows.first();
  await expect(row.locator('[data-paused]')).toHaveCount(1);
});
