/**
 * supervision.board_ms: the agent changes state (Not ready ↔ Ready, alternately, through the real
 * "Agent state" select) → the lead's board shows it. Start: the select's `change` event in the agent's page
 * (capture phase); end: a MutationObserver in the lead's page sees the row's state cell change to the new
 * text. Both instants are epoch ms via performance.timeOrigin (two browsers, one machine). The path is
 * the whole product one: agent store → NOTIFY → Kamailio → the lead's Subscriber → store → React.
 */
import type { Page } from 'playwright-core';
import { launchApp } from '../fixtures/app-host';
import { AGENT_NAME, agentPolicy, leadPolicy } from '../fixtures/team-policy';
import { summarize, type Figure } from './stats';

export interface SupervisionBoardBenchOptions {
  samples: number;
  log(message: string): void;
}

/** Arms the lead page to record when the agent's state cell first reads `text`. */
async function armLead(page: Page, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const holder = window as unknown as { __boardAt?: number };
      holder.__boardAt = undefined;
      const observer = new MutationObserver(() => {
        if (holder.__boardAt === undefined && document.querySelector(`tr[aria-label="${name}"] td`)?.textContent?.startsWith(text)) {
          holder.__boardAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { name: AGENT_NAME, text },
  );
}

/** Arms the agent page to record when its Agent state select changes. */
async function armAgent(page: Page): Promise<void> {
  await page.evaluate(() => {
    const holder = window as unknown as { __changedAt?: number };
    holder.__changedAt = undefined;
    document.addEventListener('change', () => (holder.__changedAt ??= performance.timeOrigin + performance.now()), { capture: true, once: true });
  });
}

export async function measureSupervisionBoard({ samples, log }: SupervisionBoardBenchOptions): Promise<Record<string, Figure>> {
  const agent = await launchApp(agentPolicy());
  const lead = await launchApp(leadPolicy());
  try {
    const agentState = agent.page.getByRole('combobox', { name: 'Agent state' });
    const row = lead.page.getByRole('table', { name: 'Agents' }).getByRole('row', { name: AGENT_NAME, exact: true });
    await row.locator('td').first().filter({ hasText: /^Ready$/ }).waitFor({ timeout: 20_000 });
    const out: number[] = [];
    // One warm-up change (first NOTIFY paths, JIT) before the samples.
    for (let i = 0; i <= samples; i++) {
      const next = i % 2 === 0 ? 'Not ready' : 'Ready';
      await armLead(lead.page, next);
      await armAgent(agent.page);
      await agentState.selectOption({ label: next });
      const shownAt = await lead.page.waitForFunction(() => (window as unknown as { __boardAt?: number }).__boardAt, undefined, { timeout: 10_000, polling: 20 });
      const changedAt = await agent.page.evaluate(() => (window as unknown as { __changedAt?: number }).__changedAt ?? Number.NaN);
      const ms = ((await shownAt.jsonValue()) as number) - changedAt;
      if (i > 0) {
        out.push(ms);
        log(`board #${i}: ${ms.toFixed(1)} ms (${next})`);
      }
    }
    return {
      'supervision.board_ms': summarize(
        out,
        "agent's Agent state select changes (Not ready ↔ Ready) → the lead's Agents row shows it: NOTIFY through Kamailio on loopback, epoch ms across two browsers, after one warm-up",
      ),
    };
  } finally {
    await agent.close();
    await lead.close();
  }
}
