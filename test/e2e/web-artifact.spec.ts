/**
 * The browser host as IT ships it (`npm run build:web`): the folder is built, copied to an empty directory outside
 * the checkout and started with plain Node (`node lingxi-web.mjs --policy …`: no tsx, no node_modules of the
 * repository in reach); an agent in Chromium registers on the fixture Kamailio through it, answers a customer
 * and both hear each other's tone, and the folder's own speech service (its bundle and native modules) starts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launchChromium } from '../fixtures/chromium';
import { repoRoot } from '../fixtures/paths';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { answerFrom, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

let child: ChildProcess | undefined;
let dir: string | undefined;
test.afterEach(() => {
  child?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts the copied folder's host and resolves with the address it prints (carrying the launch token). */
function startCopiedHost(folder: string, policyPath: string): Promise<string> {
  // Only what a server has: PATH and HOME, no NODE_OPTIONS or NODE_PATH from the test run.
  const host = spawn(process.execPath, [join(folder, 'lingxi-web.mjs'), '--policy', policyPath, '--port', '0'], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = host;
  const stderr: string[] = [];
  host.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: host.stdout }).on('line', (line) => {
      const url = /open (http:\/\/\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    host.once('exit', (code) => reject(new Error(`node lingxi-web.mjs exited (${code}): ${stderr.join('')}`)));
  });
}

test('the built browser host, copied out of the checkout, runs a call with plain Node', async ({ peer }) => {
  const started = Date.now();
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'tools/packaging/build-web.ts'], { cwd: repoRoot, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  test.info().annotations.push({ type: 'build:web (s)', description: ((Date.now() - started) / 1000).toFixed(1) });
  dir = mkdtempSync(join(tmpdir(), 'lingxi-web-artifact-'));
  const folder = join(dir, 'lingxi-web');
  cpSync(join(repoRoot, 'dist/web'), folder, { recursive: true });
  const policyPath = join(dir, 'policy.json');
  writeFileSync(policyPath, JSON.stringify(buildPolicy({ transcription: { provider: 'local' } })));
  const openUrl = await startCopiedHost(folder, policyPath);
  // The policy asks for local transcription: the host starts the speech service from the folder's bundle, with the
  // native modules beside it (node_modules/), and /speech.json answers its address. Asked now, so the service
  // starts while the agent registers and takes the call.
  const token = new URL(openUrl).hash.replace('#token=', '');
  const speech = fetch(new URL('/speech.json', openUrl), { headers: { Authorization: `Bearer ${token}` } }).then(
    async (response) => (await response.json()) as { url?: string; error?: { message: string } },
    (error: unknown) => ({ error: { message: `GET /speech.json failed: ${String(error)}` } }),
  );

  const context = await launchChromium('web-artifact', 'tone1000');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(openUrl);
    await expect(appUi(page).status).toHaveText('Registered');
    const customer = await peer({ user: '1002', wav: 'tone440' });
    await answerFrom(page, customer);
    await expectTwoWayAudio(page, customer);
    expect(await speech).toMatchObject({ url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+/) });
  } finally {
    await context.close();
  }
});
