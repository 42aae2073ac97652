/**
 * One leg's stream over Lingxi speech protocol v1 (common/contract/speech-protocol.ts), the client both
 * providers share: connects, sends `start`, PCM frames and `stop`, turns server messages into results on the
 * caller's clock, reconnects with backoff, and keeps latency bounded under back-pressure.
 *
 * - Frames are queued while connecting (up to maxPendingMs, so the call's first sentence survives a service
 *   that is still starting) and sent before `ready` (the protocol allows it).
 * - Back-pressure: a frame goes out only while WebSocket.bufferedAmount ≤ 1 s of audio; otherwise it waits
 *   in a short queue (congestedPendingMs) whose oldest frames are dropped and counted (status.droppedMs).
 *   Late text is worse than a gap.
 * - Errors a retry cannot fix (model missing, engine unavailable, bad config, unsupported language) end the
 *   stream with status `unavailable` and the server's reason; anything else retries with backoff.
 * - Every wait has a timeout, so a silent server never hangs the call.
 */
import {
  CLIENT_MAX_BUFFERED_BYTES,
  parseServerMessage,
  SPEECH_BYTES_PER_MS,
  SPEECH_SAMPLE_RATE,
  speechErrorEndsStream,
  type SpeechErrorCode,
} from '@common/contract/speech-protocol';
import type { StreamListener, StreamOptions, StreamStatus, TranscriptionStream } from './provider';
import { StreamClock } from './stream-clock';

/** Where to connect, or why not (retry: ask again later, e.g. the service is restarting). */
export type SpeechTarget = { url: string; protocols: string[] } | { unavailable: string; retry: boolean };

/** The browser's WebSocket, or `ws`'s in Node tests. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

export interface SpeechStreamOptions extends StreamOptions {
  /** Resolves the server to use, on every (re)connect. */
  target(): Promise<SpeechTarget>;
  WebSocket?: WebSocketConstructor;
  /** Reconnect delay: doubles from minMs up to maxMs, with jitter (default 500 ms … 15 s). */
  backoff?: { minMs: number; maxMs: number };
  /** Audio held while (re)connecting, ms (default 5000). */
  maxPendingMs?: number;
  /** Audio held while the socket is congested, ms (default 300). */
  congestedPendingMs?: number;
  /** Unsent bytes above which frames wait (default CLIENT_MAX_BUFFERED_BYTES, 1 s of audio). */
  maxBufferedBytes?: number;
  connectTimeoutMs?: number;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Diagnostics (never what was said). */
  log?(message: string): void;
}

/** Errors a reconnect cannot fix: someone must install a model, configure an engine or pick another language. */
const PERMANENT: ReadonlySet<SpeechErrorCode> = new Set(['model-missing', 'engine-unavailable', 'bad-config', 'unsupported-language']);
/** Consecutive failed connects after which the service counts as unavailable (still retried, slowly). */
const UNREACHABLE_AFTER = 3;
const OPEN = 1;

interface Pending {
  pcm: ArrayBuffer;
  atMs: number;
  ms: number;
}

export class SpeechStream implements TranscriptionStream {
  private socket: WebSocket | null = null;
  /** `start` was sent on the current socket and no stream-ending error came since. */
  private streaming = false;
  private pending: Pending[] = [];
  private pendingMs = 0;
  private readonly clock = new StreamClock();
  private current: StreamStatus = { state: 'connecting', droppedMs: 0 };
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private phase: 'running' | 'stopping' | 'closed' | 'unavailable' = 'running';
  private stopped: (() => void) | null = null;
  private lastDropReport = 0;

  constructor(
    private readonly options: SpeechStreamOptions,
    private readonly listener: StreamListener,
  ) {
    listener.status(this.current);
    void this.connect();
  }

  send(pcm: ArrayBuffer, capturedAtMs: number): void {
    if (this.phase !== 'running' || pcm.byteLength === 0) return;
    const ms = pcm.byteLength / SPEECH_BYTES_PER_MS;
    this.pending.push({ pcm, atMs: capturedAtMs, ms });
    this.pendingMs += ms;
    this.flush();
    const limit = this.streaming ? (this.options.congestedPendingMs ?? 300) : (this.options.maxPendingMs ?? 5000);
    let dropped = 0;
    while (this.pendingMs > limit && this.pending.length > 0) {
      const oldest = this.pending.shift() as Pending;
      this.pendingMs -= oldest.ms;
      dropped += oldest.ms;
    }
    if (dropped > 0) this.reportDrop(dropped);
  }

  async stop(): Promise<void> {
    if (this.phase !== 'running') return this.close();
    this.phase = 'stopping';
    clearTimeout(this.timer);
    const socket = this.socket;
    if (socket && socket.readyState === OPEN && this.streaming) {
      this.flush(Number.POSITIVE_INFINITY);
      socket.send(JSON.stringify({ type: 'stop' }));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 5000);
        this.stopped = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.close();
  }

  close(): void {
    if (this.phase !== 'unavailable') this.phase = 'closed';
    clearTimeout(this.timer);
    this.pending = [];
    this.pendingMs = 0;
    this.dropSocket();
    this.stopped?.();
  }

