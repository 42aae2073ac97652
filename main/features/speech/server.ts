/**
 * The loopback speech service: Lingxi speech protocol v1 (common/contract/speech-protocol.ts) over
 * WebSocket (ws) on 127.0.0.1, each connection driven by a SpeechSession, engines from the registry.
 * Access: token + Origin + Host checks at the HTTP upgrade (auth.ts), so a refused client never gets a socket.
 *
 * Recognition runs off the event loop: the pocketsphinx calls that take time (model load, audio, end of
 * utterance) run on koffi's native thread pool, one call in flight per decoder, decoders in parallel. That
 * gives what a worker_thread per leg would (the socket stays responsive while both legs decode) without a
 * second JavaScript bundle to build and ship.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { SPEECH_BYTES_PER_MS, SPEECH_FRAME_MAX_MS, SPEECH_PROTOCOL, type ServerMessage } from '@common/contract/speech-protocol';
import { checkAccess, newSpeechToken, type AccessPolicy } from './auth';
import type { EngineRegistry } from './engine-registry';
import { SpeechSession } from './session';

/** How to run the service. */
export interface SpeechServerOptions {
  registry: EngineRegistry;
  /** 0 (default) = any free port. */
  port?: number;
  /** Generated when absent; read it back from the result. */
  token?: string;
  /** Origins allowed to connect (the renderer's). */
  allowedOrigins?: readonly string[];
  /** Allow clients without an Origin header (Node clients); they still need the token. Default true. */
  allowMissingOrigin?: boolean;
  /** See SpeechServiceConfig.maxQueueMs. Default 2000. */
  maxQueueMs?: number;
  /** Diagnostics without content. */
  log?(event: string, detail: Record<string, string | number>): void;
}

/** A running service. */
export interface SpeechServer {
  port: number;
  token: string;
  /** ws://127.0.0.1:<port>/ */
  url: string;
  /** Closes every connection and the listening socket. */
  close(): Promise<void>;
}

/** Text frames are a few hundred bytes and audio frames at most 100 ms; anything far larger is refused. */
const MAX_PAYLOAD = Math.max(64 * 1024, 2 * SPEECH_FRAME_MAX_MS * SPEECH_BYTES_PER_MS);

/** Starts the service on 127.0.0.1. */
export async function startSpeechServer(options: SpeechServerOptions): Promise<SpeechServer> {
  const token = options.token ?? newSpeechToken();
  const policy: AccessPolicy = {
    token,
    allowedOrigins: options.allowedOrigins ?? [],
    allowMissingOrigin: options.allowMissingOrigin ?? true,
    port: 0,
  };
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_PAYLOAD,
    clientTracking: true,
    verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, status?: number, reason?: string) => void) => {
      const decision = checkAccess(info.req, policy);
      if (decision.ok) return done(true);
      options.log?.('refused', { status: decision.status, reason: decision.reason });
      done(false, decision.status, decision.status === 401 ? 'Unauthorized' : 'Forbidden');
    },
    handleProtocols: (protocols) => (protocols.has(SPEECH_PROTOCOL) ? SPEECH_PROTOCOL : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const port = (wss.address() as AddressInfo).port;
  policy.port = port;

  wss.on('connection', (socket: WebSocket) => {
    const send = (message: ServerMessage): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const session = new SpeechSession({ registry: options.registry, send, maxQueueMs: options.maxQueueMs ?? 2000, log: options.log });
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
      if (isBinary) session.handleBinary(bytes);
      else session.handleText(bytes.toString('utf8'));
    });
    socket.on('close', () => session.close());
    // A protocol violation (e.g. a frame over maxPayload) closes the socket; nothing to add.
    socket.on('error', () => undefined);
  });

  return {
    port,
    token,
    url: `ws://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
