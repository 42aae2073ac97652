/** What the tap worklet and the page say to each other (shared by tap.worklet.ts and audio-tap.ts). */

/** The registered processor name. */
export const TAP_PROCESSOR = 'lingxi-transcription-tap';

/** processorOptions of the AudioWorkletNode. */
export interface TapOptions {
  /** Frame length, 20–100 ms. */
  frameMs: number;
}

/** One frame from the worklet. */
export interface TapMessage {
  /** 16-bit little-endian mono PCM at 16 kHz (transferred). */
  pcm: ArrayBuffer;
  /** Level of the frame, 0…1 of full scale. */
  rms: number;
  /** AudioContext time (s) at the end of the render quantum that completed the frame. */
  endTime: number;
}
