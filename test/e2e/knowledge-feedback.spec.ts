/**
 * The search-feedback loop for KB authors (issue 24 §2, policy knowledge.feedbackExport): with the policy on,
 * opening a search result keeps the anonymised query against the article, and "Export search feedback"
 * downloads it as JSON Lines of candidate similar questions; with it off there is no button and nothing is kept.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { writePackageFile } from '../fixtures/knowledge/packages';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';

const CARD = '6222 0212 3456 7894'; // passes the Luhn check
const EXPORT = 'Export search feedback';

/** Searches from the box and opens the result whose title contains `title`; returns when the article shows. */
async function searchAndOpen(page: Page, query: string, title: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search knowledge' });
  await search.fill(query);
  await page.getByRole('list', { name: 'Knowledge results' }).getByRole('button').filter({ hasText: title }).click();
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(title);
}

/**
 * What the page's database holds in kbFeedback. A read-only transaction opened now runs after the write an
 * opened article queued (IndexedDB runs overlapping transactions in the order they were created).
 */
function storedFeedback(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('lingxi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('kbFeedback', 'readonly').objectStore('kbFeedback').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            resolve(read.result as unknown[]);
          };
        };
      }),
  );
}

test('with knowledge.feedbackExport on, opened results export as candidate similar questions, card numbers cut out', async ({ app }) => {
  const { page } = await app(buildPolicy({ knowledge: { packagePath: writePackageFile(), feedbackExport: true } }));
  await expect(page.getByText('3 articles')).toBeVisible();

  await searchAndOpen(page, 'my card is gone', 'How do I report a lost card?');
  await searchAndOpen(page, `卡号 ${CARD} 不见了`, 'How do I report a lost card?');
  await searchAndOpen(page, 'my card is gone', 'How do I report a lost card?');
  await searchAndOpen(page, 'I lost my card', 'How do I report a lost card?'); // already a similar question
  await searchAndOpen(page, '余额还剩多少', 'How do I check my balance?');
  // Read at once after the last open, as the policy-off test does: its entry is there already.
  const stored = JSON.stringify(await storedFeedback(page));
  expect(stored).toContain('"query":"余额还剩多少","articleId":"balance"');
  expect(stored).toContain('卡号 不见了');
  expect(stored).not.toMatch(/6222|7894/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: EXPORT }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lingxi-search-feedback-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).not.toMatch(/6222|7894|0212|3456/);
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
  const lostCard = '银行卡丢失如何挂失？ How do I report a lost card?';
  expect(lines).toEqual([
    { articleId: 'balance', title: '如何查询余额？ How do I check my balance?', query: '余额还剩多少', count: 1 },
    { articleId: 'card-lost', title: lostCard, query: 'my card is gone', count: 2 },
    { articleId: 'card-lost', title: lostCard, query: '卡号 不见了', count: 1 },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 candidate similar questions.' })).toBeVisible();
});

test('with knowledge.feedbackExport off (the default), there is no export and opening a result keeps nothing', async ({ app }) => {
  const { page } = await app(buildPolicy({ knowledge: { packagePath: writePackageFile() } }));
  await expect(page.getByText('3 articles')).toBeVisible();
  await searchAndOpen(page, 'my card is gone', 'How do I report a lost card?');
  await searchAndOpen(page, '余额还剩多少', 'How do I check my balance?');
  expect(await storedFeedback(page)).toEqual([]);
  await expect(page.getByRole('button', { name: EXPORT })).toHaveCount(0);
});
