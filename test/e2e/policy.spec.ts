import { readFileSync, writeFileSync } from 'node:fs';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { appUi } from './support/ui';

test('an invalid policy lists every problem by path and never registers', async ({ app }) => {
  const { page } = await app(buildPolicy({ sip: { servers: ['ws://pbx.example.com'], transport: 'udp' } }));
  const ui = appUi(page);
  await expect(ui.policyProblems).toContainText(/sip\.servers\[0\]: [^\n]*wss:\/\//);
  await expect(ui.policyProblems).toContainText('sip.transport: unknown key');
  await expect(ui.status).not.toHaveText('Registered');
});

test('an unknown key alone keeps a reachable server from being used at all', async ({ app, peer, sip }) => {
  const mark = sip.mark();
  const { page } = await app(buildPolicy({ colour: 'blue' }));
  const ui = appUi(page);
  await expect(ui.policyProblems).toContainText('colour: unknown key');
  // A peer registering afterwards proves Kamailio logs REGISTERs arriving after the app loaded.
  await peer({ user: '1002' });
  const registers = sip.requests(mark).filter((r) => r.method === 'REGISTER');
  expect(registers.some((r) => r.from === '1002')).toBe(true);
  expect(registers.filter((r) => r.from === '1001')).toEqual([]);
  await expect(ui.status).not.toHaveText('Registered');
});

test('a zh-CN policy shows the Chinese UI', async ({ app }) => {
  const { page } = await app(buildPolicy({ ui: { language: 'zh-CN' } }));
  await expect(page.getByRole('status').filter({ hasText: '已注册' })).toBeVisible();
  await expect(page.getByText('Registered', { exact: true })).toHaveCount(0);
});

test('a policy with a syntax error next to the password shows where, never the password', async ({ app }) => {
  const instance = await app();
  const { page } = instance;
  const text = readFileSync(instance.policyPath, 'utf8');
  // The quotes around the password lost: V8's own JSON message would quote the text around it.
  const broken = text.replace(/"password": "[^"]*"/, '"password": Sup3r-Secret-Pw');
  expect(broken).not.toBe(text);
  writeFileSync(instance.policyPath, broken);
  await instance.reload();
  const ui = appUi(page);
  await expect(ui.policyProblems).toContainText(/not valid JSON at line \d+, column \d+/);
  await expect(page.locator('body')).not.toContainText('Sup3r');
  await expect(page.locator('body')).not.toContainText('Secret');
});
