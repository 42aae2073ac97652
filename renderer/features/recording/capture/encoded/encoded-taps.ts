/**
 * The page's side of the recording tap worker. Chromium runs an encoded transform only when it is set
 * as the sender or receiver is created (set later it never sees a frame), so every call's audio
 * transceiver gets its pass-through taps the moment JsSIP creates it (PhoneEngine.onAudioTransceiver); a call
 * is then recorded by telling the worker to start keeping that call's frames (EncodedRecorder).
 * Without RTCRtpScriptTransform, or if the worker never starts, no tap is set (a tap on a dead worker
 * would stop the call's audio) and recording falls back to the WebAudio recorder.
 */
import type { TapOptions, TapRequest, TapResponse } from './tap-protocol';

/** The worker's reply must come this fast, or taps are not set at all. */
const READY_TIMEOUT_MS = 5000;
const OPUS_TYPES = new Set(['audio/opus', 'audio/red']);

export interface TapWorker {
  postMessage(message: TapRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TapResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

export class EncodedTaps {
  private ready = false;
  private readonly tapped = new Map<string, RTCRtpTransceiver>();
  private readonly listeners = new Map<string, (message: TapResponse) => void>();

  private constructor(readonly worker: TapWorker) {}

  /** Starts the tap worker; null when this runtime cannot tap encoded audio or the worker fails. */
  static async start(createWorker: () => TapWorker = defaultWorker): Promise<EncodedTaps | null> {
    if (typeof RTCRtpScriptTransform !== 'function') return null;
    let worker: TapWorker;
    try {
      worker = createWorker();
    } catch {
      return null;
    }
    const taps = new EncodedTaps(worker);
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
        } else {
          taps.listeners.get(message.callId)?.(message);
        }
      });
    });
    taps.ready = ready;
    return ready ? taps : null;
  }

  /** Sets both taps of a call's audio transceiver (synchronously as it is created). */
  tap(callId: string, transceiver: RTCRtpTransceiver): void {
    if (!this.ready || this.tapped.has(callId)) return;
    const options = (leg: TapOptions['leg']): TapOptions => ({ callId, leg });
    transceiver.receiver.transform = new RTCRtpScriptTransform(this.worker as Worker, options('customer'));
    transceiver.sender.transform = new RTCRtpScriptTransform(this.worker as Worker, options('agent'));
    this.tapped.set(callId, transceiver);
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

  /** A call is over: forget it. */
  release(callId: string): void {
    this.tapped.delete(callId);
    this.listeners.delete(callId);
  }

  /** Routes the worker's messages about one call. */
  listen(callId: string, listener: (message: TapResponse) => void): void {
    this.listeners.set(callId, listener);
  }

  send(request: TapRequest): void {
    this.worker.postMessage(request);
  }
}

function defaultWorker(): TapWorker {
  return new Worker(new URL('./tap.worker.ts', import.meta.url), { type: 'module', name: 'recording-tap' });
}
