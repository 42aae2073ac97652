/**
 * A JsSIP Socket around JsSIP's own WebSocketInterface that the engine can declare dead.
 *
 * Why: a WebSocket to a frozen or silently unreachable server stays OPEN (or CONNECTING) for minutes
 * because TCP never reports the loss, while JsSIP waits for the browser to fire `close`. `kill()`
 * closes the WebSocket and tells JsSIP's Transport it disconnected, so its ordinary recovery (backoff,
 * next server in weight order) takes over at once. The handshake is bounded the same way.
 *
 * It is also where the SIP guard sits (sip-screen.ts): every frame is screened before JsSIP's Transport
 * sees it, and an exception JsSIP throws on a hostile message is caught here instead of escaping the
 * WebSocket's message handler.
 */
import { WebSocketInterface, type Socket } from 'jssip';
import { screenIncoming } from './sip-screen';

export interface LivenessSocketHooks {
  /** The WebSocket opened: this socket now carries the UA's traffic. */
  opened(socket: LivenessSocket): void;
  /** Why a socket was given up (for the log). */
  killed?(socket: LivenessSocket, reason: string): void;
  /** What the SIP guard did with a message it did not pass on untouched, or JsSIP's error on one (for the log). */
  guarded?(note: string, error?: unknown): void;
}

/** Close code reported to JsSIP when we give a socket up (4000–4999 is free for applications). */
export const KILLED_CLOSE_CODE = 4000;

export class LivenessSocket implements Socket {
  // JsSIP's Transport assigns these before connect(); JsSIP exports Socket only as a type.
  onconnect: () => void = () => undefined;
  ondisconnect: (error: boolean, code?: number, reason?: string) => void = () => undefined;
  ondata: <T>(data: T) => void = () => undefined;
  private readonly inner: WebSocketInterface;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param url ws:// or wss:// URL (JsSIP validates it and throws TypeError on a bad one)
   * @param connectTimeoutMs give up a handshake that takes longer than this
   */
  constructor(
    url: string,
    private readonly connectTimeoutMs: number,
    private readonly hooks: LivenessSocketHooks,
  ) {
    this.inner = new WebSocketInterface(url);
  }

  get via_transport(): string {
    return this.inner.via_transport;
  }

  set via_transport(value: string) {
    this.inner.via_transport = value;
  }

  get url(): string {
    return this.inner.url;
  }

  get sip_uri(): string {
    return this.inner.sip_uri;
  }

  connect(): void {
    this.inner.onconnect = () => {
      this.clearConnectTimer();
      this.hooks.opened(this);
      this.onconnect();
    };
    this.inner.ondisconnect = (error: boolean, code?: number, reason?: string) => {
      this.clearConnectTimer();
      this.ondisconnect(error, code, reason);
    };
    this.inner.ondata = <T>(data: T) => this.receive(data);
    this.clearConnectTimer();
    this.connectTimer = setTimeout(() => this.kill('handshake timeout'), this.connectTimeoutMs);
    this.inner.connect();
  }

  disconnect(): void {
    this.clearConnectTimer();
    this.inner.disconnect();
  }

  send(message: string | ArrayBufferLike | Blob | ArrayBufferView): boolean {
    return this.inner.send(message);
  }

  isConnected(): boolean {
    return Boolean(this.inner.isConnected());
  }

  isConnecting(): boolean {
    return Boolean(this.inner.isConnecting());
  }

  /**
   * Gives the WebSocket up: closes it without waiting for the server (its handlers are unbound first)
   * and reports an abnormal disconnect, so JsSIP fails pending transactions and reconnects.
   */
  kill(reason: string): void {
    if (!this.inner.isConnected() && !this.inner.isConnecting()) return;
    this.clearConnectTimer();
    this.hooks.killed?.(this, reason);
    this.inner.disconnect();
    this.ondisconnect(true, KILLED_CLOSE_CODE, reason);
  }

  /** One frame from the server: screened, then handed to JsSIP's Transport (as text: it would decode binary the same way). */
  private receive(data: unknown): void {
    const text = typeof data === 'string' ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : undefined;
    if (text === undefined) {
      this.ondata(data);
      return;
    }
    const screened = screenIncoming(text);
    if (screened.action === 'reply') {
      this.inner.send(screened.response);
      this.hooks.guarded?.(`sip guard: answered ${screened.response.slice(8, screened.response.indexOf('\r\n'))}`);
      return;
    }
    if (screened.action === 'drop') {
      this.hooks.guarded?.(`sip guard: dropped a message: ${screened.reason}`);
      return;
    }
    if (screened.note) this.hooks.guarded?.(`sip guard: ${screened.note}`);
    try {
      this.ondata(screened.text);
    } catch (error) {
      this.hooks.guarded?.('sip guard: JsSIP failed on an incoming message', error);
    }
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }
}
