/**
 * One call of the shift, as an agent works it: the customer's leg set up (incoming: ring, a real click on
 * Answer, the answer → audio probe; outgoing: the agent dials an auto-answering customer), both tones
 * checked, hold/resume, keypad DTMF received by the customer as SIP INFO, then the ending the call's number
 * asks for (plain hang-up, a blind transfer or a three-way conference) and wrap-up with a code.
 */
import type { Page } from 'playwright-core';
import { armAnswerProbe, answerToAudioMs } from '../bench/answer-probe';
import type { Peer } from '../fixtures/peer/peer';
import { measureAudio, measureToneLevels, remoteAudio, toneMinRms, tonePresentDb } from '../e2e/support/audio-probe';

export type CallKind = 'incoming' | 'outgoing' | 'transfer' | 'conference';

/** How often the shift's calls end in a conference or a blind transfer (issue 25: every 50th, every 20th). */
export interface CallMix {
  conferenceEvery: number;
  transferEvery: number;
}
export const SHIFT_MIX: CallMix = { conferenceEvery: 50, transferEvery: 20 };
/** The short shift (CI, the bench): 20 calls with one transfer (call 10) and one conference (call 20). */
export const SHORT_MIX: CallMix = { conferenceEvery: 20, transferEvery: 10 };

/** Conference and transfer calls as `mix` says (a conference wins); the rest alternate incoming / outgoing. */
export function kindOf(call: number, mix: CallMix = SHIFT_MIX): CallKind {
  if (call % mix.conferenceEvery === 0) return 'conference';
  if (call % mix.transferEvery === 0) return 'transfer';
  return call % 2 === 1 ? 'incoming' : 'outgoing';
}

export interface CallParties {
  page: Page;
  /** 1002: the customer, 440 Hz. */
  customer: Peer;
  /** 1003: a colleague who auto-answers (transfer and conference target), 660 Hz. */
  colleague: Peer;
}

export interface CallResult {
  /** Real click on Answer → the customer's tone on the agent's player (incoming legs only). */
  answerToAudioMs?: number;
  /** How long each step took (ms), for the log. */
  steps: Record<string, number>;
}

const AGENT_HZ = 1000;
const CUSTOMER_HZ = 440;
const COLLEAGUE_HZ = 660;
const STEP_MS = 10_000;
const DTMF = ['1', '#'];

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits until `source` on `page` carries `hz` (±15 Hz) at an audible level, or fails with the last reading. */
async function hearTone(page: Page, hz: number, who: string, timeout = STEP_MS): Promise<void> {
  const end = Date.now() + timeout;
  let last = await measureAudio(page, remoteAudio, 300);
  while (!(last.state === 'ok' && Math.abs(last.hz - hz) <= 15 && last.rms > toneMinRms)) {
    if (Date.now() > end) throw new Error(`${who} does not hear ${hz} Hz: ${JSON.stringify(last)}`);
    last = await measureAudio(page, remoteAudio, 300);
  }
}

/** Waits until `page` hears every tone of `hzList` at once (a conference party hears the other two). */
async function hearTones(page: Page, hzList: number[], who: string, timeout = STEP_MS): Promise<void> {
  const end = Date.now() + timeout;
  let last = await measureToneLevels(page, remoteAudio, hzList, 300);
  while (!(last.state === 'ok' && last.levels.length === hzList.length && last.levels.every((db) => db > tonePresentDb))) {
    if (Date.now() > end) throw new Error(`${who} does not hear ${hzList.join(' + ')} Hz: ${JSON.stringify(last)}`);
    last = await measureToneLevels(page, remoteAudio, hzList, 300);
  }
}

async function connect(kind: CallKind, { page, customer }: CallParties): Promise<number | undefined> {
  const mark = await customer.mark();
  if (kind === 'outgoing') {
    await customer.setAutoAnswer(true);
    await page.getByRole('textbox', { name: 'Number' }).fill(customer.user);
    await button(page, 'Call').click();
    await customer.waitForEvent('confirmed', { after: mark, timeout: STEP_MS });
    await hearTone(page, CUSTOMER_HZ, 'the agent');
    await hearTone(customer.page, AGENT_HZ, 'the customer');
    return undefined;
  }
  await customer.setAutoAnswer(false);
  await customer.call('1001');
  const answer = button(page, 'Answer');
  await answer.waitFor({ timeout: STEP_MS });
  await armAnswerProbe(page, answer, CUSTOMER_HZ);
  await answer.click();
  const answerToAudio = await answerToAudioMs(page, STEP_MS);
  await customer.waitForEvent('confirmed', { after: mark, timeout: STEP_MS });
  await hearTone(customer.page, AGENT_HZ, 'the customer');
  return answerToAudio;
}

