/**
 * Agent assist end to end: the customer's fake microphone plays a festival "conversation" (lost card,
 * complaint, card number, with gaps); the app transcribes it with the local speech service and the
 * assist pane turns it into a suggestion, an alert, a paused recording with masked digits, and a summary.
 */
import type { Page } from '@playwright/test';
import { buildPolicy } from '../fixtures/policy';
import { ensureSpeechFixtures, spokenMs, type SpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { cardNumberSpans, loudestBetween, SPEECH_RMS, speechBursts } from './support/pci-audio';
import { playAndDecode, recordingsUi } from './support/recording';
import { appUi } from './support/ui';

let speech: SpeechFixtures;
/** How long the voice takes to say "my card number is": the first digit follows. */
let digitLeadMs = 0;

test.beforeAll(async () => {
  speech = await ensureSpeechFixtures();
  // Said alone the phrase ends a little later than inside the sentence: 150 ms earlier is a safe first digit.
  digitLeadMs = (await spokenMs('my card number is')) - 150;
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
  // The call runs through the conversation twice, then the recording (about 30 s) is played through once.
  test.setTimeout(150_000);
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

  // 2. "I want to make a complaint": exactly one alert, which the utterance's final confirms (issue 22 §5).
  const alerts = pane(page).getByRole('alert');
  await expect(alerts.filter({ hasText: /complaint/i })).toBeVisible({ timeout: 20_000 });
  await expect(alerts).toHaveCount(1);
  await expect(alerts).not.toContainText('not yet confirmed', { timeout: 10_000 });

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

  // 5. The recording itself: from the first digit to the resume the customer's channel holds no speech energy.
  const paused = JSON.parse((await row.locator('[data-paused]').getAttribute('data-paused')) ?? '[]') as [number, number][];
  const windowMs = 50;
  const decoded = await playAndDecode(page, row, [], windowMs);
  const card = speech.conversation.segments.find((s) => s.id === 'card-number');
  const cardMs = (card?.endMs ?? 0) - (card?.startMs ?? 0);
  const reads = cardNumberSpans(decoded, speech.conversation, digitLeadMs, windowMs, paused).filter((r) => r.utteranceAt + cardMs <= decoded.durationMs);
  const bursts = speechBursts(decoded, windowMs).map((b) => [b.startMs, b.endMs]);
  expect(reads.length, `card numbers read whole in the recording (paused ${JSON.stringify(paused)}, speech ${JSON.stringify(bursts)})`).toBeGreaterThan(0);
  for (const read of reads) {
    const pause = paused.find(([start, end]) => start <= read.firstDigitAt && end > read.firstDigitAt);
    expect(pause, `a pause covers the first digit at ${read.firstDigitAt} ms (paused ${JSON.stringify(paused)}, speech ${JSON.stringify(bursts)})`).toBeDefined();
    const [start, end] = pause ?? [0, 0];
    expect(end, 'the pause lasts past the last digit').toBeGreaterThanOrEqual(read.utteranceAt + cardMs);
    const loudest = loudestBetween(decoded, read.firstDigitAt, end, windowMs);
    expect(loudest, `customer speech RMS from the first digit (${read.firstDigitAt} ms) to the resume (${end} ms)`).toBeLessThan(SPEECH_RMS);
    test.info().annotations.push({
      type: 'PCI pause in the recording',
      description: `utterance at ${read.utteranceAt} ms, first digit at ${read.firstDigitAt} ms, paused ${start}–${end} ms (${read.firstDigitAt - start} ms before the first digit, ${read.utteranceAt - start} ms before the utterance), loudest customer RMS in the span ${loudest.toFixed(5)}`,
    });
    console.log(`pci: utterance ${read.utteranceAt} first digit ${read.firstDigitAt} paused ${start}-${end} lead ${read.firstDigitAt - start} rms ${loudest.toFixed(5)}`);
  }
});
