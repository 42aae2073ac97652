/**
 * The browser host's HTTP server: the built renderer plus the policy file, on loopback only.
 * node:http and nothing else, so Playwright fixtures start it in-process in milliseconds.
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
import { createWebSpeech, isOwnLoopbackHost, type WebSpeech } from './speech-host';

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
}

export interface WebHost {
  /** e.g. http://127.0.0.1:5173/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The path the renderer's browser host fetches the policy from. */
export const POLICY_PATH = '/policy.json';
/** The knowledge package the policy names (knowledge.packagePath): 200 with it, 204 when none is named. */
export const KNOWLEDGE_PACKAGE_PATH = '/knowledge-package.json';

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

function createHandler(rendererDir: string, policyPath: string, speech: () => { service: WebSpeech | null; port: number }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', false, { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request', head);
      return;
    }
    if (pathname === POLICY_PATH) {
      // Read fresh every time so IT can edit the file and reload; served raw, the renderer
      // validates it with the shared contract and shows any problem.
      try {
        const body = await readFile(policyPath);
        send(res, 200, 'application/json; charset=utf-8', body, head, { 'Cache-Control': 'no-store' });
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
      const { service, port } = speech();
      // The token is for this page only: not for a foreign name rebound to 127.0.0.1 (DNS rebinding).
      if (!isOwnLoopbackHost(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden', head);
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
  const file = policy.ok ? await readKnowledgePackage(policy.policy.knowledge.packagePath, policyPath) : null;
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
}: WebHostOptions): Promise<WebHost> {
  await warnAboutPolicy(policyPath, warn);
  let speech: WebSpeech | null = null;
  let actualPort = 0;
  const handler = createHandler(rendererDir, policyPath, () => ({ service: speech, port: actualPort }));
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error', false);
      else res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  if (speechWanted) {
    const origins = [...new Set([`http://${urlHost}:${actualPort}`, `http://localhost:${actualPort}`])];
    speech = createWebSpeech({ policyPath, origins, repoRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  }
  return {
    url: `http://${urlHost}:${actualPort}/`,
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
