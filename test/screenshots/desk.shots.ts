/**
 * `npm run screenshots` (issue 26 §4): a scripted lost-card call on the test bed, photographed in each state —
 * idle, ringing, in a call with assist, the knowledge article, wrap-up — at 1366×768 and 1920×1080, in zh-CN,
 * zh-TW and English (and the in-call screen in the dark theme), into screenshots/ (git-ignored). The README's
 * pictures are copied to docs/screenshots/. Motion is reduced so the ringing glow stands still.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '@common/contract/policy';
import { repoRoot } from '../fixtures/paths';
import { ensureSpeechFixtures } from '../fixtures/speech/generate';
import { expect, test } from '../e2e/fixtures/app';
import { deskPolicy, ringDesk } from '../e2e/support/desk-call';

const out = join(repoRoot, 'screenshots');
const docs = join(repoRoot, 'docs', 'screenshots');
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** The pictures the README shows or links. */
const chosen = ['en/in-call-1366x768.png', 'zh-CN/in-call-1366x768.png', 'en/in-call-dark-1366x768.png', 'zh-CN/ringing-1366x768.png', 'en/in-call-1024x700.png'];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await ensureSpeechFixtures();
});

// After every language ran (a worker restarted by a failure runs this too: only what exists is copied).
test.afterAll(() => {
  mkdirSync(docs, { recursive: true });
  for (const file of chosen) if (existsSync(join(out, file))) copyFileSync(join(out, file), join(docs, file.replace('/', '-')));
});

async function shoot(page: Page, language: Language, state: string, only = sizes): Promise<void> {
  mkdirSync(join(out, language), { recursive: true });
  for (const size of only) {
    await page.setViewportSize(size);
    // Let the grid settle at the new size (one frame is enough; two to be sure).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(out, language, `${state}-${size.width}x${size.height}.png`) });
  }
}

for (const language of ['zh-CN', 'zh-TW', 'en'] as Language[]) {
  test(`the desk in ${language}`, async ({ app, peer, crm }) => {
    const { page } = await app(deskPolicy(crm, { language }), { wav: 'silence' });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize(sizes[0] ?? { width: 1366, height: 768 });
    await expect(page.locator('.registration--registered')).toBeVisible();
    await shoot(page, language, 'idle');

    const customer = await peer({ user: '1002', wav: 'speech:conversation' });
    await ringDesk(page, customer);
    await expect(page.locator('.customer-profile h2')).toContainText('Wang Fang');
    await shoot(page, language, 'ringing');

    await page.locator('button.answer').click();
    await customer.waitForEvent('confirmed');
    await expect(page.locator('.assist__card').first()).toBeVisible({ timeout: 30_000 });
    // The customer's first sentence in the transcript, as an agent sees it mid-call (a loaded machine's speech
    // service may restart before it hears anything: hence the minute).
    // A picture without the line still shows the layout: say so rather than fail the whole set.
    try {
      await expect(page.locator('.assist__line[data-final="true"]').first()).toBeVisible({ timeout: 60_000 });
    } catch (error) {
      process.stderr.write(`screenshots: ${language}: no transcript line within a minute, photographing without one (${String(error).split('\n')[0]})\n`);
    }
    await shoot(page, language, 'in-call');
    await shoot(page, language, 'in-call', [{ width: 1024, height: 700 }]);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await shoot(page, language, 'in-call-dark', [{ width: 1366, height: 768 }]);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

    await page.setViewportSize(sizes[0] ?? { width: 1366, height: 768 });
    await page.locator('.assist__card button').first().click();
    await expect(page.locator('.kb-article')).toBeVisible();
    await shoot(page, language, 'knowledge-article');

    await page.locator('button.hangup').click();
    await expect(page.locator('section.wrap-up')).toBeVisible();
    await shoot(page, language, 'wrap-up');
  });
}
