/**
 * `npm run demo` as a newcomer runs it: the spec starts `npm run demo -- --no-open --lang en` as a child
 * process (its own process group, as a terminal would run it), waits for the URLs it prints, opens the
 * caller simulator and the desk in Chromium, checks the desk synced the sample knowledge base from the demo's
 * knowledge server, and plays the lost-card scenario end to end; then Ctrl+C
 * (SIGINT to the group) must leave no process and no port behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { readDemoUrls, type PrintedDemoUrls } from '../../demo/urls';
import { launchChromium } from '../fixtures/chromium';
import { repoRoot } from '../fixtures/paths';
import { isAlive, processTree } from '../fixtures/processes';
import { expect, test } from '@playwright/test';
import { recordingsUi } from './support/recording';
import { appUi } from './support/ui';

/** Starts the demo and resolves with the URLs once every line is printed. */
function startDemo(): { child: ChildProcess; urls: Promise<PrintedDemoUrls>; output: () => string } {
  const child = spawn('npm', ['run', '-s', 'demo', '--', '--no-open', '--lang', 'en'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const urls = new Promise<PrintedDemoUrls>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm run demo exited (${code}) before printing its URLs:\n${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = readDemoUrls(output);
      if (found) resolve(found);
    });
  });
  return { child, urls, output: () => output };
}

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

test('npm run demo: the lost-card call from the caller simulator rings the desk with the name, is suggested, the team lead listens in, recorded and stored; Ctrl+C leaves nothing behind', async () => {
  test.setTimeout(300_000);
  const demo = startDemo();
  const { child } = demo;
  let failure: unknown;
  try {
    const urls = await Promise.race([demo.urls, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`no URLs within 150 s:\n${demo.output()}`)), 150_000))]);
    const desk = await launchChromium('demo-desk', 'silence');
    const caller = await launchChromium('demo-caller', 'silence');
    try {
      const page = desk.pages()[0] ?? (await desk.newPage());
      await page.goto(urls.desk);
      const ui = appUi(page);
      await expect(ui.status).toHaveText('Registered', { timeout: 20_000 });
      // The sample knowledge base synced from the demo's knowledge server, as from a bank's: the built-in copy
      // is indexed, then the synced one (seconds; a minute on a busy 2-core machine), before the call is placed.
      await expect(page.getByRole('region', { name: 'Knowledge' })).toContainText(/118 articles.*Last synced/, { timeout: 90_000 });
      const syncs = (await (await fetch(new URL('/knowledge/requests', urls.knowledge))).json()) as { status: number }[];
      expect(syncs.map((r) => r.status), 'sync requests the demo knowledge server answered').toEqual([200]);

      const callerPage = caller.pages()[0] ?? (await caller.newPage());
      await callerPage.goto(urls.caller);
      const callerStatus = callerPage.getByRole('status');
      await expect(callerStatus).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
      await callerPage.getByLabel(/Customer/).selectOption('lost-card');
      await callerPage.getByRole('button', { name: /Call the agent/ }).click();

      // Rings with the customer's name (the IVR's CTI and the demo CRM) before anyone answers.
      await expect(ui.incoming).toContainText('Li Ming', { timeout: 20_000 });
      await ui.button('Answer').click();
      await expect(callerStatus).toHaveAttribute('data-state', 'talking');

      const suggestions = page.getByRole('region', { name: 'Agent assist' }).getByRole('list', { name: 'Suggestions' });
      await expect(suggestions.locator('[data-article-id="lost-card.en"]')).toBeVisible({ timeout: 45_000 });

      // The team lead's desk: the board shows the demo agent on the call, and Listen joins it. The lead's key
      // stays with the lead's browser host, which signs for the page (nothing is pasted).
      const lead = await desk.newPage();
      await lead.goto(urls.lead);
      const agentRow = lead.getByRole('region', { name: 'Team' }).getByRole('table', { name: 'Agents' }).getByRole('row', { name: /Demo agent/ });
      await expect(agentRow).toContainText('On call', { timeout: 30_000 });
      await agentRow.getByRole('button', { name: 'Listen' }).click();
      await expect(lead.getByRole('status', { name: 'Supervision' })).toHaveText(/Listening/, { timeout: 20_000 });
      await lead.getByRole('button', { name: 'Stop supervising' }).click();
      await expect(lead.getByRole('status', { name: 'Supervision' })).toHaveCount(0);
      await lead.close();

      // As a newcomer would, let the customer finish before hanging up (the recording keeps the whole call).
      await expect(callerStatus).toHaveAttribute('data-state', 'spoken', { timeout: 30_000 });
      await ui.button('Hang up').click();
      await expect(callerStatus).toHaveAttribute('data-state', 'ended');
      const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
      await expect(wrapUp).toBeVisible();
      await ui.button('Finish wrap-up').click();

      const recordings = recordingsUi(page);
      await expect(recordings.rows).toHaveCount(1, { timeout: 20_000 });
      await expect(recordings.state(recordings.rows.first())).toHaveText('Uploaded', { timeout: 30_000 });
      const stored = (await (await fetch(urls.recordings)).json()) as { size: number; metadata: Record<string, string> }[];
      expect(stored.length, 'uploads the demo store received').toBeGreaterThanOrEqual(1);
      expect(Math.max(...stored.map((s) => s.size)), 'largest stored upload (bytes)').toBeGreaterThan(10_000);
    } finally {
      await desk.close();
      await caller.close();
    }
  } catch (error) {
    failure = error; // reported after the clean-up below, which must run (and check) either way
  } finally {
    const pids = child.pid ? processTree(child.pid) : [];
    const ports = [];
    try {
      const urls = await Promise.race([demo.urls, Promise.resolve(undefined)]);
      if (urls) ports.push(...[urls.desk, urls.colleague, urls.lead, urls.caller, urls.sip].map((u) => Number(new URL(u).port)));
    } catch {
      // the demo never printed its URLs: the test has failed already
    }
    // 'close': npm exited and every process holding its stdout (the demo itself) has let go of it.
    const exited = new Promise<string>((resolve) => child.once('close', (code, signal) => resolve(`${code ?? signal}`)));
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
    // npm re-raises the SIGINT its script stopped on, as a shell would after Ctrl+C.
    expect(['0', 'SIGINT'], `npm run demo's exit; output:\n${demo.output()}`).toContain(await exited);
    await expect.poll(() => pids.filter(isAlive), { timeout: 10_000, message: 'demo processes still running' }).toEqual([]);
    for (const port of ports) expect(await portOpen(port), `port ${port} still open`).toBe(false);
    expect(demo.output()).toContain('lingxi demo: stopped');
  }
  if (failure) throw failure;
});
