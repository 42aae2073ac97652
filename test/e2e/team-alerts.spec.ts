/**
 * Alerts that reach the lead (issue 20 §3): the customer's spoken complaint (festival speech, local
 * transcription on the agent's desktop) shows on the lead's board within 1 s of the agent's own alert, with a
 * desktop notification and no transcript text; the agent's "Ask for help" lights the lead's row, and the
 * shortcut lowers the hand again.
 */
import type { Page } from '@playwright/test';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { AGENT_NAME, agentPolicy, leadPolicy, teamBoard } from './support/team';
import { appUi } from './support/ui';

test.beforeAll(async () => {
  await ensureSpeechFixtures();
});

/** Records the lead page's desktop notifications (title, body) instead of showing them. */
async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    class Recorded {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
}

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications);

/** Epoch ms at which an element matching `selector` with `text` first appears in the page. */
async function watchFor(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const holder = window as unknown as { __seenAt?: number };
      const check = () => {
        if (holder.__seenAt === undefined && [...document.querySelectorAll(selector)].some((el) => el.textContent?.includes(text))) holder.__seenAt = Date.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { selector, text },
  );
}
const seenAt = (page: Page) => page.evaluate(() => (window as unknown as { __seenAt?: number }).__seenAt ?? Number.NaN);

test("a customer's complaint raises the alert on the lead's board within 1 s, with a notification and no transcript text", async ({ app, peer }) => {
  test.setTimeout(120_000);
  const agent = await app(agentPolicy({}, { transcription: { provider: 'local' } }), { wav: 'silence' });
  const lead = await app(leadPolicy());
  await recordNotifications(lead.page);
  const row = teamBoard(lead.page).row(AGENT_NAME);
  await expect(row.getByRole('cell').nth(0)).toHaveText('Ready');
  await expect(appUi(agent.page).status).toHaveText('Registered');

  const customer = await peer({ user: '1002', wav: 'speech:complaint' });
  await customer.call('1001');
  await appUi(agent.page).button('Answer').click();
  await customer.waitForEvent('confirmed');
  await expect(row.getByRole('cell').nth(0)).toHaveText('On call');
  await watchFor(agent.page, '[role="alert"]', 'omplaint');
  await watchFor(lead.page, '.team-row__alerts li', 'Keyword alert');

  const alerts = row.getByRole('cell').nth(8);
  await expect(alerts).toContainText(/Keyword alert at \d\d:\d\d:\d\d/, { timeout: 30_000 });
  const delay = (await seenAt(lead.page)) - (await seenAt(agent.page));
  expect(delay, "the agent's alert → the lead's board (ms)").toBeLessThan(1000);
  test.info().annotations.push({ type: "agent's alert → lead's board (ms)", description: String(delay) });
  // shareTranscript is off: the kind and the time, never what was said.
  await expect(alerts).not.toContainText(/complaint/i);
  await expect(row).toHaveClass(/team-row--alerts/);
  // The alert sits in "Recent alerts", where the row's actions go (Listen, once the calls half fills the slot).
  await expect(teamBoard(lead.page).region.getByRole('region', { name: 'Recent alerts' })).toContainText(`${AGENT_NAME}: Keyword alert at`);
  await expect.poll(() => notifications(lead.page)).toContainEqual({ title: `${AGENT_NAME} needs attention`, body: 'Keyword alert' });
});

test("the agent's Ask for help lights the lead's row; the shortcut lowers the hand", async ({ app }) => {
  const agent = await app(agentPolicy());
  const lead = await app(leadPolicy());
  await recordNotifications(lead.page);
  const row = teamBoard(lead.page).row(AGENT_NAME);
  await expect(row.getByRole('cell').nth(0)).toHaveText('Ready');

  const ask = appUi(agent.page).button('Ask for help');
  await ask.click();
  await expect(ask).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toHaveClass(/team-row--help/);
  await expect(row.getByRole('cell').nth(8)).toContainText(/Asks for help at/);
  await expect.poll(() => notifications(lead.page)).toContainEqual({ title: `${AGENT_NAME} needs attention`, body: 'Asks for help' });

  await agent.page.keyboard.press('Control+Alt+KeyQ');
  await expect(ask).toHaveAttribute('aria-pressed', 'false');
  await expect(row).not.toHaveClass(/team-row--help/);
  await expect(row.getByRole('cell').nth(8)).toHaveText('');
});
