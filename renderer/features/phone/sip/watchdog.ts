/**
 * Liveness watchdog for the SIP WebSocket: a probe (SIP OPTIONS) every interval; a probe left
 * unanswered for `timeoutMs` declares the connection dead. This is what catches "the UI says
 * Registered but calls never arrive": a WebSocket whose server froze or whose path silently dropped
 * stays open in the browser for minutes. Timers are injectable so the logic is unit-tested.
 */

export interface WatchdogOptions {
  intervalMs: number;
  timeoutMs: number;
  /** Sends one probe; calls `answered` when any response comes back (even an error status). */
  probe(answered: () => void): void;
  /** The probe timed out: the connection is dead. The watchdog stops until start() is called again. */
  dead(): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Watchdog {
  private intervalTimer: unknown;
  private deadlineTimer: unknown;
  /** Identifies the probe in flight; answers to older probes are ignored. */
  private probeId = 0;
  private running = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: WatchdogOptions) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get active(): boolean {
    return this.running;
  }

  /** Starts probing (the connection just opened). Restarts the cycle when already running. */
  start(): void {
    this.stop();
    this.running = true;
    this.scheduleNext();
  }

  /** Stops probing (the connection closed or the phone stopped). */
  stop(): void {
    this.running = false;
    this.probeId += 1;
    this.clear();
  }

  /** Probes at once (the OS reports a network change), unless a probe is already in flight. */
  probeNow(): void {
    if (!this.running || this.deadlineTimer !== undefined) return;
    this.clear();
    this.send();
  }

  private scheduleNext(): void {
    this.intervalTimer = this.setTimer(() => {
      this.intervalTimer = undefined;
      this.send();
    }, this.options.intervalMs);
  }

  private send(): void {
    const id = ++this.probeId;
    this.deadlineTimer = this.setTimer(() => {
      this.deadlineTimer = undefined;
      if (id !== this.probeId || !this.running) return;
      this.stop();
      this.options.dead();
    }, this.options.timeoutMs);
    this.options.probe(() => {
      if (id !== this.probeId || !this.running) return;
      if (this.deadlineTimer !== undefined) this.clearTimer(this.deadlineTimer);
      this.deadlineTimer = undefined;
      this.scheduleNext();
    });
  }

  private clear(): void {
    if (this.intervalTimer !== undefined) this.clearTimer(this.intervalTimer);
    if (this.deadlineTimer !== undefined) this.clearTimer(this.deadlineTimer);
    this.intervalTimer = undefined;
    this.deadlineTimer = undefined;
  }
}
