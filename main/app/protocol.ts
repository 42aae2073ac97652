/**
 * The `lingxi://app/` scheme the packaged renderer is served from, instead of file://
 * (Electron security checklist item 18): a real origin for permissions, CSP and storage,
 * and no file:// privileges to abuse.
 */
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@common/contract/csp';
import { readStaticFile } from '../shared/static-files';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Declares the scheme privileged. Must run before app 'ready' (Electron's rule).
 * standard: relative URLs and a tuple origin; secure: a secure context, so getUserMedia and
 * WebCrypto work; supportFetchAPI: the renderer fetches its own assets (workers, wasm).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Headers every protocol response carries. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

function notFound(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/**
 * The request handler behind protocol.handle, exported for tests (Node's Request/Response are the
 * same Fetch API types Electron passes).
 * @param rendererDir the built renderer (out/renderer)
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return notFound(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405, 'Method not allowed');
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return notFound(404, 'Not found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
    return new Response(body, { status: 200, headers: baseHeaders(file.contentType) });
  };
}

/** Serves rendererDir on lingxi://app/. Call after app 'ready'. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
