/**
 * recording.tap_recovery_ms: the recording tap worker is killed mid-call (it closes itself, as a crash
 * ends it) → both parties hear each other again, for good. Each sample is a fresh app (a dead tap is not
 * replaced for later calls) and a 440 Hz customer; the level of each side's remote audio is logged every
 * ~20 ms in its page, and the sample is the later of the two moments sound came back to stay.
 */
import { backAfter, killTapWorker, readLevelLog, startLevelLog } from '../e2e/support/audio-gap';
import { launchApp } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { summarize, type Figure } from './stats';

export interface RecoveryBenchOptions {
  sip: Kamailio;
  peerUrl: string;
  log(message: string): void;
  /** Calls (each with its own app); default 5. */
  samples?: number;
}

/** How long after the kill the level logs are read: sound must be back and steady well before. */
const OBSERVE_MS = 3000;

async function recoveryOnce({ sip, peerUrl, log }: RecoveryBenchOptions): Promise<number> {
  const app = await launchApp(buildPolicy({ recording: { mode: 'always' } }));
  const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerUrl, wsUrl: sip.wsUrl }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  try {
    const { page } = app;
    await page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    await customer.call('1001');
    await page.getByRole('region', { name: 'Incoming call' }).waitFor();
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await customer.waitForEvent('confirmed');
    await page.getByRole('status', { name: 'Recording', exact: true }).filter({ hasText: /^Recording$/ }).waitFor();
    await page.waitForTimeout(2000);
    await Promise.all([startLevelLog(page), startLevelLog(customer.page)]);
    const killedAt = await killTapWorker(page);
    await page.waitForTimeout(OBSERVE_MS);
    const [agent, heard] = await Promise.all([readLevelLog(page), readLevelLog(customer.page)]);
    const agentBack = backAfter(agent, killedAt);
    const customerBack = backAfter(heard, killedAt);
    if (agentBack === null || customerBack === null) {
      throw new Error(`audio did not come back within ${OBSERVE_MS} ms of the tap worker dying (agent ${agentBack}, customer ${customerBack})`);
    }
    log(`recording tap recovery: the agent hears the customer after ${agentBack} ms, the customer the agent after ${customerBack} ms`);
    return Math.max(agentBack, customerBack);
  } finally {
    await customer.close();
    await app.close();
  }
}

export async function measureTapRecovery(options: RecoveryBenchOptions): Promise<Record<string, Figure>> {
  const out: number[] = [];
  for (let i = 0; i < (options.samples ?? 5); i++) {
    out.push(await recoveryOnce(options));
    options.log(`recording tap recovery #${i + 1}: ${out.at(-1)} ms`);
  }
  return {
    'recording.tap_recovery_ms': summarize(
      out,
      "recording tap worker killed mid-call (it closes itself) → both parties' remote audio back above 0.05 RMS for ≥ 300 ms (the later side), levels logged every 20 ms in each page; a fresh app per sample",
    ),
  };
}
