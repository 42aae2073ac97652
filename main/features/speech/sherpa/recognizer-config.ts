/**
 * From the service configuration and the checked model files to sherpa-onnx's recogniser configuration.
 * Pure, so the mapping (which a wrong field name would silently break: sherpa-onnx ignores unknown keys)
 * is unit-tested without the native code.
 */
import type { SherpaOnnxConfig } from '../config';
import type { SherpaRecognizerConfig } from './binding';
import type { SherpaModelFiles } from './model-files';

/** The sample rate the protocol delivers and sherpa-onnx's released streaming models expect. */
export const SHERPA_SAMPLE_RATE = 16000;

/** Ends an utterance in which nothing was recognised (long silence, noise), s: sherpa-onnx's default. */
const SILENCE_ONLY_S = 2.4;
/** Longest utterance, s: a speaker who never pauses still gets finals (sherpa-onnx's default). */
const MAX_UTTERANCE_S = 20;

/** The recogniser configuration for a model. */
export function sherpaRecognizerConfig(config: SherpaOnnxConfig, files: SherpaModelFiles): SherpaRecognizerConfig {
  const model =
    files.kind === 'transducer'
      ? { transducer: { encoder: files.encoder, decoder: files.decoder, joiner: files.joiner } }
      : { paraformer: { encoder: files.encoder, decoder: files.decoder } };
  return {
    featConfig: { sampleRate: SHERPA_SAMPLE_RATE, featureDim: 80 },
    modelConfig: { ...model, tokens: files.tokens, numThreads: config.numThreads, provider: 'cpu', debug: 0 },
    // Greedy search: hot words would need modified beam search and a tokenised hot-words file (see README).
    decodingMethod: 'greedy_search',
    enableEndpoint: 1,
    rule1MinTrailingSilence: Math.max(SILENCE_ONLY_S, config.endSilenceMs / 1000),
    rule2MinTrailingSilence: config.endSilenceMs / 1000,
    rule3MinUtteranceLength: MAX_UTTERANCE_S,
  };
}
