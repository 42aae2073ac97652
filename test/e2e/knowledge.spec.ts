import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { e2eArticles, packageJson, writePackageFile } from '../fixtures/knowledge/packages';
import { KnowledgeServer } from '../fixtures/knowledge/server';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';

function knowledgeUi(page: Page) {
  return {
    search: page.getByRole('searchbox', { name: 'Search knowledge' }),
    results: page.getByRole('list', { name: 'Knowledge results' }),
    article: page.getByRole('region', { name: 'Article' }),
  };
}

/** Ctrl+K from wherever focus is, then type: the searchbox must take the keys. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(knowledgeUi(page).search).toBeFocused();
  await page.keyboard.insertText(query);
}

test('with the knowledge server down, Ctrl+K finds the lost-card article in English and Chinese and shows it', async ({ app }) => {
  const server = new KnowledgeServer();
  await server.start();
  await server.stop(); // the sync URL refuses connections, as when the network is down
  const { page } = await app(buildPolicy({ knowledge: { packagePath: writePackageFile(), syncUrl: server.syncUrl } }));
  const ui = knowledgeUi(page);
  await expect(page.getByText('3 articles')).toBeVisible();
  await expect(page.getByText('Offline: searching the copy on this computer')).toBeVisible();
  await expect(page.getByText(/Sync failed: knowledge server not reachable/)).toBeVisible();

  // Ctrl+K works from anywhere, even while typing a number in the dialer.
  await page.getByRole('textbox', { name: 'Number' }).fill('1002');
  await searchFor(page, 'lost card');
  await expect(page.getByRole('textbox', { name: 'Number' })).toHaveValue('1002');
  const first = ui.results.getByRole('listitem').first();
  await expect(first).toContainText('How do I report a lost card?');
  await expect(first.locator('mark').first()).toHaveText(/lost|card/i);
  await first.getByRole('button').click();
  await expect(ui.article).toContainText('Block the card at once');
  await expect(ui.article.getByRole('heading', { name: '处理步骤' })).toBeVisible();
  await expect(ui.article.locator('strong')).toHaveText('临时挂失');

  await ui.search.fill('');
  await searchFor(page, '掛失'); // Traditional: folds to 挂失
  await expect(ui.results.getByRole('listitem').first()).toContainText('银行卡丢失如何挂失');
});

test('a corrupt package is rejected with its problems and the previous knowledge base keeps working', async ({ app }) => {
  const packagePath = writePackageFile();
  const instance = await app(buildPolicy({ knowledge: { packagePath } }));
  const { page } = instance;
  await expect(page.getByText('3 articles')).toBeVisible();

  writeFileSync(packagePath, packageJson([{ id: 'x', title: '', lang: 'zh-CN', updatedAt: 'soon' }]));
  await instance.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Knowledge package' });
  await expect(alert).toContainText('rejected (2 problems); the previous knowledge base stays in use');
  await expect(alert).toContainText('articles[0].title: must not be empty');
  await expect(page.getByText('3 articles')).toBeVisible();
  await searchFor(page, 'I lost my card');
  await expect(knowledgeUi(page).results.getByRole('listitem').first()).toContainText('How do I report a lost card?');

  writeFileSync(packagePath, '{"format": "lingxi-knowledge", "version": 1, "articles": [');
  await instance.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible();
  await searchFor(page, '挂失');
  await expect(knowledgeUi(page).results.getByRole('listitem').first()).toContainText('银行卡丢失如何挂失');
});

test('delta sync adds articles in the background, skips and reports a bad one, and resumes from its cursor', async ({ app }) => {
  const server = new KnowledgeServer();
  await server.start();
  server.pageSize = 1;
  server.publish(
    { id: 'card-swallowed', title: 'The ATM swallowed my card', questions: ['ATM ate my card', '卡被ATM吞了'], body: 'Call the ATM owner bank.', lang: 'en', updatedAt: '2025-03-02T00:00:00Z' },
    { id: 'broken', title: '', lang: 'en', updatedAt: '2025-03-02T00:00:00Z' },
  );
  try {
    const instance = await app(buildPolicy({ knowledge: { packagePath: writePackageFile(), syncUrl: server.syncUrl } }));
    const { page } = instance;
    await expect(page.getByText('4 articles')).toBeVisible();
    await expect(page.getByText(/^Last synced/)).toBeVisible();
    await expect(page.getByText('Sync skipped 1 invalid articles:')).toBeVisible();
    await searchFor(page, 'ATM ate my card');
    await expect(knowledgeUi(page).results.getByRole('listitem').first()).toContainText('The ATM swallowed my card');
    expect(server.requests.map((r) => r.since)).toEqual([undefined, 'r1']);

    // A restart asks only for what came after the committed cursor, with the ETag: nothing new (304).
    await instance.reload();
    await expect(page.getByText('4 articles')).toBeVisible();
    await expect.poll(() => server.requests.length).toBe(3);
    expect(server.requests[2]).toEqual({ since: 'r2', ifNoneMatch: '"r2"' });
  } finally {
    await server.stop();
  }
});

test('a hostile 200 KB article opens at once, shows its first part with "Show more", and the window stays usable', async ({ app }) => {
  const hostile = {
    id: 'hostile',
    title: 'Unclosed brackets',
    questions: ['unclosed brackets'],
    body: `Read this first.\n\n${'[a]('.repeat(49_990)}`,
    lang: 'en',
    updatedAt: '2025-03-02T00:00:00Z',
  };
  const { page } = await app(buildPolicy({ knowledge: { packagePath: writePackageFile(packageJson([...e2eArticles, hostile])) } }));
  await expect(page.getByText('4 articles')).toBeVisible();
  await searchFor(page, 'unclosed brackets');
  const started = Date.now();
  await knowledgeUi(page).results.getByRole('listitem').first().getByRole('button').click();
  const article = knowledgeUi(page).article;
  await expect(article).toContainText('Read this first.');
  const more = article.getByRole('button', { name: 'Show more' });
  await expect(more).toBeVisible();
  // The old reader spent 13 s here on the renderer thread; the dialer answers within a second or two.
  await page.getByRole('textbox', { name: 'Number' }).fill('1002');
  await expect(page.getByRole('textbox', { name: 'Number' })).toHaveValue('1002');
  expect(Date.now() - started).toBeLessThan(5000);
  const shown = (await article.textContent())?.length ?? 0;
  await more.click();
  await expect.poll(async () => (await article.textContent())?.length ?? 0).toBeGreaterThan(shown);
});