async function holdAndResume({ page, customer }: CallParties): Promise<void> {
  const mark = await customer.mark();
  await button(page, 'Hold').click();
  await customer.waitForEvent('hold', { after: mark, timeout: STEP_MS });
  await button(page, 'Resume').click();
  await customer.waitForEvent('unhold', { after: mark, timeout: STEP_MS });
  await button(page, 'Hold').waitFor({ timeout: STEP_MS });
}

async function sendDigits({ page, customer }: CallParties): Promise<void> {
  const mark = await customer.mark();
  const keypad = button(page, 'Keypad');
  if ((await keypad.getAttribute('aria-expanded')) !== 'true') await keypad.click();
  for (const key of DTMF) await button(page, key).click();
  const got = await customer.waitForCount('newDTMF', DTMF.length, { after: mark, timeout: STEP_MS });
  const tones = got.map((event) => event.tone).join('');
  if (tones !== DTMF.join('')) throw new Error(`the customer received DTMF "${tones}", sent "${DTMF.join('')}"`);
}

async function transferForm(page: Page, mode: 'Transfer' | 'Consult', target: string): Promise<void> {
  await button(page, mode).click();
  await page.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  await button(page, mode).click();
}

async function end(kind: CallKind, call: number, { page, customer, colleague }: CallParties): Promise<void> {
  const customerMark = await customer.mark();
  const colleagueMark = await colleague.mark();
  if (kind === 'transfer') {
    await transferForm(page, 'Transfer', colleague.user);
    await colleague.waitForEvent('confirmed', { after: colleagueMark, timeout: STEP_MS });
    await customer.waitForEvent('ended', { after: customerMark, timeout: STEP_MS }); // the agent's leg
    await hearTone(customer.page, COLLEAGUE_HZ, 'the transferred customer');
    const transferred = await customer.mark();
    await customer.hangup();
    await customer.waitForEvent('ended', { after: transferred, timeout: STEP_MS });
    await colleague.waitForEvent('ended', { after: colleagueMark, timeout: STEP_MS });
    return;
  }
  if (kind === 'conference') {
    await transferForm(page, 'Consult', colleague.user);
    await colleague.waitForEvent('confirmed', { after: colleagueMark, timeout: STEP_MS });
    await button(page, 'Conference').click();
    await customer.waitForEvent('unhold', { after: customerMark, timeout: STEP_MS });
    await hearTones(colleague.page, [AGENT_HZ, CUSTOMER_HZ], 'the colleague in the conference');
    await button(page, 'Hang up').click();
    await customer.waitForEvent('ended', { after: customerMark, timeout: STEP_MS });
    await colleague.waitForEvent('ended', { after: colleagueMark, timeout: STEP_MS });
    return;
  }
  // Who hangs up alternates every other call, so both ends' BYE paths run.
  if (Math.floor(call / 2) % 2 === 0) await button(page, 'Hang up').click();
  else await customer.hangup();
  await customer.waitForEvent('ended', { after: customerMark, timeout: STEP_MS });
}

async function wrapUp(page: Page): Promise<void> {
  const region = page.getByRole('region', { name: 'Wrap-up' });
  await region.waitFor({ timeout: STEP_MS });
  await page.getByRole('combobox', { name: 'Wrap-up code' }).selectOption({ index: 1 });
  await button(page, 'Finish wrap-up').click();
  await region.waitFor({ state: 'detached', timeout: STEP_MS });
  await page.getByRole('combobox', { name: 'Agent state' }).locator('option:checked', { hasText: 'Ready' }).waitFor({ state: 'attached', timeout: STEP_MS });
}

/** Runs one step and times it; a failure names the step. */
async function step<T>(steps: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await run();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  } finally {
    steps[name] = Date.now() - started;
  }
}

/** Works call number `call` (1-based) from ring to Ready; throws with the step that went wrong. */
export async function workCall(call: number, parties: CallParties, mix: CallMix = SHIFT_MIX): Promise<CallResult> {
  const kind = kindOf(call, mix);
  const steps: Record<string, number> = {};
  const answerToAudioMs = await step(steps, kind === 'outgoing' ? 'dial' : 'answer', () => connect(kind, parties));
  await step(steps, 'hold', () => holdAndResume(parties));
  await step(steps, 'dtmf', () => sendDigits(parties));
  await step(steps, kind === 'transfer' || kind === 'conference' ? kind : 'hangup', () => end(kind, call, parties));
  await step(steps, 'wrapup', () => wrapUp(parties.page));
  return answerToAudioMs === undefined ? { steps } : { answerToAudioMs, steps };
}

/** After a failed call: ends whatever is left on every side, so the next call starts clean. */
export async function clearUp({ page, customer, colleague }: CallParties): Promise<void> {
  await customer.hangup().catch(() => undefined);
  await colleague.hangup().catch(() => undefined);
  for (const name of ['Hang up', 'Decline']) {
    const control = button(page, name);
    if (await control.isVisible().catch(() => false)) await control.click().catch(() => undefined);
  }
  await button(page, 'Finish wrap-up')
    .click({ timeout: 3_000 })
    .catch(() => undefined);
}
