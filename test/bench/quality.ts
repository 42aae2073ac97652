/**
 * quality.mos: the MOS the app's own "Call quality" indicator shows (its data-mos, one value per
 * quality.sampleSeconds sample) over a ~20 s call, on clean loopback and with 5 % random loss on lo
 * (test/fixtures/impair: netem, or its NFQUEUE stand-in where the kernel has no netem).
 */
import type { Locator, Page } from 'playwright-core';
import { launchApp } from '../fixtures/app-host';
import { impairLoopback, type Impairment } from '../fixtures/impair/impair';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';

const CALL_MS = 20_000;

/** One condition's figures: MOS per indicator sample, and the loss the indicator measured. */
export interface MosFigure {
  median: number;
  min: number;
  max: number;
  n: number;
  /** Median packet loss the indicator showed, %: proof the impairment was in effect. */
  lossMedianPercent: number;
  /** Median mouth-to-ear delay fed to the E-model (RTT/2 + jitter buffer + Opus), ms: what else moved MOS. */
  delayMedianMs: number;
}

export interface QualityMosFigure {
  loss_0: MosFigure;
  loss_5: MosFigure;
  what: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Every sample the indicator shows during windowMs: a new data-sampled-at is a new sample. */
interface Reading {
  mos: number;
  loss: number;
  delay: number;
}

async function collect(status: Locator, windowMs: number): Promise<Reading[]> {
  const out: Reading[] = [];
  let last: string | null = null;
  const end = Date.now() + windowMs;
  while (Date.now() < end) {
    const [at, mos, loss, delay] = await Promise.all(
      ['data-sampled-at', 'data-mos', 'data-loss', 'data-delay'].map((name) => status.getAttribute(name, { timeout: 5_000 })),
    );
    if (at && at !== last && mos && loss && delay) {
      last = at;
      out.push({ mos: Number(mos), loss: Number(loss), delay: Number(delay) });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return out;
}

async function oneCall(page: Page, customer: Peer, lossPercent: number, log: (m: string) => void): Promise<MosFigure> {
  let impairment: Impairment | undefined;
  try {
    if (lossPercent > 0) impairment = await impairLoopback({ lossPercent });
    await page.getByRole('textbox', { name: 'Number' }).fill(customer.user);
    const mark = await customer.mark();
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await customer.waitForEvent('confirmed', { after: mark });
    const status = page.getByRole('status', { name: 'Call quality' });
    await status.and(page.locator('[data-sampled-at]')).waitFor({ timeout: 15_000 });
    const samples = await collect(status, CALL_MS);
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await customer.waitForEvent('ended', { after: mark });
    const mos = samples.map((s) => s.mos);
    if (mos.length === 0) throw new Error(`quality.mos: the Call quality indicator showed no sample in ${CALL_MS} ms`);
    log(`quality @${lossPercent}% loss (${impairment?.method ?? 'clean'}): MOS ${mos.join(' ')}`);
    log(`quality @${lossPercent}% loss: mouth-to-ear ms ${samples.map((s) => s.delay).join(' ')}`);
    return {
      median: round2(median(mos)),
      min: Math.min(...mos),
      max: Math.max(...mos),
      n: mos.length,
      lossMedianPercent: round2(median(samples.map((s) => s.loss))),
      delayMedianMs: Math.round(median(samples.map((s) => s.delay))),
    };
  } finally {
    await impairment?.remove();
  }
}

/** Runs one call per loss level with a fresh app and customer. */
export async function measureQualityMos(options: {
  sip: Kamailio;
  peerUrl: string;
  log: (message: string) => void;
}): Promise<{ 'quality.mos': QualityMosFigure }> {
  const app = await launchApp(buildPolicy());
  const customer = await Peer.launch({ user: '1005', wav: 'tone440', autoAnswer: true, pageUrl: options.peerUrl, wsUrl: options.sip.wsUrl });
  try {
    await app.page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    const loss0 = await oneCall(app.page, customer, 0, options.log);
    const loss5 = await oneCall(app.page, customer, 5, options.log);
    return {
      'quality.mos': {
        loss_0: loss0,
        loss_5: loss5,
        what: `MOS (ITU-T G.107 E-model) shown by the app's "Call quality" indicator, one value per 2 s getStats sample over a ${CALL_MS / 1000} s call, agent → auto-answering peer on loopback; loss_5 = 5 % random loss on lo (both directions)`,
      },
    };
  } finally {
    await customer.close();
    await app.close();
  }
}
