/**
 * The UA's WebSockets and their liveness: one LivenessSocket per policy server (JsSIP weights make it
 * try them in order), which one carries the traffic now, and the keep-alive watchdog that kills that
 * socket when the server stops answering SIP OPTIONS, so JsSIP reconnects (to the next server if needed).
 */
import type { UA } from 'jssip';
import type { WeightedSocket } from 'jssip/lib/Socket';
import { LivenessSocket } from './liveness-socket';
import type { KeepAliveConfig } from './types';
import { Watchdog } from './watchdog';

export const DEFAULT_KEEP_ALIVE: KeepAliveConfig = { intervalSeconds: 5, timeoutSeconds: 4 };

/** JsSIP has sendOptions but does not declare it in its typings. */
type OptionsSender = { sendOptions(target: string, body: null, options: object): void };

export class Connection {
  private socket: LivenessSocket | null = null;
  private readonly watchdog: Watchdog;

  /**
   * @param ua the UA to probe through (null once stopped)
   * @param keepAlive probe interval; its timeout also bounds each WebSocket handshake
   * @param guarded what the SIP guard did with a hostile message (for the log)
   */
  constructor(
    private readonly servers: string[],
    private readonly keepAlive: KeepAliveConfig = DEFAULT_KEEP_ALIVE,
    private readonly ua: () => UA | null,
    private readonly guarded?: (note: string, error?: unknown) => void,
  ) {
    this.watchdog = new Watchdog({
      intervalMs: keepAlive.intervalSeconds * 1000,
      timeoutMs: keepAlive.timeoutSeconds * 1000,
      probe: (answered) => this.probe(answered),
      dead: () => this.socket?.kill('keep-alive timeout'),
    });
  }

  /** Fresh sockets for a new UA, highest weight first = first in the policy. */
  sockets(): WeightedSocket[] {
    const handshakeMs = this.keepAlive.timeoutSeconds * 1000;
    return this.servers.map((url, index) => ({
      socket: new LivenessSocket(url, handshakeMs, { opened: (socket) => (this.socket = socket), guarded: this.guarded }),
      weight: this.servers.length - index,
    }));
  }

  /** The server URL the UA is connected to (or was last). */
  get server(): string | undefined {
    return this.socket?.url;
  }

  /** The transport opened: start probing it. */
  connected(): void {
    this.watchdog.start();
  }

  /** The transport closed: nothing to probe until it is back. */
  disconnected(): void {
    this.watchdog.stop();
  }

  /** Probe at once (network change, wake-up): a socket that died with the old network is replaced quickly. */
  probeNow(): void {
    this.watchdog.probeNow();
  }

  stop(): void {
    this.watchdog.stop();
    this.socket = null;
  }

  /** One OPTIONS to the server the socket is connected to; any response, even an error, proves the path. */
  private probe(answered: () => void): void {
    const ua = this.ua();
    const socket = this.socket;
    if (!ua || !socket) return;
    (ua as unknown as OptionsSender).sendOptions(socket.sip_uri, null, {
      eventHandlers: {
        succeeded: answered,
        failed: ({ originator }: { originator: string }) => {
          if (originator === 'remote') answered();
        },
      },
    });
  }
}
