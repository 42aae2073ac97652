/**
 * The pocketsphinx engine: checks the configured model, reads the knowledge packages into a base corpus
 * once, and opens one decoder per stream on a domain model (base corpus + the stream's hints and keywords),
 * built or found in the cache.
 */
import { readFile } from 'node:fs/promises';
import { readJson } from '@common/json';
import type { PocketsphinxConfig } from '../config';
import { SpeechEngineError, type RecognitionStream, type SpeechEngine, type StreamOptions } from '../engine';
import { buildCorpus } from '../model/corpus';
import { ensureDomainModel, type DomainModel } from '../model/domain-model';
import { LibraryMissingError, loadPocketsphinx, type PocketsphinxApi } from './ffi';
import { checkAcousticModel, checkModelFile } from './model-check';
import { PocketsphinxRecognizer, type RecognizerTuning } from './recognizer';

/**
 * Fixed decoder arguments.
 * - `-dither yes`: adds ±½ LSB noise before feature extraction. Digital silence (TTS, a muted track) has
 *   zero energy, which upsets the front end's normalisation: measured on the test speech, words next to
 *   pure silence were lost ("locked" → "line") without it.
 * - `-seed 1`: the dither noise is then the same on every run, so results are reproducible.
 */
const FIXED_ARGS = ['-dither', 'yes', '-seed', '1'];

/** What opening a stream cost; the CLI and the bench report it. */
export interface PocketsphinxStreamInfo {
  model: DomainModel;
  /** Time to load the decoder (acoustic model, dictionary, LM), ms. */
  loadMs: number;
}

/** A pocketsphinx recognition stream with its load figures. */
export type PocketsphinxStream = RecognitionStream & { readonly info: PocketsphinxStreamInfo };

/** Creates the engine. Dependencies are injectable for tests. */
export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx';
  /** Per leg, the live cepstral mean its last stream ended with: the next stream of that leg starts there. */
  private readonly cmnPriors = new Map<string, Float32Array>();

  private constructor(
    private readonly config: PocketsphinxConfig,
    private readonly cacheDir: string,
    private readonly api: PocketsphinxApi,
    private readonly packages: readonly unknown[],
  ) {}

  /**
   * Checks model files, loads the library and reads the knowledge packages.
   * @throws SpeechEngineError model-missing, engine-unavailable or bad-config, each naming the file at fault
   */
  static async create(config: PocketsphinxConfig, cacheDir: string, load: () => PocketsphinxApi = loadPocketsphinx): Promise<PocketsphinxEngine> {
    await checkAcousticModel(config.acousticModel);
    await checkModelFile(config.dictionary, 'pronouncing dictionary');
    const packages: unknown[] = [];
    for (const path of config.knowledgePackages) {
      await checkModelFile(path, 'knowledge package');
      const json = readJson(await readFile(path, 'utf8'));
      if (!json.ok) throw new SpeechEngineError('bad-config', `knowledge package ${path}: ${json.error}`);
      packages.push(json.value);
    }
    let api: PocketsphinxApi;
    try {
      api = load();
    } catch (error) {
      if (error instanceof LibraryMissingError) throw new SpeechEngineError('engine-unavailable', error.message, { cause: error });
      throw error;
    }
    return new PocketsphinxEngine(config, cacheDir, api, packages);
  }

  async open(options: StreamOptions): Promise<PocketsphinxStream> {
    const language = options.language.split('-')[0] ?? options.language;
    let sentences: string[][];
    try {
      sentences = buildCorpus({
        knowledgePackages: this.packages,
        language,
        keywords: [...this.config.keywords, ...options.keywords],
        hints: options.hints,
      });
    } catch (error) {
      throw new SpeechEngineError('bad-config', (error as Error).message, { cause: error });
    }
    const model = await ensureDomainModel({ dictionaryPath: this.config.dictionary, sentences, cacheDir: this.cacheDir }).catch((error: unknown) => {
      throw new SpeechEngineError('bad-config', `cannot build the domain model: ${(error as Error).message}`, { cause: error });
    });
    const leg = this.config.cmnPrior === 'leg' ? options.leg : undefined;
    const prior = leg ? this.cmnPriors.get(leg) : undefined;
    const redecode = this.config.redecodeFirst;
    const tuning: RecognizerTuning = {
      endSilenceMs: this.config.endSilenceMs,
      partialIntervalMs: this.config.partialIntervalMs,
      extraArgs: FIXED_ARGS,
      redecodeFirst: redecode === 'always' || (redecode === 'without-prior' && !prior),
      ...(leg ? { cmnPrior: prior, onCmn: (mean: Float32Array) => void this.cmnPriors.set(leg, mean) } : {}),
    };
    const started = performance.now();
    const recognizer = await PocketsphinxRecognizer.open(
      this.api,
      { acousticModel: this.config.acousticModel, dictionary: model.dictPath, languageModel: model.lmPath },
      tuning,
    );
    const info: PocketsphinxStreamInfo = { model, loadMs: performance.now() - started };
    return Object.assign(recognizer, { info });
  }

  dispose(): void {
    // Decoders belong to their streams; the library stays mapped for the life of the process.
  }
}
