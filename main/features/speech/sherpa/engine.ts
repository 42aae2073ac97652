/**
 * The sherpa-onnx engine: loads sherpa-onnx-node lazily, checks the model folder, creates one recogniser
 * per engine and one stream per leg. Order of checks: the package first (its absence is a property of the
 * build or platform, and no model fix helps), then every model file (before native code may abort the
 * process over a bad one), then the native recogniser.
 */
import type { SherpaOnnxConfig } from '../config';
import { SpeechEngineError, type RecognitionStream, type SpeechEngine, type StreamOptions } from '../engine';
import { loadSherpaOnnx, type SherpaOnnxApi, type SherpaRecognizer } from './binding';
import { findSherpaModel } from './model-files';
import { sherpaRecognizerConfig } from './recognizer-config';
import { SherpaRecognitionStream } from './stream';

/** A loaded sherpa-onnx model. */
export class SherpaOnnxEngine implements SpeechEngine {
  readonly name = 'sherpa-onnx';

  private constructor(private recognizer: SherpaRecognizer | null) {}

  /**
   * Loads the package, checks the model and creates the recogniser.
   * @param load replaced in tests (absent package, fake recogniser)
   * @throws SpeechEngineError engine-unavailable (package or native binary absent), model-missing (folder or
   *   a file absent, named), bad-config (a file that is not a model, or a model sherpa-onnx rejects)
   */
  static async create(config: SherpaOnnxConfig, load: () => Promise<SherpaOnnxApi> = () => loadSherpaOnnx()): Promise<SherpaOnnxEngine> {
    const api = await load();
    const files = await findSherpaModel(config.modelDir, config.languages);
    try {
      return new SherpaOnnxEngine(api.createRecognizer(sherpaRecognizerConfig(config, files)));
    } catch (error) {
      throw new SpeechEngineError('bad-config', `sherpa-onnx ${api.version} rejected the ${files.kind} model in ${config.modelDir}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * Opens a stream. Hints and keywords do not bias sherpa-onnx (greedy search; see README); keywords are
   * still reported from the finals' words by the session.
   */
  open(_options: StreamOptions): Promise<RecognitionStream> {
    if (!this.recognizer) return Promise.reject(new SpeechEngineError('internal', 'the sherpa-onnx engine was disposed'));
    return Promise.resolve(new SherpaRecognitionStream(this.recognizer));
  }

  dispose(): void {
    // The native recogniser is freed with its handle; open streams keep their own reference until closed.
    this.recognizer = null;
  }
}
