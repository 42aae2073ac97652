/**
 * The demo's SIP server: a `ws` WebSocketServer (subprotocol "sip", RFC 7118) on loopback feeding the
 * registrar/proxy in proxy.ts. Demo only: the product never imports it (lint rule), and the test bed's
 * real SIP server stays Kamailio.
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { SipProxy } from './proxy';

export interface SipServerOptions {
  /** 0 picks a free port. */
  port?: number;
  users: Readonly<Record<string, string>>;
  log?: (line: string) => void;
}

export interface SipServer {
  readonly wsUrl: string;
  readonly port: number;
  readonly proxy: SipProxy;
  /** Closes every socket and the listener. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Thrown when the port is taken; the message says what to do. */
export class SipPortInUseError extends Error {
  override readonly name = 'SipPortInUseError';
  constructor(readonly port: number) {
    super(`SIP server: port ${port} on ${HOST} is already in use`);
  }
}

export async function startSipServer(options: SipServerOptions): Promise<SipServer> {
  const http: Server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain' }).end('SIP over WebSocket only (subprotocol "sip")\n');
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new SipPortInUseError(options.port ?? 0) : error));
    http.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (http.address() as { port: number }).port;
  const proxy = new SipProxy({ host: HOST, port, realm: HOST, users: options.users, log: options.log });
  const wss = new WebSocketServer({
    server: http,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  const sockets = new Set<WebSocket>();
  let next = 0;
  wss.on('connection', (socket) => {
    next += 1;
    const id = `c${next}`;
    sockets.add(socket);
    proxy.attach({ id, send: (text) => socket.readyState === socket.OPEN && socket.send(text) });
    socket.on('message', (data) => proxy.receive(id, data.toString()));
    socket.on('close', () => {
      sockets.delete(socket);
      proxy.detach(id);
    });
    socket.on('error', (error) => options.log?.(`socket ${id}: ${error.message}`));
  });
  return {
    wsUrl: `ws://${HOST}:${port}`,
    port,
    proxy,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
