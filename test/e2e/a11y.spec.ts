/**
 * Accessibility checked by a machine (issue 26 §3): axe-core over every main state of the desk — idle,
 * ringing, in a call with assist, the knowledge article, wrap-up, and the settings dialogs — in zh-CN,
 * zh-TW and English, each in the light and the dark theme: no serious or critical violation (colour
 * contrast ≥ 4.5:1 is one of axe's serious rules).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Language } from '@common/contract/policy';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from './fixtures/app';
import { deskPolicy, ringDesk } from './support/desk-call';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await ensureSpeechFixtures();
});

interface Finding {
  state: string;
  theme: string;
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * Runs every axe rule in the light theme and the colour rules again in the dark one (the markup is the same);
 * serious and critical findings are collected, not thrown, so one run lists them all.
 */
async function scan(page: Page, state: string, findings: Finding[]): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    // Violations only: axe skips collecting every passing node, several times faster on a full desk.
    const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
    const { violations } = await (theme === 'dark' ? axe.withRules(['color-contrast', 'link-in-text-block']) : axe).analyze();
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      findings.push({ state, theme, rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) });
    }
  }
}

/** Opens each header dialog (Keyboard shortcuts, Audio settings, Display settings), scans it, and closes it with Escape. */
async function scanDialogs(page: Page, findings: Finding[]): Promise<void> {
  const openers = page.locator('.app__header button[aria-haspopup="dialog"]');
  const count = await openers.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    const opener = openers.nth(i);
    const name = (await opener.innerText()).trim();
    await opener.click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    await scan(page, `dialog: ${name}`, findings);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  }
}

for (const language of ['zh-CN', 'zh-TW', 'en'] as Language[]) {
  test(`${language}: idle, settings dialogs, ringing, in a call with assist, the knowledge article and wrap-up have no serious or critical axe violations in either theme`, async ({ app, peer, crm }) => {
    // About 20 axe runs on a 2-core machine that also carries the call and its transcription.
    test.setTimeout(300_000);
    const { page } = await app(deskPolicy(crm, { language }), { wav: 'silence' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const findings: Finding[] = [];
    await expect(page.locator('.registration--registered')).toBeVisible();
    await scan(page, 'idle', findings);
    await scanDialogs(page, findings);

    const customer = await peer({ user: '1002', wav: 'speech:conversation' });
    await ringDesk(page, customer);
    await expect(page.locator('.customer-profile h2')).toContainText('Wang Fang');
    await scan(page, 'ringing', findings);

    await page.locator('button.answer').click();
    await customer.waitForEvent('confirmed');
    const card = page.locator('.assist__card').first();
    await expect(card).toBeVisible({ timeout: 30_000 });
    await scan(page, 'in call with assist', findings);

    await card.getByRole('button').click();
    await expect(page.locator('.kb-article')).toBeVisible();
    await scan(page, 'knowledge article', findings);

    await page.locator('button.hangup').click();
    await expect(page.locator('section.wrap-up')).toBeVisible();
    await scan(page, 'wrap-up', findings);

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}
