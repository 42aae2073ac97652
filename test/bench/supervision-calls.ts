/**
 * The supervision group's call figures (issue 20 §6), agent 1001 on a call with customer 1002 (440 Hz),
 * lead 1003 (1600 Hz) clicking on the agent's row of the real team board:
 * - supervision.join_ms: real click on Listen → first 440 Hz energy on the lead's remote audio;
 * - supervision.customer_delay_ms: the agent's Unmute click → the customer hears the agent's 1000 Hz again,
 *   while listened to minus without supervision, paired (what listening adds to the customer's path).
 */
import type { Page } from 'playwright-core';
import { generateSupervisionKeyPair } from '@common/supervision/supervision-signing';
import { launchApp } from '../fixtures/app-host';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { agentPolicy, AGENT_NAME, LEAD, leadPolicy, teamBoard } from '../e2e/support/team';
import { answerToAudioMs, armAnswerProbe } from './answer-probe';
import { armClick, armOnset, clickedAt, onsetAt, onsetQuiet } from './onset-probe';
import { summarize, type Figure } from './stats';

export interface SupervisionBenchOptions {
  sip: Kamailio;
  peerUrl: string;
  samples: number;
  log(message: string): void;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** One Unmute → customer hears the agent, in ms. */
async function unmuteDelay(agent: Page, customer: Peer): Promise<number> {
  await button(agent, 'Mute').click();
  await armOnset(customer.page, 1000);
  await onsetQuiet(customer.page);
  await armClick(button(agent, 'Unmute'));
  await button(agent, 'Unmute').click();
  const [clicked, heard] = await Promise.all([clickedAt(agent), onsetAt(customer.page)]);
  return heard - clicked;
}

const median = (values: number[]): number => summarize(values, '').median;

export async function measureSupervisionCalls({ sip, peerUrl, samples, log }: SupervisionBenchOptions): Promise<Record<string, Figure>> {
  const pair = await generateSupervisionKeyPair();
  const agent = await launchApp(agentPolicy({ leads: [{ uri: LEAD.uri, name: 'Lead', publicKey: pair.publicKey }] }));
  const closers: (() => Promise<void>)[] = [() => agent.close()];
  try {
    const lead = await launchApp(leadPolicy(), { wav: 'tone1600' });
    closers.unshift(() => lead.close());
    const customer = await Peer.launch({ user: '1002', wav: 'tone440', pageUrl: peerUrl, wsUrl: sip.wsUrl });
    closers.unshift(() => customer.close());
    const panel = lead.page.getByRole('region', { name: 'Supervision' });
    await panel.getByText('Supervision key', { exact: true }).click();
    await panel.getByLabel('Supervision private key').fill(pair.privateKey);
    await button(lead.page, 'Save key').click();
    await agent.page.getByRole('status', { name: 'Registration status' }).filter({ hasText: /^Registered$/ }).waitFor();
    await customer.call('1001');
    await agent.page.getByRole('region', { name: 'Incoming call' }).waitFor();
    await button(agent.page, 'Answer').click();
    await customer.waitForEvent('confirmed');
    const row = teamBoard(lead.page).row(AGENT_NAME);
    const listen = row.getByRole('button', { name: 'Listen', exact: true });
    const status = lead.page.getByRole('status', { name: 'Supervision' });
    await listen.and(lead.page.locator(':enabled')).waitFor();

    const joins: number[] = [];
    // One uncounted round first: the lead's first call opens its fake microphone and warms up WebRTC.
    for (let i = 0; i <= samples; i++) {
      await armAnswerProbe(lead.page, listen, 440);
      await listen.click();
      const ms = await answerToAudioMs(lead.page);
      if (i > 0) joins.push(ms);
      // Where the time went: signing (click → 'lingxi:supervision-signed'), the rest is the call set-up and media.
      const signed = await lead.page.evaluate(() => {
        const mark = performance.getEntriesByName('lingxi:supervision-signed', 'mark').at(-1);
        const click = (window as Window & { __lingxiAnswerProbe?: { clickAt?: number } }).__lingxiAnswerProbe?.clickAt;
        return mark && click !== undefined ? mark.startTime - click : Number.NaN;
      });
      log(`supervision join ${i === 0 ? 'warm-up' : `#${i}`}: ${ms.toFixed(1)} ms (signed after ${signed.toFixed(1)} ms)`);
      await button(lead.page, 'Stop supervising').click();
      await status.waitFor({ state: 'detached' });
    }

    // Pairs, each without and while listened to, in alternating order: the unmute → audio time drifts
    // over a call (the receiver's jitter buffer settles), so only a pair's difference is compared.
    for (let i = 0; i < 3; i++) log(`unmute warm-up: ${(await unmuteDelay(agent.page, customer)).toFixed(0)} ms`);
    const without: number[] = [];
    const listened: number[] = [];
    const listened_ = async () => {
      await listen.click();
      await status.filter({ hasText: /^Listening/ }).waitFor();
      listened.push(await unmuteDelay(agent.page, customer));
      await button(lead.page, 'Stop supervising').click();
      await status.waitFor({ state: 'detached' });
    };
    for (let i = 0; i < samples; i++) {
      if (i % 2) await listened_();
      without.push(await unmuteDelay(agent.page, customer));
      if (i % 2 === 0) await listened_();
      log(`customer delay pair #${i + 1}: without ${without.at(-1)?.toFixed(0)} ms, listened to ${listened.at(-1)?.toFixed(0)} ms`);
    }
    const added = listened.map((value, i) => value - (without[i] ?? Number.NaN));
    return {
      'supervision.join_ms': summarize(joins, "real click on Listen on the lead's board row → first 440 Hz (customer) energy on the lead's remote audio (AnalyserNode, 5 ms poll), after one uncounted warm-up; signed INVITE through Kamailio on loopback"),
      'supervision.customer_delay_ms': summarize(
        added,
        `agent's Unmute click → customer hears 1000 Hz again (5 ms poll), while the lead listens minus without supervision, in pairs of alternating order (without: median ${median(without).toFixed(1)} ms; listened to: ${median(listened).toFixed(1)} ms); the customer leg keeps the raw microphone track in listen`,
      ),
    };
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}
