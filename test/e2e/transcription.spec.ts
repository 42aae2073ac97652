/**
 * Live transcription end to end: a real call through Kamailio whose customer's fake microphone plays festival
 * speech; the app taps the received track in an AudioWorklet and streams it to the local speech service
 * (pocketsphinx, started by the browser host) or to the bank ASR double (scripted Chinese). What the agent
 * sees: the customer's words in the Transcript log, partial first, then final.
 */
import type { Page } from '@playwright/test';
import { AsrFixture } from '../fixtures/asr/asr-server';
import { buildPolicy } from '../fixtures/policy';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { finalLatencies, seenLines, watchTranscript } from './support/transcript-probe';
import { appUi } from './support/ui';

test.beforeAll(async () => {
  // festival + sox, cached under test/.run after the first run.
  await ensureSpeechFixtures();
});

const transcript = (page: Page) => page.getByRole('log', { name: 'Transcript' });
const customerFinals = (page: Page) => transcript(page).locator('[data-leg="customer"][data-final="true"]');

test('the customer’s English speech appears in the transcript, partial first, then final', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ transcription: { provider: 'local' } }), { wav: 'silence' });
  const customer = await peer({ user: '1002', wav: 'speech:lost-card' });
  await expect(appUi(page).status).toHaveText('Registered');
  await watchTranscript(page);
  await customer.call('1001');
  await expect(appUi(page).incoming).toContainText('1002');
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');

  // The clip loops (speech, then 1.5 s of silence); the first pass may start mid-sentence.
  const complete = customerFinals(page).filter({ hasText: /lost/ }).filter({ hasText: /credit card/ });
  await expect(complete.first()).toBeVisible({ timeout: 30_000 });
  const lines = await seenLines(page);
  const customerLines = lines.filter((l) => l.leg === 'customer');
  const firstFinal = customerLines.findIndex((l) => l.final);
  expect(customerLines.slice(0, firstFinal).some((l) => !l.final), `a partial before the first final: ${JSON.stringify(customerLines)}`).toBe(true);
  expect(lines.filter((l) => l.leg === 'agent' && l.final), 'the agent’s silent microphone says nothing').toEqual([]);

  const latencies = (await finalLatencies(page)).filter((l) => l.leg === 'customer');
  expect(latencies.length).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'end of speech → final in the log (ms)', description: latencies.map((l) => Math.round(l.domMs)).join(', ') });
  for (const latency of latencies) expect(latency.domMs, `"${latency.text}"`).toBeLessThan(2000);
});

test('the bank ASR provider shows the scripted Chinese transcript of the customer’s utterance', async ({ app, peer }) => {
  const asr = await AsrFixture.start({ script: [{ leg: 'customer', utterance: 1, text: '我的信用卡丢了' }] });
  try {
    const policy = buildPolicy({ transcription: { provider: 'bank-asr', asrUrl: asr.url, languages: ['en-US', 'zh-CN'] } });
    const { page } = await app(policy, { wav: 'silence' });
    const customer = await peer({ user: '1003', wav: 'speech:lost-card' });
    await expect(appUi(page).status).toHaveText('Registered');
    await customer.call('1001', { extraHeaders: ['X-Language: cmn'] });
    await expect(appUi(page).incoming).toContainText('1003');
    await appUi(page).button('Answer').click();
    await customer.waitForEvent('confirmed');

    await expect(customerFinals(page).filter({ hasText: '我的信用卡丢了' })).toBeVisible({ timeout: 20_000 });
    // X-Language: cmn picked Mandarin from the policy's languages, for both legs.
    expect(asr.starts.map((s) => [s.leg, s.language]).sort()).toEqual([
      ['agent', 'zh-CN'],
      ['customer', 'zh-CN'],
    ]);
  } finally {
    await asr.close();
  }
});
