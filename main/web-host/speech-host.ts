/**
 * The browser host's local speech service: main/features/speech/service-entry.ts run as a Node child process
 * (under tsx in a checkout, like the host itself; the bundled speech-service.mjs in `npm run build:web`'s folder)
 * when the policy's transcription.provider is "local". Started lazily, on
 * the page's first `/speech.json` request (a call becoming active), so the host itself starts in milliseconds
 * and tests without calls never pay for a speech model; restarted on the next request if it died or the
 * policy's transcription settings changed. The endpoint is served same-origin only (the page's token).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import { readJson } from '@common/json';
import { newSpeechToken } from '../features/speech/auth';
import { localSpeechConfig } from '../features/speech/policy-config';

/** Where the speech service and the sample knowledge package are: a checkout, or the build:web folder. */
export interface SpeechLayout {
  /** The service's entry module, run with `node [...nodeArgs] <entry>`. */
  entry: string;
  /** e.g. ['--import', 'tsx'] for the TypeScript sources. */
  nodeArgs: string[];
  /** The service's working directory (where its node_modules resolve from). */
  cwd: string;
  /** The knowledge package the service uses when the policy names none (skipped when the file is missing). */
  samplePackage: string;
}

/** The layout of a checkout: the TypeScript entry under tsx. */
export function checkoutSpeechLayout(repoRoot: string): SpeechLayout {
  return {
    entry: join(repoRoot, 'main/features/speech/service-entry.ts'),
    nodeArgs: ['--import', 'tsx'],
    cwd: repoRoot,
    samplePackage: join(repoRoot, 'assets/knowledge/sample-kb.json'),
  };
}

export interface WebSpeechOptions {
  policyPath: string;
  /** The page's origins (http://127.0.0.1:<port>): the only ones the service lets in. */
  origins: string[];
  layout: SpeechLayout;
  /** How long a start may take before /speech.json answers `failed` (default 30 s). */
  startTimeoutMs?: number;
}

export interface WebSpeech {
  /** The running service's endpoint, starting (or restarting) it when needed. */
  endpoint(): Promise<SpeechEndpoint>;
  /** The service's process id while it runs (the bench reads its CPU time). */
  readonly pid: number | undefined;
  close(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  configKey: string;
  ready: Promise<SpeechEndpoint>;
}

const failed = (message: string): SpeechEndpoint => ({ error: { code: 'failed', message } });

/** Services of every host in this process: a host that exits without close() must not leave one behind. */
const liveChildren = new Set<ChildProcess>();
let exitHooked = false;
function track(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const running of liveChildren) running.kill('SIGTERM');
  });
}

/** Creates the (not yet started) service manager. */
export function createWebSpeech(options: WebSpeechOptions): WebSpeech {
  const dir = mkdtempSync(join(tmpdir(), 'lingxi-web-speech-'));
  const { layout } = options;
  const token = newSpeechToken();
  let running: Running | null = null;
  let closed = false;

  const stop = (run: Running): Promise<void> =>
    new Promise((resolve) => {
      if (run.child.exitCode !== null || run.child.signalCode !== null) return resolve();
      const force = setTimeout(() => run.child.kill('SIGKILL'), 2000);
      run.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      run.child.kill('SIGTERM');
    });
  const start = (config: unknown, configKey: string): Running => {
    const configFile = join(dir, 'speech-config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const args = [...layout.nodeArgs, layout.entry, '--config', configFile, ...options.origins.flatMap((origin) => ['--origin', origin])];
    const child = spawn(process.execPath, args, {
      cwd: layout.cwd,
      env: { ...process.env, LINGXI_SPEECH_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child);
    const stderr: string[] = [];
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr.push(chunk);
      if (stderr.length > 20) stderr.shift();
    });
    const ready = new Promise<SpeechEndpoint>((resolve) => {
      const timer = setTimeout(() => {
        resolve(failed(`the speech service did not start within ${options.startTimeoutMs ?? 30_000} ms`));
        child.kill('SIGKILL');
      }, options.startTimeoutMs ?? 30_000);
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
        clearTimeout(timer);
        try {
          const reply = JSON.parse(line) as { url: string; token: string };
          resolve({ url: reply.url, token: reply.token });
        } catch {
          resolve(failed(`unexpected reply from the speech service: ${line.slice(0, 200)}`));
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        resolve(failed(`could not run the speech service: ${error.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        const why = stderr.join('').trim().split('\n').filter((l) => l.startsWith('lingxi speech:')).at(-1);
        resolve(failed(why ?? `the speech service exited (code ${code})`));
      });
    });
    return { child, configKey, ready };
  };

  return {
    get pid() {
      return running?.child.exitCode === null ? running.child.pid : undefined;
    },
    async endpoint() {
      if (closed) return failed('the browser host is shutting down');
      let config: unknown;
      try {
        const policy = readJson(readFileSync(options.policyPath, 'utf8'));
        if (!policy.ok) return failed(`policy: ${policy.error}`);
        const bundled = layout.samplePackage;
        config = localSpeechConfig(policy.value, { policySource: options.policyPath, ...(existsSync(bundled) ? { defaultPackage: bundled } : {}) });
      } catch (error) {
        return failed(`policy: ${(error as Error).message}`);
      }
      if (config === null) {
        const old = running;
        running = null;
        if (old) await stop(old);
        return { error: { code: 'off', message: 'the policy does not use the local speech service (transcription.provider)' } };
      }
      const configKey = JSON.stringify(config);
      const alive = running && running.child.exitCode === null && running.child.signalCode === null;
      if (running && (!alive || running.configKey !== configKey)) {
        // Forget it before waiting, so a concurrent request (the other leg) starts the replacement only once.
        const old = running;
        running = null;
        await stop(old);
      }
      running ??= start(config, configKey);
      return running.ready;
    },
    async close() {
      closed = true;
      const old = running;
      running = null;
      if (old) await stop(old);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
