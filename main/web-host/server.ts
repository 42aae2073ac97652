/**
 * The browser host's HTTP server: the built renderer plus the policy file, on loopback only.
 * node:http and nothing else, so Playwright fixtures start it in-process in milliseconds.
 * Every request passes request-guard.ts first: the bundle is public to this host's own name, the data
 * endpoints (the policy with the SIP password, the knowledge package, the speech token) need this launch's token.
 * Must not import electron (lint-enforced): it runs under plain Node.
 */
import { readFile } from 'node:fs/promises';
import { readKnowledgePackage } from '../features/knowledge/read-package';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '@common/contract/csp';
import { parsePolicy } from '@common/contract/policy';
import { SPEECH_ENDPOINT_PATH } from '@common/contract/speech-endpoint';
import { readStaticFile } from '../shared/static-files';
import { createRequestGuard, newHostToken, TOKEN_FRAGMENT_KEY, type RequestGuard } from './request-guard';
import { checkoutSpeechLayout, createWebSpeech, type SpeechLayout, type WebSpeech } from './speech-host';
import { createHostSigner, SUPERVISION_SIGN_PATH, type HostSigner } from './supervision-sign';

export interface WebHostOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The policy JSON file served at /policy.json. */
  policyPath: string;
  /** 0 picks a free port. Default 5173. */
  port?: number;
  /** Default 127.0.0.1: the host serves a password-bearing policy, so never on all interfaces by default. */
  host?: string;
  /** Receives start-up warnings (policy problems); default stderr. */
  warn?: (message: string) => void;
  /** Run the local speech service for transcription (served at /speech.json) when the policy asks for it. Default true. */
  speech?: boolean;
  /** Where the speech service is: default this checkout's sources (under tsx); build:web's folder passes its own. */
  speechLayout?: SpeechLayout;
  /**
   * A team lead's private key file (base64 PKCS#8, from `npm run supervision:keygen`): the host signs the
   * lead's supervision requests at SUPERVISION_SIGN_PATH, so the key never reaches the page.
   */
  supervisionKeyPath?: string;
  /** How often the page re-reads /policy.json for changes (seconds, 1–3600; default the page's own 15). */
  policyPollSeconds?: number;
}

