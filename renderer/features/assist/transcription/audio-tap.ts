/**
 * Taps one MediaStreamTrack for transcription: MediaStreamAudioSourceNode → the tap worklet (tap.worklet.ts),
 * which posts 16 kHz PCM frames on a port of its own (`AudioTap.port`, for the leg's stream in the speech
 * worker), not to the page. A remote WebRTC track feeds WebAudio only while it also plays in a media
 * element (test bed README), so the customer's track plays in a muted element of its own.
 */
import { drop } from '@common/logging/drop';
import { createLogger } from '../../../platform/logger';
import type { TapControl, TapOptions } from './tap-messages';
import { TAP_PROCESSOR } from './tap-messages';

export interface AudioTapOptions {
  /** Play the track in a muted element (needed for remote WebRTC tracks). */
  playInElement: boolean;
  frameMs: number;
}

/** A running tap; stop() disconnects everything it created. */
export interface AudioTap {
  readonly track: MediaStreamTrack;
  /** The frames (TapMessage), to hand to the leg's stream (LegStream.attach transfers it). */
  readonly port: MessagePort;
  stop(): void;
}

const log = createLogger('assist');

const loaded = new WeakMap<BaseAudioContext, Promise<void>>();

/** Adds the tap worklet module to a context once. */
export function loadTapWorklet(context: BaseAudioContext, moduleUrl: string): Promise<void> {
  let promise = loaded.get(context);
  if (!promise) {
    promise = context.audioWorklet.addModule(moduleUrl);
    loaded.set(context, promise);
    promise.catch(() => loaded.delete(context));
  }
  return promise;
}

/** Starts tapping `track` (the worklet module must be loaded). */
export function tapTrack(context: AudioContext, track: MediaStreamTrack, options: AudioTapOptions): AudioTap {
  const stream = new MediaStream([track]);
  let element: HTMLAudioElement | null = null;
  if (options.playInElement) {
    element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    // Not playing, the remote track feeds the tap silence: the transcript would miss the customer.
    drop(element.play(), log, 'playing the tapped track');
  }
  const source = context.createMediaStreamSource(stream);
  const processorOptions: TapOptions = { frameMs: options.frameMs };
  // One mono input and no output: WebAudio down-mixes to mono; nothing is played.
  const node = new AudioWorkletNode(context, TAP_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
  const frames = new MessageChannel();
  const control = (message: TapControl, transfer: Transferable[] = []): void => node.port.postMessage(message, transfer);
  control({ type: 'feed', port: frames.port1 }, [frames.port1]);
  // A suspension stops the context's clock but not the page's: the feed ties the two again at the next frame.
  const reanchor = (): void => control({ type: 'reanchor' });
  context.addEventListener('statechange', reanchor);
  source.connect(node);
  return {
    track,
    port: frames.port2,
    stop() {
      control({ type: 'stop' });
      context.removeEventListener('statechange', reanchor);
      source.disconnect();
      if (element) {
        element.pause();
        element.srcObject = null;
      }
    },
  };
}
