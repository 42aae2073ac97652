/**
 * Cuts the tap's 16 kHz float samples into fixed-length 16-bit PCM frames (20–100 ms, protocol v1), each in
 * its own ArrayBuffer so the worklet can transfer it to the page without a copy. Pure TypeScript.
 */
import { TARGET_RATE, toInt16 } from './resampler';

/** Shortest and longest frame protocol v1 allows, ms. */
export const MIN_FRAME_MS = 20;
export const MAX_FRAME_MS = 100;

/** One frame: PCM and its level, so the page can tell speech from silence without decoding it again. */
export interface PcmFrame {
  pcm: Int16Array<ArrayBuffer>;
  /** Root mean square of the frame, 0…1 of full scale. */
  rms: number;
}

export class Framer {
  readonly frameSamples: number;
  private frame: Int16Array<ArrayBuffer>;
  private filled = 0;
  private energy = 0;

  /** @throws RangeError outside 20–100 ms or for a length that is not a whole number of samples */
  constructor(frameMs: number) {
    const samples = (frameMs * TARGET_RATE) / 1000;
    if (frameMs < MIN_FRAME_MS || frameMs > MAX_FRAME_MS || !Number.isInteger(samples)) {
      throw new RangeError(`frames must be ${MIN_FRAME_MS}–${MAX_FRAME_MS} ms of whole samples, got ${frameMs} ms`);
    }
    this.frameSamples = samples;
    this.frame = new Int16Array(samples);
  }

  /** Adds samples; returns the frames they completed (possibly none, possibly several). */
  push(samples: Float32Array): PcmFrame[] {
    const frames: PcmFrame[] = [];
    let at = 0;
    while (at < samples.length) {
      const take = Math.min(this.frameSamples - this.filled, samples.length - at);
      const part = samples.subarray(at, at + take);
      toInt16(part, this.frame, this.filled);
      for (let i = 0; i < part.length; i++) this.energy += (part[i] as number) ** 2;
      this.filled += take;
      at += take;
      if (this.filled === this.frameSamples) frames.push(this.take());
    }
    return frames;
  }

  /** The partial frame in progress, if any (at the end of a stream). */
  flush(): PcmFrame | null {
    return this.filled > 0 ? this.take() : null;
  }

  private take(): PcmFrame {
    const pcm = this.filled === this.frameSamples ? this.frame : this.frame.slice(0, this.filled);
    const frame = { pcm, rms: Math.sqrt(this.energy / this.filled) };
    this.frame = new Int16Array(this.frameSamples);
    this.filled = 0;
    this.energy = 0;
    return frame;
  }
}