export interface WebHost {
  /** e.g. http://127.0.0.1:5173/ (without the token: opening it alone gets the bundle but no policy). */
  url: string;
  /** The address to open: `url` plus `#token=…`, this launch's access token in the fragment (never sent on the wire). */
  openUrl: string;
  /** This launch's token: the page sends it as `Authorization: Bearer <token>` to every data endpoint. */
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Response header on /policy.json: how often (seconds) the page re-reads it for changes. */
export const POLICY_POLL_HEADER = 'X-Lingxi-Policy-Poll-Seconds';
/** The path the renderer's browser host fetches the policy from. */
export const POLICY_PATH = '/policy.json';
/** The knowledge package the policy names (knowledge.packagePath): 200 with it, 204 when none is named. */
export const KNOWLEDGE_PACKAGE_PATH = '/knowledge-package.json';
/** Everything the host serves that is not the static bundle: each needs the token. */
const DATA_PATHS: ReadonlySet<string> = new Set([POLICY_PATH, KNOWLEDGE_PACKAGE_PATH, SPEECH_ENDPOINT_PATH, SUPERVISION_SIGN_PATH]);

/** The port the host was asked for is held by another process: the host refuses to start rather than serve beside it. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly code = 'EADDRINUSE';
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`${host}:${port} is already in use by another process (EADDRINUSE)`);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: Buffer | string, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(head ? undefined : body);
}

function createHandler(
  rendererDir: string,
  policyPath: string,
  guard: () => RequestGuard | null,
  speech: () => WebSpeech | null,
  signer: HostSigner | null,
  policyPollSeconds: number | undefined,
) {
  const pollHeader: Record<string, string> = policyPollSeconds === undefined ? {} : { [POLICY_POLL_HEADER]: String(policyPollSeconds) };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request', head);
      return;
    }
    // Before anything else, so a refused caller learns nothing (not even which paths exist or which methods work).
    const checks = guard();
    const verdict = checks === null ? 403 : DATA_PATHS.has(pathname) ? checks.checkPrivate(req.headers) : checks.checkPublic(req.headers);
    if (verdict !== 'ok') {
      const extra: Record<string, string> = { 'Cache-Control': 'no-store', ...(verdict === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) };
      send(res, verdict, 'text/plain; charset=utf-8', verdict === 401 ? 'Unauthorized' : 'Forbidden', head, extra);
      return;
    }
    if (pathname === SUPERVISION_SIGN_PATH && req.method === 'POST') {
      // 404 without a provisioned key: the page then signs with a key the lead entered for the session.
      const answer = signer ? await signer.handle(req) : { status: 404, body: JSON.stringify({ error: 'this host holds no supervision key' }) };
      send(res, answer.status, 'application/json; charset=utf-8', answer.body, false, { 'Cache-Control': 'no-store' });
      return;
    }
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', false, { Allow: 'GET, HEAD' });
      return;
    }
    if (pathname === POLICY_PATH) {
      // Read fresh every time so IT can edit the file and reload; served raw, the renderer
      // validates it with the shared contract and shows any problem.
      try {
        const body = await readFile(policyPath);
        send(res, 200, 'application/json; charset=utf-8', body, head, { 'Cache-Control': 'no-store', ...pollHeader });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        send(res, 404, 'text/plain; charset=utf-8', `policy file not readable: ${code}`, head, { 'Cache-Control': 'no-store' });
      }
      return;
    }
    if (pathname === KNOWLEDGE_PACKAGE_PATH) {
      await serveKnowledgePackage(res, policyPath, head);
      return;
    }
    if (pathname === SPEECH_ENDPOINT_PATH) {
      const service = speech();
      const endpoint = service ? await service.endpoint() : { error: { code: 'off', message: 'the browser host runs without a speech service' } };
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify(endpoint), head, { 'Cache-Control': 'no-store' });
      return;
    }
    const file = await readStaticFile(rendererDir, pathname);
    if (!file) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found', head);
      return;
    }
    send(res, 200, file.contentType, file.body, head);
  };
}

/** Serves the package the policy names, read fresh (like the policy) so IT can replace it and reload. */
async function serveKnowledgePackage(res: ServerResponse, policyPath: string, head: boolean): Promise<void> {
  const policy = parsePolicy(await readFile(policyPath, 'utf8').catch(() => ''), policyPath);
  const file = policy.ok ? await readKnowledgePackage(policy.policy.knowledge.packagePath, policyPath, policy.policy.knowledge.maxPackageMb) : null;
  const noStore = { 'Cache-Control': 'no-store' };
  if (!file) send(res, 204, 'text/plain; charset=utf-8', '', head, noStore);
  else if (file.ok) send(res, 200, 'application/json; charset=utf-8', file.text, head, noStore);
  else send(res, 404, 'text/plain; charset=utf-8', file.error, head, noStore);
}

/** Validates the policy once at start and reports problems; serving goes on regardless. */
async function warnAboutPolicy(policyPath: string, warn: (message: string) => void): Promise<void> {
  let text: string;
  try {
    text = await readFile(policyPath, 'utf8');
  } catch (error) {
    warn(`warning: cannot read policy ${policyPath}: ${(error as Error).message}`);
    return;
  }
  const result = parsePolicy(text, policyPath);
  if (result.ok) return;
  const lines = result.problems.map((problem) => `  ${problem.path}: ${problem.message}`);
  warn(`warning: policy ${policyPath} is invalid (the app will show this and not register):\n${lines.join('\n')}`);
}

/** Starts the browser host. Resolves once it listens. */
export async function startWebHost({
  rendererDir,
  policyPath,
  port = 5173,
  host = '127.0.0.1',
  warn = (message) => void process.stderr.write(`${message}\n`),
  speech: speechWanted = true,
  speechLayout = checkoutSpeechLayout(fileURLToPath(new URL('../../', import.meta.url))),
  supervisionKeyPath,
  policyPollSeconds,
}: WebHostOptions): Promise<WebHost> {
  if (policyPollSeconds !== undefined && !(Number.isInteger(policyPollSeconds) && policyPollSeconds >= 1 && policyPollSeconds <= 3600)) {
    throw new Error(`policyPollSeconds must be an integer from 1 to 3600, got ${policyPollSeconds}`);
  }
  await warnAboutPolicy(policyPath, warn);
  let speech: WebSpeech | null = null;
  // Set once the port is known; until then every request is refused.
  let guard: RequestGuard | null = null;
  const signer = supervisionKeyPath ? createHostSigner(supervisionKeyPath, policyPath) : null;
  const handler = createHandler(rendererDir, policyPath, () => guard, () => speech, signer, policyPollSeconds);
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error', false);
      else res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolvePromise();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${actualPort}`;
  const token = newHostToken();
  guard = createRequestGuard(origin, token);
  if (speechWanted) {
    speech = createWebSpeech({ policyPath, origins: [origin], layout: speechLayout });
  }
  return {
    url: `${origin}/`,
    openUrl: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    token,
    port: actualPort,
    close: async () => {
      await speech?.close();
      await new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error ? reject(error) : resolvePromise()));
        // Playwright's browsers keep connections alive; do not wait for them to time out.
        server.closeAllConnections();
      });
    },
  };
}
