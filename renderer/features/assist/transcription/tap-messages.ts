/** What the tap worklet, the page and the speech worker say to each other (tap.worklet.ts, audio-tap.ts, frame-feed.ts). */

/** The registered processor name. */
export const TAP_PROCESSOR = 'lingxi-transcription-tap';

/** processorOptions of the AudioWorkletNode. */
export interface TapOptions {
  /** Frame length, 20–100 ms. */
  frameMs: number;
}

/**
 * The page → the processor (AudioWorkletNode.port): `feed` hands over the port its frames go to (the speech
 * worker holds the other end); `reanchor` after the context was suspended (its clock stopped, the page's did not);
 * `stop` ends the processor.
 */
export type TapControl = { type: 'feed'; port: MessagePort } | { type: 'reanchor' } | { type: 'stop' };

/** One frame from the worklet, on the feed port. */
export interface TapMessage {
  /** 16-bit little-endian mono PCM at 16 kHz (transferred). */
  pcm: ArrayBuffer;
  /** Level of the frame, 0…1 of full scale. */
  rms: number;
  /** AudioContext time (s) at the end of the render quantum that completed the frame. */
  endTime: number;
  /** The context's clock restarted since the last frame: tie it to the page's clock again. */
  reanchor?: true;
}
