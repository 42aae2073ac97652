/**
 * Live transcription end to end: a real call through Kamailio whose customer's fake microphone plays festival
 * speech; the app taps the received track in an AudioWorklet and streams it to the local speech service
 * (pocketsphinx, started by the browser host) or to the bank ASR double (scripted Chinese). What the agent
 * sees: the customer's words in the Transcript log, partial first, then final. No sherpa-onnx model can be
 * had on these machines, so the Chinese local engine is proven on its failure paths: a missing or wrong model
 * folder leaves a pane that says transcription is unavailable, with IT's reason, and a call that works.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AsrFixture } from '../fixtures/asr/asr-server';
import type { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { expectTwoWayAudio } from './support/calls';
import { finalLatencies, seenLines, watchTranscript } from './support/transcript-probe';
import { appUi } from './support/ui';

/** The customer peers stand in for the bank's IVR: their X-Language is believed only from a trusted source. */
const IVR_PEERS = { trustedSources: ['sip:*@127.0.0.1'] };

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

test('the bank ASR provider’s scripted Chinese: transcript, the Chinese lost-card suggestion, a 投诉 alert, the summary in wrap-up', async ({ app, peer }) => {
  const asr = await AsrFixture.start({
    script: [
      { leg: 'customer', utterance: 1, text: '我的信用卡丢了' },
      { leg: 'customer', utterance: 2, text: '我要投诉你们' },
    ],
  });
  try {
    const policy = buildPolicy({
      transcription: { provider: 'bank-asr', asrUrl: asr.url, languages: ['en-US', 'zh-CN'] },
      agent: { wrapUp: { enabled: true, timeLimitSeconds: 0 } },
      cti: IVR_PEERS,
    });
    const { page } = await app(policy, { wav: 'silence' });
    const customer = await peer({ user: '1003', wav: 'speech:lost-card' });
    await expect(appUi(page).status).toHaveText('Registered');
    await customer.call('1001', { extraHeaders: ['X-Language: cmn'] });
    await expect(appUi(page).incoming).toContainText('1003');
    await appUi(page).button('Answer').click();
    await customer.waitForEvent('confirmed');

    await expect(customerFinals(page).filter({ hasText: '我的信用卡丢了' })).toBeVisible({ timeout: 20_000 });
    const assist = page.getByRole('region', { name: 'Agent assist' });
    await expect(assist.getByRole('list', { name: 'Suggestions' }).locator('[data-article-id="lost-card.zh-CN"]')).toBeVisible();
    // The clip's second pass is the customer's second utterance: a sensitive word from the zh rules.
    await expect(customerFinals(page).filter({ hasText: '我要投诉你们' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: '投诉' })).toBeVisible();

    // Hang-up: the summary names the intent (the article) and suggests the complaint code; Use summary fills the form.
    await appUi(page).button('Hang up').click();
    const summary = page.getByRole('region', { name: 'Call summary' });
    await expect(summary).toContainText('信用卡丢失或被盗了怎么挂失？');
    await expect(summary).toContainText('Suggested code: Complaint');
    await summary.getByRole('button', { name: 'Use summary' }).click();
    const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
    await expect(wrapUp.getByRole('combobox', { name: 'Wrap-up code' })).toHaveValue('complaint');
    await expect(wrapUp.getByRole('textbox', { name: 'Wrap-up notes' })).toHaveValue(/信用卡丢失或被盗了怎么挂失？/);
    // X-Language: cmn picked Mandarin from the policy's languages, for both legs.
    expect(asr.starts.map((s) => [s.leg, s.language]).sort()).toEqual([
      ['agent', 'zh-CN'],
      ['customer', 'zh-CN'],
    ]);
  } finally {
    await asr.close();
  }
});