  private async connect(): Promise<void> {
    if (this.phase !== 'running') return;
    let target: SpeechTarget;
    try {
      target = await this.options.target();
    } catch (error) {
      target = { unavailable: (error as Error).message, retry: true };
    }
    if (this.phase !== 'running') return;
    if ('unavailable' in target) {
      this.setStatus({ state: 'unavailable', reason: target.unavailable });
      if (target.retry) this.retry(this.backoff().maxMs);
      else this.phase = 'unavailable';
      return;
    }
    const Socket = this.options.WebSocket ?? WebSocket;
    let socket: WebSocket;
    try {
      socket = new Socket(target.url, target.protocols);
    } catch (error) {
      // A malformed URL: the policy's or the host's mistake, not a network hiccup.
      this.setStatus({ state: 'unavailable', reason: `cannot connect to ${target.url}: ${(error as Error).message}` });
      this.phase = 'unavailable';
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.streaming = false;
    this.timer = setTimeout(() => this.lost(`no connection to ${target.url} within ${this.options.connectTimeoutMs ?? 5000} ms`), this.options.connectTimeoutMs ?? 5000);
    socket.onopen = () => {
      clearTimeout(this.timer);
      this.startStream();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') this.handle(event.data);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.streaming = false;
      if (this.phase === 'stopping') this.stopped?.();
      else this.lost(`connection to ${target.url} closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
    };
    socket.onerror = () => undefined; // close follows with the code
  }

  private startStream(): void {
    const socket = this.socket;
    if (!socket || this.phase !== 'running') return;
    const { leg, language, hints, keywords } = this.options;
    this.clock.reset();
    socket.send(
      JSON.stringify({
        type: 'start',
        leg,
        language,
        sampleRate: SPEECH_SAMPLE_RATE,
        ...(hints.length > 0 ? { hints } : {}),
        ...(keywords.length > 0 ? { keywords } : {}),
      }),
    );
    this.streaming = true;
    // The first start may build a domain model; a server that never answers is treated as lost.
    this.timer = setTimeout(() => this.lost('the speech engine did not get ready in time'), this.options.readyTimeoutMs ?? 30_000);
    this.flush();
  }

  private handle(text: string): void {
    const parsed = parseServerMessage(text);
    if (!parsed.ok) return this.options.log?.(`ignored an invalid server message: ${parsed.error}`);
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        clearTimeout(this.timer);
        this.failures = 0;
        this.setStatus({ state: 'ready', engine: message.engine });
        return;
      case 'partial':
      case 'final':
        return this.listener.result({ kind: message.type, leg: this.options.leg, text: message.text, startMs: this.clock.toClock(message.startMs), endMs: this.clock.toClock(message.endMs) });
      case 'keyword':
        return this.listener.result({ kind: 'keyword', leg: this.options.leg, text: message.keyword, startMs: this.clock.toClock(message.startMs), endMs: this.clock.toClock(message.endMs) });
      case 'stopped':
        this.stopped?.();
        return;
      case 'error':
        return this.serverError(message.code, message.message);
    }
  }

  private serverError(code: SpeechErrorCode, reason: string): void {
    if (!speechErrorEndsStream(code)) return this.options.log?.(`server rejected a message: ${code}`);
    this.streaming = false;
    clearTimeout(this.timer);
    if (PERMANENT.has(code)) {
      this.setStatus({ state: 'unavailable', reason });
      this.phase = 'unavailable';
      this.close();
      return;
    }
    // overloaded / internal: the connection is fine, the stream is gone; start again after a pause.
    this.setStatus({ state: 'error', reason });
    this.failures++;
    this.timer = setTimeout(() => this.startStream(), this.delay());
  }

  /** Sends queued frames while the socket keeps up. */
  private flush(maxBuffered = this.options.maxBufferedBytes ?? CLIENT_MAX_BUFFERED_BYTES): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || !this.streaming) return;
    while (this.pending.length > 0 && socket.bufferedAmount <= maxBuffered) {
      const frame = this.pending.shift() as Pending;
      this.pendingMs -= frame.ms;
      socket.send(frame.pcm);
      this.clock.sent(frame.atMs, frame.ms);
    }
  }

  private lost(reason: string): void {
    if (this.phase !== 'running') return;
    this.dropSocket();
    this.failures++;
    const unreachable = this.failures >= UNREACHABLE_AFTER && this.current.state !== 'ready';
    this.setStatus({ state: unreachable ? 'unavailable' : 'error', reason });
    this.retry(this.delay());
  }

  private retry(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delayMs);
  }

  private backoff(): { minMs: number; maxMs: number } {
    return this.options.backoff ?? { minMs: 500, maxMs: 15_000 };
  }

  /** Exponential backoff with jitter (half to full delay), so many agents do not reconnect in step. */
  private delay(): number {
    const { minMs, maxMs } = this.backoff();
    const full = Math.min(maxMs, minMs * 2 ** Math.max(0, this.failures - 1));
    return full / 2 + (Math.random() * full) / 2;
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.streaming = false;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(1000);
    } catch {
      // Closing a socket that never connected can throw in some implementations; it is gone either way.
    }
  }

  private reportDrop(ms: number): void {
    this.current = { ...this.current, droppedMs: this.current.droppedMs + ms };
    const now = Date.now();
    if (now - this.lastDropReport < 1000) return;
    this.lastDropReport = now;
    this.listener.status(this.current);
  }

  private setStatus(status: Omit<StreamStatus, 'droppedMs'>): void {
    const next: StreamStatus = { ...status, droppedMs: this.current.droppedMs };
    if (next.state === this.current.state && next.reason === this.current.reason && next.engine === this.current.engine) return;
    this.current = next;
    this.listener.status(next);
  }
}
