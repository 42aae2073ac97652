/**
 * Reads a WAV file as protocol audio (16 kHz, 16-bit, mono). Used by the evaluation CLI and tests; the app
 * itself gets its audio from the renderer's AudioWorklet, already in that format.
 */
import { readFile } from 'node:fs/promises';

/** Samples and their duration. */
export interface PcmAudio {
  samples: Int16Array;
  durationMs: number;
}

const CONVERT = 'convert it with: sox in.wav -r 16000 -c 1 -b 16 -e signed-integer out.wav';

/**
 * Parses a RIFF/WAVE file.
 * @throws Error naming what is wrong and the sox command that fixes it
 */
export function parseWav(bytes: Uint8Array, name = 'WAV file'): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error(`${name} is not a WAV file`);
  let format: { channels: number; rate: number; bits: number; codec: number } | undefined;
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = { codec: view.getUint16(body, true), channels: view.getUint16(body + 2, true), rate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error(`${name}: data before format chunk`);
      // 0xFFFE (WAVE_FORMAT_EXTENSIBLE) is what sox writes for some layouts; its samples are plain PCM here.
      if ((format.codec !== 1 && format.codec !== 0xfffe) || format.bits !== 16 || format.channels !== 1 || format.rate !== 16000) {
        throw new Error(`${name} is ${format.rate} Hz, ${format.bits}-bit, ${format.channels} channel(s); the engine needs 16000 Hz 16-bit mono PCM: ${CONVERT}`);
      }
      const length = Math.min(size, bytes.byteLength - body) & ~1;
      const samples = new Int16Array(length / 2);
      new Uint8Array(samples.buffer).set(bytes.subarray(body, body + length));
      return { samples, durationMs: samples.length / 16 };
    }
    at = body + size + (size % 2);
  }
  throw new Error(`${name} has no audio data`);
}

/** Reads and parses a WAV file. */
export async function readWav(path: string): Promise<PcmAudio> {
  return parseWav(await readFile(path), path);
}
