/**
 * Issue 25 §1: the 49 RFC 4475 torture messages from a hostile SIP server (test/fixtures/hostile-sip). One
 * app, registered as sip:user@example.com (the user the messages address), gets every message in
 * sequence; for each the spec records what the app answered and judges it (verdict.ts). The results go to
 * test/.run/sip-torture.json and, as the README's Markdown table, to test/.run/sip-torture.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp } from '../fixtures/app-host';
import { HostileSipServer } from '../fixtures/hostile-sip/server';
import { loadCases } from '../fixtures/hostile-sip/torture';
import { judge, toMarkdown, type CaseResult } from '../fixtures/hostile-sip/verdict';
import { runRoot } from '../fixtures/paths';
import { buildPolicy } from '../fixtures/policy';
import { runCase } from './support/sip-torture';
import { appUi } from './support/ui';

test('RFC 4475 torture messages: no crash, still registered, valid ones answered, invalid ones rejected or dropped', async () => {
  test.setTimeout(300_000);
  const server = new HostileSipServer();
  await server.start();
  const app = await launchApp(buildPolicy({ sip: { servers: [server.wsUrl], uri: 'sip:user@example.com' } }));
  const results: CaseResult[] = [];
  try {
    const { page } = app;
    const pageErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => pageErrors.push('the page crashed'));
    page.on('console', (message) => consoleLines.push(message.text()));
    await expect(appUi(page).status).toHaveText('Registered');
    for (const tortureCase of loadCases()) {
      const { sent, observed } = await runCase({ page, server, pageErrors, consoleLines }, tortureCase);
      results.push(judge(tortureCase, sent, observed));
    }
  } finally {
    writeFileSync(join(runRoot, 'sip-torture.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(runRoot, 'sip-torture.md'), `${toMarkdown(results)}\n`);
    console.log(toMarkdown(results));
    await app.close();
    await server.stop();
  }
  expect(results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.problems.join('; ')}`)).toEqual([]);
});
