/**
 * Helpers for the call-control specs (call waiting, transfers, conference, faults): the Calls list,
 * each line's remote-audio element, the transfer forms.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures/app';
import { appUi } from './ui';

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
