/**
 * The microphone level meter's measurement: an AnalyserNode on the capture, read a few times a second,
 * as a 0–100 figure on a dBFS scale (what the ear and VU meters follow, unlike raw amplitude).
 */
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';

const log = createLogger('devices');

/** The quietest level the meter shows above zero. */
const FLOOR_DB = -60;
const INTERVAL_MS = 100;

/** Maps an RMS amplitude (full scale = 1) to 0–100: 0 at or below -60 dBFS, 100 at 0 dBFS. */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.round(Math.min(100, Math.max(0, ((db - FLOOR_DB) / -FLOOR_DB) * 100)));
}

/** RMS of a block of samples. */
export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/**
 * Measures `stream` until stop(), calling onLevel with 0–100. Owns the stream: stop() ends its tracks, so
 * the capture (and the browser's "microphone in use" indicator) ends with the meter.
 */
export class LevelMeter {
  private readonly context: AudioContext;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly stream: MediaStream,
    onLevel: (level: number) => void,
    createContext: () => AudioContext = () => new AudioContext(),
  ) {
    this.context = createContext();
    // Opened from a click (the dialog's button), so resuming is allowed under the autoplay policy.
    drop(this.context.resume(), log, 'resuming the level meter audio');
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 2048;
    this.source = this.context.createMediaStreamSource(stream);
    this.source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      onLevel(levelFromRms(rmsOf(samples)));
    }, INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.source.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    drop(this.context.close(), log, 'closing the level meter audio');
  }
}
