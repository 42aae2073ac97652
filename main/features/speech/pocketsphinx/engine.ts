/**
 * The pocketsphinx engine: checks the configured model, reads the knowledge packages into a base corpus
 * once, and opens one decoder per stream on a domain model (base corpus + the stream's hints and keywords),
 * built or found in the cache.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readJson } from '@common/json';
import type { PocketsphinxConfig } from '../config';
import { SpeechEngineError, type RecognitionStream, type SpeechEngine, type StreamOptions } from '../engine';
import { buildCorpus } from '../model/corpus';
import { ensureDomainModel, type DomainModel } from '../model/domain-model';
import { LibraryMissingError, loadPocketsphinx, type PocketsphinxApi, type Pointer } from './ffi';
import { checkAcousticModel, checkModelFile } from './model-check';
import { NativeLane, PocketsphinxRecognizer, type RecognizerTuning } from './recognizer';

/** Words the general vocabulary may take: plain lower-case words (the model also lists markers and odd tokens). */
const PLAIN_WORD = /^[a-z][a-z']*$/;

/** The general model file's name in Debian's pocketsphinx-en-us (beside cmudict-en-us.dict). */
const GENERAL_MODEL_FILE = 'en-us.lm.bin';

/** The general model to interpolate with: the configured one, or the one beside the dictionary; null for none. */
export function generalModelPath(config: PocketsphinxConfig): string | null {
  if (config.generalModel === null || config.domainWeight >= 1) return null;
  if (config.generalModel !== undefined) return config.generalModel;
  const beside = join(dirname(config.dictionary), GENERAL_MODEL_FILE);
  return existsSync(beside) ? beside : null;
}

/**
 * Loads the general model once for every stream, with its `size` most probable plain words.
 * @throws SpeechEngineError model-missing or bad-config naming the file
 */
async function loadGeneral(path: string, size: number, api: PocketsphinxApi): Promise<{ lm: Pointer; words: string[] }> {
  await checkModelFile(path, 'general language model');
  const lm = api.loadLm(path);
  if (lm === null) throw new SpeechEngineError('bad-config', `cannot read the general language model ${path}; check that it is an ARPA or sphinx binary model`);
  const words = api
    .unigrams(lm)
    .filter((u) => PLAIN_WORD.test(u.word))
    .sort((a, b) => b.log10Prob - a.log10Prob || (a.word < b.word ? -1 : 1))
    .slice(0, size)
    .map((u) => u.word);
  return { lm, words };
}

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
  /** The leg's spare decoder served the stream (no load). */
  reused: boolean;
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
    /** The general model interpolated with the domain one, with its most probable words (dictionary only). */
    private readonly general: { lm: Pointer; words: readonly string[] } | null,
  ) {}

  /** Every decoder that scores with the shared general model runs on this one lane (recognizer.ts). */
  private readonly lane = new NativeLane();
  /**
   * Per leg, the decoder of its last finished stream: the leg's next stream on the same model takes it instead
   * of loading one (1–3 s with the general model; the session queues the call's audio meanwhile).
   */
  private readonly spares = new Map<string, { key: string; recognizer: PocketsphinxRecognizer }>();
  private disposed = false;

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
    const generalPath = generalModelPath(config);
    const general = generalPath === null ? null : await loadGeneral(generalPath, config.generalVocabulary, api);
    return new PocketsphinxEngine(config, cacheDir, api, packages, general);
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
    const model = await ensureDomainModel({ dictionaryPath: this.config.dictionary, sentences, cacheDir: this.cacheDir, extraWords: this.general?.words ?? [] }).catch((error: unknown) => {
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
    const spare = this.takeSpare(leg, model.key);
    const recognizer = spare ?? (await PocketsphinxRecognizer.open(
      this.api,
      {
        acousticModel: this.config.acousticModel,
        dictionary: model.dictPath,
        languageModel: model.lmPath,
        ...(this.general ? { general: { lm: this.general.lm, domainWeight: this.config.domainWeight, lane: this.lane } } : {}),
      },
      tuning,
    ));
    const info: PocketsphinxStreamInfo = { model, loadMs: performance.now() - started, reused: spare !== null };
    return {
      info,
      accept: (samples) => recognizer.accept(samples),
      finish: () => recognizer.finish(),
      close: () => this.release(leg, model.key, recognizer),
    };
  }

  /**
   * The leg's spare decoder when it was built for this model; a spare of another model is freed. Only with
   * `cmnPrior: leg` (a spare carries its leg's mean, which `model` must not) and without `redecodeFirst: always`.
   */
  private takeSpare(leg: string | undefined, key: string): PocketsphinxRecognizer | null {
    if (!leg || this.config.redecodeFirst === 'always') return null;
    const spare = this.spares.get(leg);
    if (!spare) return null;
    this.spares.delete(leg);
    if (spare.key === key && spare.recognizer.reusable) {
      spare.recognizer.claim();
      return spare.recognizer;
    }
    spare.recognizer.close();
    return null;
  }

  /** A closed stream's decoder becomes its leg's spare when it finished cleanly; otherwise it is freed. */
  private release(leg: string | undefined, key: string, recognizer: PocketsphinxRecognizer): void {
    if (!leg || this.disposed || !recognizer.reusable || this.config.redecodeFirst === 'always') return recognizer.close();
    const previous = this.spares.get(leg);
    if (previous && previous.recognizer !== recognizer) previous.recognizer.close();
    this.spares.set(leg, { key, recognizer });
  }

  dispose(): void {
    this.disposed = true;
    for (const { recognizer } of this.spares.values()) recognizer.close();
    this.spares.clear();
    // Decoders belong to their streams (each search keeps its own reference to the general model, so this
    // frees it only once the last of them is gone); the library stays mapped for the life of the process.
    if (this.general) void this.lane.run(async () => this.api.freeLm((this.general as { lm: Pointer }).lm));
  }
}
