/**
 * Taps one MediaStreamTrack for transcription: MediaStreamAudioSourceNode → the tap worklet (tap.worklet.ts),
 * which posts 16 kHz PCM frames. A remote WebRTC track feeds WebAudio only while it also plays in a media
 * element (test bed README), so the customer's track plays in a muted element of its own.
 */
import { drop } from '@common/logging/drop';
import { createLogger } from '../../../platform/logger';
import type { TapMessage, TapOptions } from './tap-messages';
import { TAP_PROCESSOR } from './tap-messages';

/** A frame as the session gets it: PCM, level, and when its audio was captured (performance.now() ms). */
export interface TappedFrame {
  pcm: ArrayBuffer;
  rms: number;
  /** Start of the frame's audio on the page's performance clock. */
  startedAt: number;
  durationMs: number;
}

export interface AudioTapOptions {
  /** Play the track in a muted element (needed for remote WebRTC tracks). */
  playInElement: boolean;
  frameMs: number;
  onFrame(frame: TappedFrame): void;
}

/** A running tap; stop() disconnects everything it created. */
export interface AudioTap {
  readonly track: MediaStreamTrack;
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
  // The context's clock tied to the page's at the first frame (and again after a suspension): frame times then
  // stay right even when the page is too busy to take the messages as they come.
  let anchor: { contextAt: number; pageAt: number } | null = null;
  const reanchor = (): void => {
    anchor = null;
  };
  context.addEventListener('statechange', reanchor);
  node.port.onmessage = (event: MessageEvent<TapMessage>) => {
    const { pcm, rms, endTime } = event.data;
    anchor ??= { contextAt: endTime, pageAt: performance.now() };
    const durationMs = pcm.byteLength / 32;
    options.onFrame({ pcm, rms, durationMs, startedAt: anchor.pageAt + (endTime - anchor.contextAt) * 1000 - durationMs });
  };
  source.connect(node);
  return {
    track,
    stop() {
      node.port.postMessage('stop');
      node.port.onmessage = null;
      context.removeEventListener('statechange', reanchor);
      source.disconnect();
      if (element) {
        element.pause();
        element.srcObject = null;
      }
    },
  };
}
