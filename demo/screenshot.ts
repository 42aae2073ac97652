/**
 * Takes assets/readme/desk-demo-call.png (1366×768): starts `npm run demo -- --no-open --lang en` as a
 * newcomer would, places the lost-card call from the caller simulator, answers it on the desk, waits until
 * the customer's profile and the knowledge suggestion for a lost card show, and screenshots the desk; then
 * hangs up and stops the demo with SIGINT, as Ctrl+C would. Headless Debian Chromium (/usr/bin/chromium);
 * Chinese names need a CJK font (Debian fonts-noto-cjk, the desk's first choice), else they show as boxes.
 * Run through demo/screenshot.sh (`npm run demo:screenshot`), which puts it in a loopback-only netns.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { readDemoUrls, type PrintedDemoUrls } from './urls';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'assets', 'readme', 'desk-demo-call.png');
const viewport = { width: 1366, height: 768 };

/** One second of 48 kHz 16-bit mono silence: the agent's fake microphone (Chromium loops it). */
function silenceWav(file: string): void {
  const samples = 48_000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(96_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples * 2, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(samples * 2)]));
}

async function browser(profile: string, wav: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--disable-gpu', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required', `--use-file-for-fake-audio-capture=${wav}`],
  });
}

async function main(): Promise<void> {
  if (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim() === '') process.stderr.write('demo:screenshot: no Chinese font: names like 李明 will show as boxes (apt-get install fonts-noto-cjk)\n');
  const work = mkdtempSync(join(tmpdir(), 'lingxi-screenshot-'));
  const wav = join(work, 'silence.wav');
  silenceWav(wav);
  const demo = spawn('npx', ['tsx', 'demo/cli.ts', '--no-open', '--lang', 'en'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => demo.once('close', () => resolve()));
  let output = '';
  try {
    const urls = await new Promise<PrintedDemoUrls>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the demo printed no URLs within 180 s:\n${output}`)), 180_000);
      demo.once('exit', (code) => reject(new Error(`the demo exited (${code}) before printing its URLs:\n${output}`)));
      demo.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = readDemoUrls(output);
        if (!found) return;
        clearTimeout(timer);
        resolve(found);
      });
    });
    const desk = await browser(join(work, 'desk'), wav);
    const caller = await browser(join(work, 'caller'), wav);
    try {
      const page = desk.pages()[0] ?? (await desk.newPage());
      await page.goto(urls.desk);
      await page.getByRole('status', { name: 'Registration status' }).getByText('Registered', { exact: true }).waitFor({ timeout: 30_000 });
      // A ready desk, as a newcomer sees it before calling: the knowledge base indexed and synced.
      await page.getByRole('region', { name: 'Knowledge' }).getByText(/Last synced/).waitFor({ timeout: 120_000 });
      const callerPage = caller.pages()[0] ?? (await caller.newPage());
      await callerPage.goto(urls.caller);
      await callerPage.locator('#status[data-state="ready"]').waitFor({ timeout: 30_000 });
      await callerPage.getByLabel(/Customer/).selectOption('lost-card');
      await callerPage.getByRole('button', { name: /Call the agent/ }).click();
      const incoming = page.getByRole('region', { name: 'Incoming call' });
      await incoming.getByText('Li Ming').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Answer', exact: true }).click();
      await page.getByRole('region', { name: 'Customer profile' }).getByText('Li Ming').first().waitFor({ timeout: 30_000 });
      await page
        .getByRole('region', { name: 'Agent assist' })
        .locator('[data-article-id="lost-card.en"]')
        .waitFor({ timeout: 90_000 })
        .catch(async (error: unknown) => {
          await page.screenshot({ path: join(tmpdir(), 'desk-demo-call-failed.png') });
          throw new Error(`${String(error)}\n(the desk as it was: ${join(tmpdir(), 'desk-demo-call-failed.png')})`);
        });
      // The customer says everything (the caller page tells), and the last words reach the transcript.
      await callerPage.locator('#status[data-state="spoken"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      // At 75 % zoom (as Ctrl+minus twice would) the call, transcript, suggestions and the top of the
      // customer's profile fit in 1366×768; the desk is one column, the profile below agent assist.
      await page.evaluate(() => void (document.body.style.zoom = '0.75'));
      mkdirSync(join(root, 'assets', 'readme'), { recursive: true });
      await page.screenshot({ path: out });
      process.stdout.write(`${out}\n`);
      await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    } finally {
      await desk.close();
      await caller.close();
    }
  } finally {
    if (demo.pid && demo.exitCode === null) process.kill(-demo.pid, 'SIGINT');
    await exited;
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:screenshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
