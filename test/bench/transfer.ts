/**
 * call.transfer_ms: blind transfer from the agent's click to the transferred call being up. Measured
 * from the app's 'lingxi:refer-sent' mark (set as the engine sends REFER) to the transfer target's
 * 'confirmed' (ACK received: the customer is talking to it). The two pages have their own clocks, so
 * both instants become epoch times via performance.timeOrigin (same machine, sub-ms).
 */
import type { Page } from 'playwright-core';
import { launchApp } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { summarize, type Figure } from './stats';

export interface TransferBenchOptions {
  sip: Kamailio;
  peerUrl: string;
  samples: number;
  log(message: string): void;
}

/** Epoch ms of the newest 'lingxi:refer-sent' mark in the app. */
function referSentAt(page: Page): Promise<number> {
  return page
    .waitForFunction(
      () => {
        const marks = performance.getEntriesByName('lingxi:refer-sent', 'mark');
        const last = marks[marks.length - 1];
        return last ? performance.timeOrigin + last.startTime : undefined;
      },
      undefined,
      { timeout: 10_000, polling: 20 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** One customer call answered by the agent and blind-transferred to the colleague; returns ms. */
async function transferOnce(page: Page, customer: Peer, colleague: Peer): Promise<number> {
  const incoming = page.getByRole('region', { name: 'Incoming call' });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
  await page.evaluate(() => performance.clearMarks('lingxi:refer-sent'));
  const customerMark = await customer.mark();
  const colleagueMark = await colleague.mark();
  await customer.call('1001');
  await incoming.waitFor();
  await button('Answer').click();
  await customer.waitForEvent('confirmed', { after: customerMark });
  await button('Transfer').click();
  await page.getByRole('textbox', { name: 'Transfer to' }).fill(colleague.user);
  await button('Transfer').click();
  const confirmed = await colleague.waitForEvent('confirmed', { after: colleagueMark });
  const [sent, origin] = await Promise.all([referSentAt(page), colleague.page.evaluate(() => performance.timeOrigin)]);
  // Back to idle: the agent's leg ended on the NOTIFY; the colleague hangs up the transferred call.
  await button('Hang up').waitFor({ state: 'detached' });
  await colleague.hangup();
  await colleague.waitForEvent('ended', { after: colleagueMark });
  return origin + confirmed.at - sent;
}

/** Runs `samples` blind transfers (customer 1002 → agent 1001 → colleague 1003, auto-answering). */
export async function measureTransfer({ sip, peerUrl, samples, log }: TransferBenchOptions): Promise<Record<string, Figure>> {
  const app = await launchApp(buildPolicy());
  const closers: (() => Promise<void>)[] = [() => app.close()];
  try {
    const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerUrl, wsUrl: sip.wsUrl });
    closers.unshift(() => customer.close());
    const colleague = await Peer.launch({ user: '1003', wav: 'tone660', pageUrl: peerUrl, wsUrl: sip.wsUrl, autoAnswer: true });
    closers.unshift(() => colleague.close());
    // One uncounted round first: each browser's first call opens its fake microphone and warms up WebRTC.
    log(`transfer warm-up: ${(await transferOnce(app.page, customer, colleague)).toFixed(1)} ms`);
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      out.push(await transferOnce(app.page, customer, colleague));
      log(`transfer #${i + 1}: ${out.at(-1)?.toFixed(1)} ms`);
    }
    return {
      'call.transfer_ms': summarize(
        out,
        "blind transfer: app mark 'lingxi:refer-sent' (REFER handed to JsSIP) → transfer target's call confirmed (ACK), after one uncounted warm-up transfer; Kamailio and JsSIP peers on loopback",
      ),
    };
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}
