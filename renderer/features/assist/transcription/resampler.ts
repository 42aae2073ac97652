/**
 * Streaming downsampler to 16 kHz (Lingxi speech protocol v1) for the transcription tap's AudioWorklet.
 * Pure TypeScript with no DOM: it runs in the audio rendering thread and in unit tests.
 *
 * A polyphase windowed-sinc FIR: each output sample is the input convolved with a Kaiser-windowed sinc
 * low-pass centred on the output instant, so content above 8 kHz (which would fold back into the speech
 * band when samples are simply dropped) is removed before decimation. Defaults: flat to 7 kHz (the English
 * acoustic model listens up to ~6.9 kHz), ≥ 70 dB down from 8 kHz. For 48 kHz (WebRTC's Opus rate) the ratio
 * is exactly 3 and one kernel serves every output; other rates (44.1 kHz contexts) use one kernel per
 * fractional phase, exact for rates whose ratio to 16 kHz has a small denominator.
 */

/** The protocol's sample rate. */
export const TARGET_RATE = 16000;
/** Phases kept at most; rarer ratios round the fractional position down to 1/MAX_PHASES of a sample. */
const MAX_PHASES = 512;

export interface DownsamplerOptions {
  /** Pass band edge, Hz (default 7000). */
  passbandHz?: number;
  /** Stop band edge, Hz: at most half the output rate (default 8000). */
  stopbandHz?: number;
  /** Stop band attenuation, dB (default 70). */
  attenuationDb?: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Zeroth-order modified Bessel function of the first kind (series), for the Kaiser window. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

/** Kaiser's β for a stop band attenuation (Oppenheim & Schafer). */
function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/** Downsamples one mono stream from `inputRate` to 16 kHz, block by block, keeping state between blocks. */
export class Downsampler {
  /** Input samples either side of the output instant the filter reads. */
  readonly halfLength: number;
  private readonly kernels: Float32Array[];
  private readonly step: number;
  private readonly den: number;
  private buffer: Float32Array;
  private length: number;
  /** Index in `buffer` of the input sample at or just before the next output instant. */
  private pos: number;
  /** Fractional part of the next output instant, in 1/den of an input sample. */
  private frac = 0;

  /**
   * @param inputRate the AudioContext's sample rate (≥ 16000)
   * @throws RangeError for a rate below 16 kHz or a stop band above 8 kHz
   */
  constructor(
    readonly inputRate: number,
    options: DownsamplerOptions = {},
  ) {
    const passband = options.passbandHz ?? 7000;
    const stopband = options.stopbandHz ?? 8000;
    const attenuation = options.attenuationDb ?? 70;
    if (!Number.isInteger(inputRate) || inputRate < TARGET_RATE) throw new RangeError(`input rate must be an integer ≥ ${TARGET_RATE} Hz, got ${inputRate}`);
    if (!(passband < stopband && stopband <= TARGET_RATE / 2)) throw new RangeError(`need passband < stopband ≤ ${TARGET_RATE / 2} Hz`);
    const divisor = gcd(inputRate, TARGET_RATE);
    this.step = inputRate / divisor;
    this.den = TARGET_RATE / divisor;
    const phases = Math.min(this.den, MAX_PHASES);
    // Kaiser's estimate of the length for this transition width and attenuation.
    const transition = (2 * Math.PI * (stopband - passband)) / inputRate;
    const taps = Math.ceil((attenuation - 7.95) / (2.285 * transition)) + 1;
    this.halfLength = Math.ceil(taps / 2);
    const cutoff = (passband + stopband) / 2 / inputRate;
    const beta = kaiserBeta(attenuation);
    const i0Beta = besselI0(beta);
    const h = this.halfLength;
    this.kernels = [];
    for (let p = 0; p < phases; p++) {
      const offset = p / phases;
      const kernel = new Float32Array(2 * h);
      let sum = 0;
      for (let j = 0; j < 2 * h; j++) {
        const d = j - h + 1 - offset;
        const x = 2 * cutoff * d;
        const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        const r = d / h;
        const window = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
        kernel[j] = 2 * cutoff * sinc * window;
        sum += kernel[j] as number;
      }
      // Unity gain at DC whatever the phase, so no phase adds a ripple of its own.
      for (let j = 0; j < kernel.length; j++) kernel[j] = (kernel[j] as number) / sum;
      this.kernels.push(kernel);
    }
    // Start with h - 1 zeros of history: the first output is centred on the first input sample.
    this.buffer = new Float32Array(4096 + 2 * h);
    this.length = h - 1;
    this.pos = h - 1;
  }

  /** Output samples (16 kHz) the block completes; the filter needs halfLength input samples of look-ahead. */
  process(input: Float32Array): Float32Array {
    this.append(input);
    const h = this.halfLength;
    const phases = this.kernels.length;
    const capacity = Math.ceil(((this.length - this.pos) * this.den) / this.step) + 1;
    const out = new Float32Array(Math.max(0, capacity));
    let produced = 0;
    const buffer = this.buffer;
    while (this.pos + h < this.length) {
      const phase = phases === this.den ? this.frac : Math.floor((this.frac * phases) / this.den);
      const kernel = this.kernels[phase] as Float32Array;
      const first = this.pos - h + 1;
      let acc = 0;
      for (let j = 0; j < kernel.length; j++) acc += (buffer[first + j] as number) * (kernel[j] as number);
      out[produced++] = acc;
      this.frac += this.step;
      this.pos += Math.floor(this.frac / this.den);
      this.frac %= this.den;
    }
    this.compact();
    return out.subarray(0, produced);
  }

  private append(input: Float32Array): void {
    if (this.length + input.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.length + input.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(input, this.length);
    this.length += input.length;
  }

  /** Drops input no future output reads. */
  private compact(): void {
    const keepFrom = this.pos - this.halfLength + 1;
    if (keepFrom <= 0) return;
    this.buffer.copyWithin(0, keepFrom, this.length);
    this.length -= keepFrom;
    this.pos -= keepFrom;
  }
}

/** Float samples (−1…1) to 16-bit PCM, clipped. */
export function toInt16(samples: Float32Array, into: Int16Array<ArrayBuffer> = new Int16Array(samples.length), at = 0): Int16Array<ArrayBuffer> {
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] as number));
    into[at + i] = Math.round(s * 32767);
  }
  return into;
}
