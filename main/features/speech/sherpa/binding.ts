/**
 * The part of sherpa-onnx-node (1.13) the engine uses, typed here because the package ships JavaScript
 * with JSDoc only, and loaded lazily: the package and its native platform package
 * (sherpa-onnx-linux-x64, -win-x64, -darwin-arm64 …) are optional, and the speech service must start and
 * serve English with pocketsphinx without them.
 */
import { SpeechEngineError } from '../engine';

/** The recogniser configuration (sherpa-onnx's OnlineRecognizerConfig, the fields Lingxi sets). */
export interface SherpaRecognizerConfig {
  featConfig: { sampleRate: number; featureDim: number };
  modelConfig: {
    transducer?: { encoder: string; decoder: string; joiner: string };
    paraformer?: { encoder: string; decoder: string };
    tokens: string;
    numThreads: number;
    provider: 'cpu';
    debug: 0 | 1;
  };
  decodingMethod: 'greedy_search';
  enableEndpoint: 1;
  /** Seconds of trailing silence that end an utterance in which nothing was decoded yet. */
  rule1MinTrailingSilence: number;
  /** Seconds of trailing silence that end an utterance after something was decoded. */
  rule2MinTrailingSilence: number;
  /** Seconds after which an utterance ends regardless. */
  rule3MinUtteranceLength: number;
}

/** A recognition stream's native handle. */
export interface SherpaStream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
  inputFinished(): void;
}

/** Result of a stream (getResult), the fields Lingxi reads. */
export interface SherpaResult {
  text: string;
}

/** sherpa-onnx's OnlineRecognizer. */
export interface SherpaRecognizer {
  createStream(): SherpaStream;
  isReady(stream: SherpaStream): boolean;
  decode(stream: SherpaStream): void;
  isEndpoint(stream: SherpaStream): boolean;
  reset(stream: SherpaStream): void;
  getResult(stream: SherpaStream): SherpaResult;
}

/** What the engine needs from the package. */
export interface SherpaOnnxApi {
  createRecognizer(config: SherpaRecognizerConfig): SherpaRecognizer;
  /** The package's version, for logs. */
  version: string;
}

interface SherpaModule {
  OnlineRecognizer: new (config: SherpaRecognizerConfig) => SherpaRecognizer;
  version?: unknown;
}

function isSherpaModule(value: unknown): value is SherpaModule {
  return typeof value === 'object' && value !== null && typeof (value as { OnlineRecognizer?: unknown }).OnlineRecognizer === 'function';
}

/** Imports a module by name; replaced in tests to simulate an absent package. */
export type ModuleImporter = (name: string) => Promise<unknown>;

// A variable name keeps bundlers from resolving the import at build time: the package stays external
// and its absence surfaces here, at run time, as engine-unavailable.
const PACKAGE = 'sherpa-onnx-node';
const importModule: ModuleImporter = (name) => import(name);

/**
 * Loads sherpa-onnx-node and its native binary.
 * @throws SpeechEngineError engine-unavailable naming the package when it (or the binary for this platform) is absent
 */
export async function loadSherpaOnnx(importer: ModuleImporter = importModule): Promise<SherpaOnnxApi> {
  let loaded: unknown;
  try {
    loaded = await importer(PACKAGE);
  } catch (error) {
    const first = ((error as Error).message ?? String(error)).split('\n')[0];
    throw new SpeechEngineError(
      'engine-unavailable',
      `the sherpa-onnx engine cannot load: ${PACKAGE} or its native package for ${process.platform}-${process.arch} (sherpa-onnx-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}) is not installed (${first})`,
      { cause: error },
    );
  }
  const module = isSherpaModule(loaded) ? loaded : isSherpaModule((loaded as { default?: unknown } | null)?.default) ? (loaded as { default: SherpaModule }).default : null;
  if (!module) throw new SpeechEngineError('engine-unavailable', `${PACKAGE} loaded but has no OnlineRecognizer: an unsupported version?`);
  return {
    createRecognizer: (config) => new module.OnlineRecognizer(config),
    version: typeof module.version === 'string' ? module.version : 'unknown',
  };
}
