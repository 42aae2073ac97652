/**
 * `npm run demo [-- --no-open] [--electron] [--lang en|zh-TW] [--data <dir>] [--port <n>]`: the whole desk
 * on one machine (start.ts). Prints one line per URL, opens the desk (xdg-open / open / start where present;
 * with --electron, the Electron app instead), and stops everything on Ctrl+C (or when the Electron app is
 * closed). Argument parsing, the single-instance lock and signals live here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage } from '@common/errors';
import { languages, type Language } from '@common/contract/policy';
import { ensureRendererBuilt, isBuildStale, runRendererBuild } from '@main/web-host/build';
import { PortInUseError } from '@main/web-host/server';
import { findElectronBinary } from './electron-desk';
import { removeLock, runningDemo, writeLock } from './lock';
import { startDemo, type Demo } from './start';
import { DEMO_URL_LABELS, demoUrlLine } from './urls';

export const USAGE = 'usage: npm run demo [-- --no-open] [--electron] [--lang zh-CN|zh-TW|en] [--data <dir>] [--port <n>]';

export interface DemoCliOptions {
  open: boolean;
  language: Language;
  /** undefined: a fresh temporary directory, deleted on exit. */
  dataDir: string | undefined;
  deskPort: number;
  /** The desk as the Electron app (needs Electron's binary) instead of the browser host. */
  electron: boolean;
  help: boolean;
}

/** Parses the demo's arguments; throws Error with a message fit for the user. */
export function parseDemoArgs(args: readonly string[], cwd: string): DemoCliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { 'no-open': { type: 'boolean' }, electron: { type: 'boolean' }, lang: { type: 'string' }, data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  const language = (values.lang ?? 'zh-CN') as Language;
  if (!languages.includes(language)) throw new Error(`--lang must be one of ${languages.join(', ')}, got "${values.lang}"`);
  const portText = values.port ?? '0';
  const deskPort = Number(portText);
  if (!/^\d+$/.test(portText) || deskPort > 65535) throw new Error(`--port must be an integer from 0 to 65535, got "${portText}"`);
  return { open: !values['no-open'], language, dataDir: values.data ? resolve(cwd, values.data) : undefined, deskPort, electron: values.electron ?? false, help: values.help ?? false };
}

/** Builds what the desk needs if stale: the renderer, and for Electron also main and preload. */
async function ensureDeskBuilt(root: string, electron: boolean): Promise<boolean> {
  if (electron && (await isBuildStale(join(root, 'out', 'main', 'index.js'), ['main', 'preload', 'common'].map((dir) => join(root, dir))))) {
    await runRendererBuild(root);
    return true;
  }
  return ensureRendererBuilt(root);
}

/** The desktop's "open this URL" command, if this machine has one. */
function opener(): string | undefined {
  const candidates = process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? [] : ['xdg-open'];
  return candidates.find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0);
}

async function main(): Promise<number> {
  const say = (text: string): void => void process.stdout.write(`${text}\n`);
  const fail = (text: string): void => void process.stderr.write(`lingxi demo: ${text}\n`);
  let options: DemoCliOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    fail(`${errorMessage(error).replace(/\s*To specify a positional argument.*$/s, '')}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    say(USAGE);
    return 0;
  }
  const root = fileURLToPath(new URL('../', import.meta.url));
  // Before anything else: without Electron's binary, --electron starts nothing.
  let electron: string | undefined;
  if (options.electron) {
    const binary = findElectronBinary(join(root, 'node_modules', 'electron'));
    if (!binary.ok) {
      fail(binary.message);
      return 2;
    }
    electron = binary.path;
  }
  const other = runningDemo();
  if (other) {
    fail(`a demo is already running (pid ${other.pid}); its desk: ${other.deskUrl}\nStop it with Ctrl+C in its terminal (or kill ${other.pid}) before starting another.`);
    return 1;
  }
  try {
    if (await ensureDeskBuilt(root, electron !== undefined)) say(`lingxi demo: built the desk (out/${electron ? '' : 'renderer'})`);
  } catch (error) {
    fail(`the desk is not built and building it failed: ${errorMessage(error)}\nRun \`npm ci\` and then \`npm run build\`, and try again.`);
    return 1;
  }
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lingxi-demo-'));
  let demo: Demo;
  try {
    demo = await startDemo({ root, dataDir, language: options.language, deskPort: options.deskPort, ...(electron ? { electron } : {}), warn: (m) => fail(m) });
  } catch (error) {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    if (error instanceof PortInUseError) {
      fail(`port ${error.port} on ${error.host} is already in use by another process: stop it, or choose another with --port <n> (--port 0 picks a free one)`);
      return 1;
    }
    throw error;
  }
  writeLock({ pid: process.pid, deskUrl: demo.urls.desk });
  say(`Lingxi demo is running (data: ${dataDir}${temporary ? ', deleted on exit' : ''}). Ctrl+C stops everything.`);
  for (const key of Object.keys(DEMO_URL_LABELS) as (keyof typeof DEMO_URL_LABELS)[]) say(demoUrlLine(key, demo.urls[key]));
  const open = options.open && !electron ? opener() : undefined;
  if (open) spawn(open, [demo.urls.desk], { stdio: 'ignore', detached: true }).unref();
  else if (options.open && !electron) say('  (no browser opener found: open the desk address above yourself)');

  // `on`, not `once`: Ctrl+C reaches us twice (from the terminal and relayed by tsx), and with no listener
  // left tsx's own handler would exit at once, mid-stop, leaving the speech service and ports behind.
  let stopping = false;
  await new Promise<void>((resolveStop) => {
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    void demo.deskExited?.then(() => {
      if (!stopping) say('lingxi demo: the Electron app was closed');
      stop();
    });
  });
  say('lingxi demo: stopping…');
  await demo.close();
  removeLock();
  if (temporary) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  say('lingxi demo: stopped');
  return 0;
}

// Run only when executed (tsx demo/cli.ts), not when a test imports parseDemoArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`lingxi demo: ${errorMessage(error)}\n`);
      removeLock();
      process.exit(1);
    },
  );
}
