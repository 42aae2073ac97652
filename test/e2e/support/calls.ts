/** Call set-ups the specs share: a customer peer calling the agent, the agent dialling a customer. */
import type { Page } from '@playwright/test';
import type { Peer } from '../../fixtures/peer/peer';
import { expect } from '../fixtures/app';
import { expectTone, remoteAudio } from './audio-probe';
import { appUi } from './ui';

/** The customer calls agent 1001 and the Incoming call region shows the customer's number. */
export async function ringAgent(page: Page, customer: Peer): Promise<void> {
  await customer.call('1001');
  await expect(appUi(page).incoming).toContainText(customer.user);
}

/** Rings the agent, clicks Answer and waits until the customer's call is confirmed. */
export async function answerFrom(page: Page, customer: Peer): Promise<void> {
  await ringAgent(page, customer);
  await appUi(page).button('Answer').click();
  await customer.waitForEvent('confirmed');
}

/** The agent dials an auto-answering customer and waits until the customer answered. */
export async function dial(page: Page, customer: Peer, via: 'button' | 'enter' = 'button'): Promise<void> {
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  await ui.number.fill(customer.user);
  if (via === 'enter') await ui.number.press('Enter');
  else await ui.button('Call').click();
  await customer.waitForEvent('confirmed');
}

/**
 * The registered agent answers customer 1002 (440 Hz) and both hear each other: the starting point of
 * the specs about what happens to a call in progress.
 */
export async function talkingToCustomer(page: Page, peer: (spec: { user: string; wav: 'tone440' }) => Promise<Peer>): Promise<Peer> {
  await expect(appUi(page).status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(page, customer);
  await expectTwoWayAudio(page, customer);
  return customer;
}

/** Customer hears the agent's 1000 Hz, the agent hears the customer's tone. */
export async function expectTwoWayAudio(page: Page, customer: Peer, customerHz = 440): Promise<void> {
  await expectTone(customer.page, remoteAudio, 1000);
  await expectTone(page, remoteAudio, customerHz);
}
