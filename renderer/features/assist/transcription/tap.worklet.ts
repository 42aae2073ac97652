/**
 * The transcription tap's AudioWorkletProcessor: runs on the audio rendering thread, mixes its input to mono,
 * downsamples it to 16 kHz and posts 16-bit PCM frames (transferred, never copied) on the port the page hands
 * it, whose other end is in the speech worker: the frames never pass through the page's main thread.
 *
 * Loaded with `audioWorklet.addModule(url)` where the url comes from `import url from './tap.worklet.ts?worker&url'`
 * (worklet-url.ts): Vite bundles this file and its imports into one script of its own, in the browser host's
 * build and in Electron's alike. A plain `new URL('./tap.worklet.ts', import.meta.url)` would be copied as an
 * untranspiled asset.
 */
import { Framer } from './framer';
import { Downsampler } from './resampler';
import { TAP_PROCESSOR, type TapControl, type TapMessage, type TapOptions } from './tap-messages';

// AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare const currentTime: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(name: string, processor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

class TapProcessor extends AudioWorkletProcessor {
  private readonly downsampler = new Downsampler(sampleRate);
  private readonly framer: Framer;
  private readonly mono = new Float32Array(128);
  private running = true;
  /** Where frames go; none yet: frames are dropped (the page hands the port over right after creating the node). */
  private feed: MessagePort | null = null;
  private reanchor = false;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const { frameMs } = (options.processorOptions ?? { frameMs: 20 }) as TapOptions;
    this.framer = new Framer(frameMs);
    this.port.onmessage = (event: MessageEvent<TapControl>) => {
      const control = event.data;
      if (control.type === 'feed') this.feed = control.port;
      else if (control.type === 'reanchor') this.reanchor = true;
      else {
        this.running = false;
        this.feed?.close();
        this.feed = null;
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const feed = this.feed;
    const channels = inputs[0];
    // No channel: the source is disconnected or its track ended; nothing to send.
    if (!channels || channels.length === 0) return true;
    const first = channels[0] as Float32Array;
    const mono = first.length === this.mono.length ? this.mono : new Float32Array(first.length);
    mono.set(first);
    for (let c = 1; c < channels.length; c++) {
      const channel = channels[c] as Float32Array;
      for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] as number) + (channel[i] as number);
    }
    if (channels.length > 1) for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] as number) / channels.length;
    const endTime = currentTime + first.length / sampleRate;
    for (const frame of this.framer.push(this.downsampler.process(mono))) {
      if (!feed) continue;
      const message: TapMessage = { pcm: frame.pcm.buffer, rms: frame.rms, endTime };
      if (this.reanchor) message.reanchor = true;
      this.reanchor = false;
      feed.postMessage(message, [message.pcm]);
    }
    return true;
  }
}

registerProcessor(TAP_PROCESSOR, TapProcessor);
