/**
 * Entry point of the speech service process. Two launchers:
 * - Electron: `utilityProcess.fork(<built service-entry.js>)`. The parent posts one LaunchRequest
 *   (service.ts) and gets `{ event: 'listening', port, url, token }` or `{ event: 'failed', error }` back.
 * - Node (browser host, tests, a developer): `tsx main/features/speech/service-entry.ts [--config file.json]
 *   [--port n] [--origin http://127.0.0.1:5173 …]`. The token comes from LINGXI_SPEECH_TOKEN or is generated;
 *   the reply is printed as one JSON line on stdout (the launcher's pipe), errors on stderr with exit code 1.
 * SIGTERM / SIGINT close the service.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readJson } from '@common/json';
import { launchSpeechService, type LaunchRequest } from './service';

/** Electron's process.parentPort, reduced to what is used (absent under plain Node). */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const log = (event: string, detail: Record<string, string | number>): void => {
  process.stderr.write(`${JSON.stringify({ service: 'speech', event, ...detail })}\n`);
};

/**
 * Reads the Node launcher's arguments.
 * @throws Error for an unknown option, a bad port or an unreadable config file
 */
export function requestFromArgs(args: readonly string[], env: NodeJS.ProcessEnv): LaunchRequest {
  const { values } = parseArgs({
    args: [...args],
    options: { config: { type: 'string' }, port: { type: 'string' }, origin: { type: 'string', multiple: true } },
    strict: true,
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  let config: unknown;
  if (values.config) {
    // readJson's report names a line and column, never the text: the config can hold a token.
    let text: string;
    try {
      text = readFileSync(values.config, 'utf8');
    } catch (error) {
      throw new Error(`cannot read --config ${values.config}: ${(error as Error).message}`, { cause: error });
    }
    const json = readJson(text);
    if (!json.ok) throw new Error(`cannot read --config ${values.config}: ${json.error}`);
    config = json.value;
  }
  return { config, port, token: env.LINGXI_SPEECH_TOKEN || undefined, allowedOrigins: values.origin ?? [] };
}

async function runUnderElectron(port: ParentPortLike): Promise<void> {
  port.on('message', ({ data }) => {
    launchSpeechService(data as LaunchRequest, log).then(
      (service) => {
        process.once('SIGTERM', () => void service.dispose().then(() => process.exit(0)));
        port.postMessage(service.reply);
      },
      (error: unknown) => port.postMessage({ event: 'failed', error: (error as Error).message }),
    );
  });
}

async function runUnderNode(): Promise<void> {
  let service: Awaited<ReturnType<typeof launchSpeechService>>;
  try {
    service = await launchSpeechService(requestFromArgs(process.argv.slice(2), process.env), log);
  } catch (error) {
    process.stderr.write(`lingxi speech: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const stop = (): void => void service.dispose().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify(service.reply)}\n`);
}

const parentPort = Reflect.get(process, 'parentPort') as ParentPortLike | null | undefined;
if (parentPort) void runUnderElectron(parentPort);
else if (process.argv[1] && /service-entry\.(ts|js|mjs)$/.test(process.argv[1])) void runUnderNode();