/** Local transcription with pocketsphinx for English and sherpa-onnx, from `modelPath`, for Mandarin. */
function sherpaPolicy(modelPath: string) {
  return buildPolicy({
    transcription: {
      provider: 'local',
      languages: ['en-US', 'zh-CN'],
      engines: [
        { engine: 'pocketsphinx', languages: ['en-US'] },
        { engine: 'sherpa-onnx', languages: ['zh-CN'], modelPath },
      ],
    },
    cti: IVR_PEERS,
  });
}

/** Page crashes and uncaught errors from now on: the failure path must produce none. */
function watchPageHealth(page: Page): string[] {
  const problems: string[] = [];
  page.on('crash', () => problems.push('the page crashed'));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * A Mandarin call (X-Language: cmn) from a customer playing a 440 Hz tone; the agent answers. Returns the
 * Transcription status region of the Agent assist pane.
 */
async function answerMandarinCall(page: Page, customer: Peer) {
  await expect(appUi(page).status).toHaveText('Registered');
  await customer.call('1001', { extraHeaders: ['X-Language: cmn'] });
  await expect(appUi(page).incoming).toContainText(customer.user);
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');
  return page.getByRole('region', { name: 'Agent assist' }).getByRole('status', { name: 'Transcription status' });
}

/** The call is unaffected: both tones flow, hold and resume re-INVITE, hang-up ends it on both sides. */
async function expectCallKeepsWorking(page: Page, customer: Peer) {
  await expectTwoWayAudio(page, customer);
  let mark = await customer.mark();
  await appUi(page).button('Hold').click();
  await customer.waitForEvent('hold', { after: mark });
  await expect(appUi(page).button('Resume')).toBeVisible();
  mark = await customer.mark();
  await appUi(page).button('Resume').click();
  await customer.waitForEvent('unhold', { after: mark });
  await expect(appUi(page).button('Hold')).toBeVisible();
  await appUi(page).button('Hang up').click();
  await customer.waitForEvent('ended');
  await expect(appUi(page).currentCall).toBeHidden();
  await expect(page.getByRole('region', { name: 'Agent assist' })).toBeHidden();
}

test('a sherpa-onnx model folder that does not exist: the pane says transcription is unavailable and why, the call works', async ({ app, peer }) => {
  const missing = join(tmpdir(), 'lingxi-no-such-model', 'sherpa-onnx-streaming-zipformer-zh');
  const { page } = await app(sherpaPolicy(missing));
  const problems = watchPageHealth(page);
  const customer = await peer({ user: '1004', wav: 'tone440' });
  const status = await answerMandarinCall(page, customer);

  // Bounded: the service starts, the engine refuses the folder, the pane says so (no hang on "Starting…").
  await expect(status).toContainText('Transcription is unavailable for this call', { timeout: 20_000 });
  await expect(status).toContainText(`sherpa-onnx model folder not found: ${missing}`);
  await expect(status).toContainText('The call itself is not affected');
  await expect(page.getByRole('log', { name: 'Transcript' })).toHaveText('No transcript for this call.');

  await expectCallKeepsWorking(page, customer);
  expect(problems).toEqual([]);
});

test('a sherpa-onnx model folder holding text files: unavailable, naming the file that is not a model', async ({ app, peer }) => {
  const folder = mkdtempSync(join(tmpdir(), 'lingxi-wrong-model-'));
  try {
    // What a failed download leaves behind: an HTML error page saved under every model file's name.
    for (const name of ['encoder.onnx', 'decoder.onnx', 'joiner.onnx']) writeFileSync(join(folder, name), '<html><body>404 Not Found</body></html>\n');
    writeFileSync(join(folder, 'tokens.txt'), '<blk> 0\n');
    const { page } = await app(sherpaPolicy(folder));
    const problems = watchPageHealth(page);
    const customer = await peer({ user: '1005', wav: 'tone440' });
    const status = await answerMandarinCall(page, customer);

    await expect(status).toContainText('Transcription is unavailable for this call', { timeout: 20_000 });
    await expect(status).toContainText(`${join(folder, 'encoder.onnx')} is not a usable ONNX model`);

    await expectCallKeepsWorking(page, customer);
    expect(problems).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
