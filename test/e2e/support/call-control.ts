/**
 * Helpers for the call-control specs (call waiting, transfers, conference, faults): the Calls list,
 * each line's remote-audio element, the transfer forms.
 */
import type { Locator, Page } from '@playwright/test';
import type { AppInstance } from '../../fixtures/app-host';
import type { Peer } from '../../fixtures/peer/peer';
import { expect, type PeerSpec } from '../fixtures/app';
import { answerFrom } from './calls';
import { appUi, type AppUi } from './ui';

/** Tones: the agent's fake microphone, the customer's, the colleague's (tone660.wav). */
export const AGENT_HZ = 1000;
export const CUSTOMER_HZ = 440;
export const COLLEAGUE_HZ = 660;

/** The app's player of the line to `number` (one per line; the probe reads it). */
export function lineAudio(number: string): string {
  return `[data-call-number="${number}"] [data-testid="remote-audio"]`;
}

/** The "Calls" list and its item for `number`. */
export function callsList(page: Page): { list: Locator; item(number: string): Locator } {
  const list = page.getByRole('list', { name: 'Calls' });
  return { list, item: (number) => list.getByRole('listitem').filter({ hasText: number }) };
}

/** Opens the Transfer (or Consult) form, types the number and submits it with the form's button. */
export async function submitTransfer(page: Page, mode: 'Transfer' | 'Consult', target: string): Promise<void> {
  const ui = appUi(page);
  await ui.button(mode).click();
  await page.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  await ui.button(mode).click();
  await expect(page.getByRole('textbox', { name: 'Transfer to' })).toHaveCount(0);
}

/**
 * The common three-party start: the agent is registered and has answered customer 1002 (440 Hz) while
 * colleague 1003 (660 Hz) waits registered, auto-answering unless told otherwise.
 */
export async function agentWithCustomerAndColleague(
  app: () => Promise<AppInstance>,
  peer: (spec: PeerSpec) => Promise<Peer>,
  colleagueAutoAnswer = true,
): Promise<{ page: Page; ui: AppUi; customer: Peer; colleague: Peer }> {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  const colleague = await peer({ user: '1003', wav: 'tone660', autoAnswer: colleagueAutoAnswer });
  await answerFrom(page, customer);
  return { page, ui, customer, colleague };
}
