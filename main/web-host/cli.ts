/**
 * `npm run web -- --policy <file.json> [--port <n>]`: builds the renderer if stale and serves it
 * in the browser host. Only argument parsing and wiring live here; server.ts does the work.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage } from '@common/errors';
import { ensureRendererBuilt } from './build';
import { startWebHost } from './server';

export const USAGE = 'usage: npm run web -- --policy <file.json> [--port <n>]';

/** A command-line mistake: printed with the usage line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface CliOptions {
  policyPath: string;
  port: number;
  help: boolean;
}

/**
 * Parses the web host's arguments.
 * @param args arguments after the script name
 * @param cwd base for a relative policy path (npm sets INIT_CWD to where the user typed the command)
 */
export function parseCliArgs(args: readonly string[], cwd: string): CliOptions {
  let values: { policy?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { policy: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  return { policyPath: resolve(cwd, values.policy), port, help: false };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`lingxi web: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (await ensureRendererBuilt(root)) process.stderr.write('lingxi web: renderer rebuilt\n');
  const host = await startWebHost({
    rendererDir: join(root, 'out', 'renderer'),
    policyPath: options.policyPath,
    port: options.port,
  });
  process.stdout.write(`Lingxi browser host: ${host.url}\n`);
  const stop = () => void host.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only when executed (tsx main/web-host/cli.ts), not when a test imports parseCliArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`lingxi web: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
}
