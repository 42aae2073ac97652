/**
 * The page's side of the recording tap worker. Chromium runs an encoded transform only when it is set
 * as the sender or receiver is created (set later it never sees a frame), so every call's audio
 * transceiver gets its pass-through taps the moment JsSIP creates it (PhoneEngine.onAudioTransceiver); a call
 * is then recorded by telling the worker to start keeping that call's frames (EncodedRecorder).
 * Without RTCRtpScriptTransform, or if the worker never starts, no tap is set and recording falls back
 * to the WebAudio recorder.
 *
 * A tap on a dead or stuck worker would silence the call, so every tapped call is watched
 * (tap-watchdog.ts): when its frames stop while its media flows, its sender and receiver move to a
 * stand-in pass-through worker (passthrough.worker.ts; `transform = null` does not restart audio that
 * a dead worker stopped in Chromium), the call's recording is told to go on through WebAudio
 * (`onFailover`), no later call is tapped, and the worker is terminated once no call passes through it.
 */
import { rtpFlow } from './rtp-flow';
import type { TapOptions, TapRequest, TapResponse } from './tap-protocol';
import { TapWatchdog, type Leg } from './tap-watchdog';

/** The worker's reply must come this fast, or taps are not set at all. */
const READY_TIMEOUT_MS = 5000;
const OPUS_TYPES = new Set(['audio/opus', 'audio/red']);

export interface TapWorker {
  postMessage(message: TapRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TapResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate?(): void;
}

/** A call whose tap failed and was taken off: `leg` is where the watchdog saw it stop. */
export interface TapFailure {
  callId: string;
  leg: Leg;
}

export class EncodedTaps {
  private ready = false;
  private readonly tapped = new Map<string, RTCRtpTransceiver>();
  private readonly listeners = new Map<string, (message: TapResponse) => void>();
  private readonly failoverListeners = new Set<(failure: TapFailure) => void>();
  private readonly watchdog: TapWatchdog;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private standIn: Worker | null = null;

  private constructor(
    readonly worker: TapWorker,
    private readonly createStandIn: () => Worker,
  ) {
    this.watchdog = new TapWatchdog({
      now: () => performance.now(),
      flow: (callId) => {
        const transceiver = this.tapped.get(callId);
        return transceiver ? rtpFlow(transceiver) : Promise.resolve(null);
      },
      stalled: (callId, leg) => this.failover(callId, leg),
    });
  }

  /** Starts the tap worker; null when this runtime cannot tap encoded audio or the worker fails. */
  static async start(createWorker: () => TapWorker = defaultWorker, createStandIn: () => Worker = defaultStandIn): Promise<EncodedTaps | null> {
    if (typeof RTCRtpScriptTransform !== 'function') return null;
    let worker: TapWorker;
    try {
      worker = createWorker();
    } catch {
      return null;
    }
    const taps = new EncodedTaps(worker, createStandIn);
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
      worker.addEventListener('error', () => {
        clearTimeout(timer);
        taps.ready = false;
        resolve(false);
      });
      worker.addEventListener('message', (event) => {
        const message = event.data;
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(true);
        } else if (message.type === 'frames') {
          taps.watchdog.frames(message.counts);
          taps.check();
        } else {
          taps.listeners.get(message.callId)?.(message);
        }
      });
    });
    taps.ready = ready;
    return ready ? taps : null;
  }

  /** Sets both taps of a call's audio transceiver (synchronously as it is created) and watches them. */
  tap(callId: string, transceiver: RTCRtpTransceiver): void {
    if (!this.ready || this.tapped.has(callId)) return;
    const options = (leg: TapOptions['leg']): TapOptions => ({ callId, leg });
    transceiver.receiver.transform = new RTCRtpScriptTransform(this.worker as Worker, options('customer'));
    transceiver.sender.transform = new RTCRtpScriptTransform(this.worker as Worker, options('agent'));
    this.tapped.set(callId, transceiver);
    this.watchdog.watch(callId);
    this.check();
  }

  /**
   * Whether the call can be recorded from its encoded frames: its frames pass through the worker and
   * both directions negotiated Opus (plain or inside RED). Other codecs (G.711 from a gateway) are
   * recorded by the WebAudio recorder instead.
   */
  canRecord(callId: string): boolean {
    const transceiver = this.tapped.get(callId);
    if (!this.ready || !transceiver) return false;
    const opus = (codecs: RTCRtpCodecParameters[]) => OPUS_TYPES.has(codecs[0]?.mimeType.toLowerCase() ?? '');
    return opus(transceiver.sender.getParameters().codecs) && opus(transceiver.receiver.getParameters().codecs);
  }

  /** Called with each call whose tap failed, after its audio was moved off the tap. */
  onFailover(listener: (failure: TapFailure) => void): () => void {
    this.failoverListeners.add(listener);
    return () => this.failoverListeners.delete(listener);
  }

  /** A call is over: forget it. */
  release(callId: string): void {
    const tapped = this.tapped.delete(callId);
    this.listeners.delete(callId);
    this.watchdog.unwatch(callId);
    this.stopTimerWhenIdle();
    if (tapped && this.ready) this.worker.postMessage({ type: 'release', callId });
    this.retireWhenUnused();
  }

  /** Routes the worker's messages about one call. */
  listen(callId: string, listener: (message: TapResponse) => void): void {
    this.listeners.set(callId, listener);
  }

  send(request: TapRequest): void {
    this.worker.postMessage(request);
  }

  /** The call's audio leaves the tap for the stand-in; the worker is no longer trusted with any call. */
  private failover(callId: string, leg: Leg): void {
    this.ready = false;
    const transceiver = this.tapped.get(callId);
    this.tapped.delete(callId);
    this.stopTimerWhenIdle();
    if (transceiver) {
      this.standIn ??= this.createStandIn();
      transceiver.receiver.transform = new RTCRtpScriptTransform(this.standIn, { callId, leg: 'customer' } satisfies TapOptions);
      transceiver.sender.transform = new RTCRtpScriptTransform(this.standIn, { callId, leg: 'agent' } satisfies TapOptions);
    }
    for (const listener of this.failoverListeners) listener({ callId, leg });
    this.retireWhenUnused();
  }

  /**
   * A worker no longer trusted ends once no call passes through it: a stalled one would otherwise hold a thread
   * (spinning, maybe) for the rest of the shift.
   */
  private retireWhenUnused(): void {
    if (this.ready || this.tapped.size > 0) return;
    this.worker.terminate?.();
  }

  /** Runs the watchdog now (on a heartbeat) and again when it asks, unless the next heartbeat comes first. */
  private check(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.watchdog.watching === 0) return;
    void this.watchdog.check();
    this.timer = setTimeout(() => this.check(), this.watchdog.nextCheckInMs());
  }

  private stopTimerWhenIdle(): void {
    if (this.watchdog.watching > 0 || this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function defaultWorker(): TapWorker {
  return new Worker(new URL('./tap.worker.ts', import.meta.url), { type: 'module', name: 'recording-tap' });
}

function defaultStandIn(): Worker {
  return new Worker(new URL('./passthrough.worker.ts', import.meta.url), { type: 'module', name: 'recording-tap-stand-in' });
}
