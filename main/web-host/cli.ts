/**
 * The browser host's command line: argument parsing and wiring; server.ts does the work. Two launchers run it:
 * checkout.ts (`npm run web`: builds the renderer if stale, tsx over the sources) and bundle-entry.ts
 * (`node lingxi-web.mjs` in `npm run build:web`'s folder). No side effects on import.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '@common/errors';
import { PortInUseError, startWebHost, type WebHost } from './server';
import type { SpeechLayout } from './speech-host';

export const USAGE = 'usage: npm run web -- --policy <file.json> [--port <n>] [--supervision-key <file>] [--policy-poll-seconds <n>]';

/** A command-line mistake: printed with the usage line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface CliOptions {
  policyPath: string;
  port: number;
  help: boolean;
  /** A team lead's private key file: the host signs the lead's supervision requests with it. */
  supervisionKeyPath?: string;
  /** How often the page re-reads the policy for changes (seconds); default the page's 15. */
  policyPollSeconds?: number;
}

/**
 * Parses the web host's arguments.
 * @param args arguments after the script name
 * @param cwd base for a relative policy path (npm sets INIT_CWD to where the user typed the command)
 */
export function parseCliArgs(args: readonly string[], cwd: string): CliOptions {
  let values: { policy?: string; port?: string; 'supervision-key'?: string; 'policy-poll-seconds'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { policy: { type: 'string' }, port: { type: 'string' }, 'supervision-key': { type: 'string' }, 'policy-poll-seconds': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util's messages name the offending option; drop its advice about '--' which does not apply.
    throw new CliError((error as Error).message.replace(/\s*To specify a positional argument.*$/s, ''));
  }
  if (values.help) return { policyPath: '', port: 0, help: true };
  if (values.policy === undefined || values.policy === '') throw new CliError('missing required option --policy <file.json>');
  const portText = values.port ?? '5173';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`--port must be an integer from 0 to 65535, got "${portText}"`);
  const key = values['supervision-key'];
  const pollText = values['policy-poll-seconds'];
  const poll = Number(pollText);
  if (pollText !== undefined && (!/^\d+$/.test(pollText) || poll < 1 || poll > 3600)) {
    throw new CliError(`--policy-poll-seconds must be an integer from 1 to 3600, got "${pollText}"`);
  }
  return {
    policyPath: resolve(cwd, values.policy),
    port,
    help: false,
    ...(key ? { supervisionKeyPath: resolve(cwd, key) } : {}),
    ...(pollText !== undefined ? { policyPollSeconds: poll } : {}),
  };
}

/** What runCli touches outside itself: real streams and the real build by default, doubles in tests. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The checkout (out/renderer is served from there, unless rendererDir says otherwise). */
  root: string;
  /** Rebuilds the renderer when stale; resolves true when it did. */
  ensureBuilt(root: string): Promise<boolean>;
  /** The built renderer to serve; default `<root>/out/renderer`. */
  rendererDir?: string;
  /** The usage line printed with a mistake and for --help; default USAGE (npm run web). */
  usage?: string;
  /** Where the speech service is; default the checkout's sources. */
  speechLayout?: SpeechLayout;
}

/**
 * Parses, builds and starts the host; resolves with the exit code (2 usage, 1 cannot start) and,
 * when it started, the running host. Prints the address to open, which carries this launch's token.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<{ exitCode: number; host?: WebHost }> {
  let options: CliOptions;
  try {
    options = parseCliArgs(args, io.cwd);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`lingxi web: ${error.message}\n${io.usage ?? USAGE}\n`);
    return { exitCode: 2 };
  }
  if (options.help) {
    io.stdout(`${io.usage ?? USAGE}\n`);
    return { exitCode: 0 };
  }
  if (await io.ensureBuilt(io.root)) io.stderr('lingxi web: renderer rebuilt\n');
  let host: WebHost;
  try {
    host = await startWebHost({
      rendererDir: io.rendererDir ?? join(io.root, 'out', 'renderer'),
      policyPath: options.policyPath,
      port: options.port,
      ...(io.speechLayout ? { speechLayout: io.speechLayout } : {}),
      ...(options.supervisionKeyPath ? { supervisionKeyPath: options.supervisionKeyPath } : {}),
      ...(options.policyPollSeconds ? { policyPollSeconds: options.policyPollSeconds } : {}),
    });
  } catch (error) {
    // Never serve beside another process on the same port: the page would reach whichever answered.
    if (!(error instanceof PortInUseError)) throw error;
    io.stderr(`lingxi web: cannot start: port ${error.port} on ${error.host} is already in use by another process; stop it, or choose another with --port <n> (--port 0 picks a free one)\n`);
    return { exitCode: 1 };
  }
  io.stdout(`Lingxi browser host: open ${host.openUrl}\n(the address carries this launch's access token: open it in the agent's own browser, do not share it)\n`);
  return { exitCode: 0, host };
}

/** The process around runCli, for the launchers: real streams, exit code, Ctrl+C / SIGTERM close the host. */
export function runAsProcess(io: Omit<CliIo, 'cwd' | 'stdout' | 'stderr'>): void {
  const run = async (): Promise<void> => {
    const { exitCode, host } = await runCli(process.argv.slice(2), {
      cwd: process.env.INIT_CWD ?? process.cwd(),
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      ...io,
    });
    process.exitCode = exitCode;
    if (!host) return;
    const stop = () => void host.close().finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  };
  run().catch((error: unknown) => {
    process.stderr.write(`lingxi web: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
}
