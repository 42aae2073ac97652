/**
 * Bindings to Debian's libpocketsphinx.so.3 / libsphinxbase.so.3 (0.8+5prealpha) through koffi: only the
 * calls the recogniser uses, typed. Prototypes follow /usr/include/pocketsphinx/pocketsphinx.h and
 * sphinxbase/cmd_ln.h (packages libpocketsphinx-dev, libsphinxbase-dev; not needed at run time).
 *
 * The heavy calls (model load, audio processing, end of utterance) are also bound as promises running on
 * koffi's native thread pool, so a decoding leg never blocks the service's event loop. A decoder must
 * only ever have one call in flight (the recogniser serialises them); separate decoders run in parallel.
 */
import koffi from 'koffi';
import { promisify } from 'node:util';

/** A native pointer (koffi 3 passes pointers as BigInt; null is NULL). */
export type Pointer = bigint;

/** The subset of the C API the recogniser needs. */
export interface PocketsphinxApi {
  /** Builds a decoder config from `-name value` pairs (strict: unknown names fail). NULL on error. */
  parseConfig(args: readonly string[]): Pointer | null;
  freeConfig(config: Pointer): void;
  /** Loads the models named by the config; NULL when pocketsphinx rejects them. */
  init(config: Pointer): Promise<Pointer | null>;
  free(decoder: Pointer): void;
  startUtt(decoder: Pointer): number;
  /** Feeds samples; returns frames searched or < 0 on error. */
  processRaw(decoder: Pointer, samples: Int16Array): Promise<number>;
  endUtt(decoder: Pointer): Promise<number>;
  /** The current best hypothesis, null when there is none. */
  hyp(decoder: Pointer): string | null;
  /** Whether the voice activity detector is inside speech. */
  inSpeech(decoder: Pointer): boolean;
  /** Frames (10 ms each) in the current utterance. */
  frames(decoder: Pointer): number;
  /** Words of the best hypothesis with their frame spans (relative to the utterance). */
  segments(decoder: Pointer): { word: string; startFrame: number; endFrame: number }[];
  /** The live cepstral mean the front end subtracts now (updated at each end of utterance). */
  getCmn(decoder: Pointer): Float32Array;
  /** Replaces the live cepstral mean (weighted as CMN_WIN = 500 frames of history). */
  setCmn(decoder: Pointer, mean: Float32Array): void;
  /**
   * Reads a language model file (ARPA or binary) to share between decoders (their searches retain it; free
   * the caller's reference with freeLm). Its scoring keeps a history cache, so decoders that share one must
   * never run at the same time. Null when the file cannot be read.
   */
  loadLm(path: string): Pointer | null;
  freeLm(lm: Pointer): void;
  /** The unigrams of a loaded model with their log10 probabilities. */
  unigrams(lm: Pointer): { word: string; log10Prob: number }[];
  /**
   * Makes the decoder search with P = domainWeight·P(domain file) + (1 − domainWeight)·P(shared).
   * @returns null on success, else what pocketsphinx refused
   */
  useInterpolatedLm(decoder: Pointer, domainPath: string, domainWeight: number, shared: Pointer): string | null;
}

/**
 * Where the decoder's live CMN state is. libpocketsphinx 5prealpha exports no getter for it: ps_get_feat
 * gives the feat_t, whose `cmn_struct` (cmn_t *) sits at byte 0x58 on 64-bit builds (sphinxbase feat.h;
 * checked in the disassembly of feat_init, and by a unit test against the model's -cmninit right after
 * ps_init). cmn_t's `veclen` is at 0x1c (cmn_live_get's own disassembly).
 */
const FEAT_CMN_STRUCT_OFFSET = 0x58;
const CMN_VECLEN_OFFSET = 0x1c;
/** Cepstral vector lengths a model can have (13 for every Sphinx model shipped). */
const MAX_CEPSTRA = 64;

/** Thrown when the shared library cannot be loaded (not installed, wrong architecture). */
export class LibraryMissingError extends Error {
  override readonly name = 'LibraryMissingError';
}

const DEFAULT_LIBRARIES = { pocketsphinx: 'libpocketsphinx.so.3', sphinxbase: 'libsphinxbase.so.3' };

let typesDeclared = false;
/** koffi type names are process-global: declare them once. */
function declareTypes(): void {
  if (typesDeclared) return;
  for (const name of ['ps_decoder_t', 'cmd_ln_t', 'arg_t', 'ps_seg_t', 'ngram_model_t', 'logmath_t']) koffi.opaque(name);
  typesDeclared = true;
}

/** One binding per library pair (koffi keeps a loaded library mapped for the life of the process anyway). */
const loaded = new Map<string, PocketsphinxApi>();

/**
 * Loads the libraries once per process (koffi keeps them mapped) and silences their stderr log: errors
 * reach callers as exceptions with clear messages instead.
 * @throws LibraryMissingError naming the package to install
 */
export function loadPocketsphinx(libraries = DEFAULT_LIBRARIES): PocketsphinxApi {
  const key = `${libraries.pocketsphinx}\n${libraries.sphinxbase}`;
  const existing = loaded.get(key);
  if (existing) return existing;
  let ps: ReturnType<typeof koffi.load>;
  let sb: ReturnType<typeof koffi.load>;
  try {
    sb = koffi.load(libraries.sphinxbase);
    ps = koffi.load(libraries.pocketsphinx);
  } catch (error) {
    throw new LibraryMissingError(
      `cannot load ${libraries.pocketsphinx} (${(error as Error).message}); install Debian's libpocketsphinx3 and pocketsphinx-en-us`,
    );
  }
  declareTypes();

  sb.func('void err_set_logfp(void *fp)')(null);
  const cmdLnParse = sb.func('cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout, const arg_t *defn, int argc, const char **argv, int strict)');
  const cmdLnFree = sb.func('int cmd_ln_free_r(cmd_ln_t *config)');
  const psArgs = ps.func('const arg_t *ps_args()');
  const psInit = ps.func('ps_decoder_t *ps_init(cmd_ln_t *config)');
  const psFree = ps.func('int ps_free(ps_decoder_t *ps)');
  const psStartUtt = ps.func('int ps_start_utt(ps_decoder_t *ps)');
  const psEndUtt = ps.func('int ps_end_utt(ps_decoder_t *ps)');
  const psProcessRaw = ps.func('int ps_process_raw(ps_decoder_t *ps, const int16_t *data, size_t n, int no_search, int full_utt)');
  const psGetHyp = ps.func('const char *ps_get_hyp(ps_decoder_t *ps, _Out_ int32_t *score)');
  const psGetInSpeech = ps.func('uint8_t ps_get_in_speech(ps_decoder_t *ps)');
  const psGetNFrames = ps.func('int ps_get_n_frames(ps_decoder_t *ps)');
  const psSegIter = ps.func('ps_seg_t *ps_seg_iter(ps_decoder_t *ps)');
  const psSegNext = ps.func('ps_seg_t *ps_seg_next(ps_seg_t *seg)');
  const psSegWord = ps.func('const char *ps_seg_word(ps_seg_t *seg)');
  const psSegFrames = ps.func('void ps_seg_frames(ps_seg_t *seg, _Out_ int *sf, _Out_ int *ef)');
  const psGetFeat = ps.func('void *ps_get_feat(ps_decoder_t *ps)');
  const cmnLiveGet = sb.func('void cmn_live_get(void *cmn, _Out_ float *mean)');
  const cmnLiveSet = sb.func('void cmn_live_set(void *cmn, const float *mean)');
  const psGetLogmath = ps.func('logmath_t *ps_get_logmath(ps_decoder_t *ps)');
  const psGetConfig = ps.func('cmd_ln_t *ps_get_config(ps_decoder_t *ps)');
  const psSetLm = ps.func('int ps_set_lm(ps_decoder_t *ps, const char *name, ngram_model_t *lm)');
  const psSetSearch = ps.func('int ps_set_search(ps_decoder_t *ps, const char *name)');
  // ngram_file_type_t: NGRAM_AUTO = 0 (guess from the file).
  const ngramRead = sb.func('ngram_model_t *ngram_model_read(cmd_ln_t *config, const char *path, int type, logmath_t *lmath)');
  const ngramFree = sb.func('int ngram_model_free(ngram_model_t *model)');
  const ngramRetain = sb.func('ngram_model_t *ngram_model_retain(ngram_model_t *model)');
  const ngramApplyWeights = sb.func('int ngram_model_apply_weights(ngram_model_t *model, float lw, float wip)');
  const cmdLnFloat = sb.func('double cmd_ln_float_r(cmd_ln_t *config, const char *name)');
  // models as a raw buffer of pointers (a BigUint64Array): the array's memory is what C reads.
  const ngramSetInit = sb.func('ngram_model_t *ngram_model_set_init(cmd_ln_t *config, void *models, const char **names, const float *weights, int n)');
  const ngramCounts = sb.func('const uint32_t *ngram_model_get_counts(ngram_model_t *model)');
  const ngramWord = sb.func('const char *ngram_word(ngram_model_t *model, int32_t wid)');
  const ngramNgScore = sb.func('int32_t ngram_ng_score(ngram_model_t *model, int32_t wid, int32_t *history, int32_t n_hist, _Out_ int32_t *n_used)');
  const logmathInit = sb.func('logmath_t *logmath_init(double base, int shift, int use_table)');
  const logmathFree = sb.func('int logmath_free(logmath_t *lmath)');
  /** The decoder's cmn_t and its vector length. */
  const cmnOf = (decoder: Pointer): { cmn: Pointer; length: number } => {
    const feat = psGetFeat(decoder) as Pointer | null;
    const cmn = feat === null ? null : (koffi.decode(feat, FEAT_CMN_STRUCT_OFFSET, 'void *') as Pointer | null);
    const length = cmn === null ? 0 : (koffi.decode(cmn, CMN_VECLEN_OFFSET, 'int32') as number);
    if (cmn === null || length < 1 || length > MAX_CEPSTRA) throw new Error(`this libpocketsphinx's feature layout is not the one Lingxi reads (cepstral mean of length ${length})`);
    return { cmn, length };
  };

  /** The logmath of each model loadLm read, freed with it. */
  const sharedLogmath = new Map<Pointer, Pointer>();

  const initAsync = promisify(psInit.async) as (config: Pointer) => Promise<Pointer | null>;
  const processAsync = promisify(psProcessRaw.async) as (d: Pointer, s: Int16Array, n: number, noSearch: number, full: number) => Promise<number>;
  const endAsync = promisify(psEndUtt.async) as (d: Pointer) => Promise<number>;

  const api: PocketsphinxApi = {
    parseConfig: (args) => cmdLnParse(null, psArgs(), args.length, [...args], 1) as Pointer | null,
    freeConfig: (config) => void cmdLnFree(config),
    init: (config) => initAsync(config),
    free: (decoder) => void psFree(decoder),
    startUtt: (decoder) => psStartUtt(decoder) as number,
    processRaw: (decoder, samples) => processAsync(decoder, samples, samples.length, 0, 0),
    endUtt: (decoder) => endAsync(decoder),
    hyp: (decoder) => {
      const text = psGetHyp(decoder, [0]) as string | null;
      return text === null || text === '' ? null : text;
    },
    inSpeech: (decoder) => (psGetInSpeech(decoder) as number) !== 0,
    frames: (decoder) => psGetNFrames(decoder) as number,
    segments: (decoder) => {
      const words: { word: string; startFrame: number; endFrame: number }[] = [];
      // ps_seg_next frees the iterator when it returns NULL, so a complete walk leaks nothing.
      for (let seg = psSegIter(decoder) as Pointer | null; seg !== null; seg = psSegNext(seg) as Pointer | null) {
        const sf = [0];
        const ef = [0];
        psSegFrames(seg, sf, ef);
        words.push({ word: psSegWord(seg) as string, startFrame: sf[0] ?? 0, endFrame: ef[0] ?? 0 });
      }
      return words;
    },
    getCmn: (decoder) => {
      const { cmn, length } = cmnOf(decoder);
      const mean = new Float32Array(length);
      cmnLiveGet(cmn, mean);
      return mean;
    },
    setCmn: (decoder, mean) => {
      const { cmn, length } = cmnOf(decoder);
      if (mean.length !== length) throw new Error(`cepstral mean of length ${mean.length} given to a decoder whose features have ${length}`);
      cmnLiveSet(cmn, mean);
    },
    loadLm: (path) => {
      // Decoders use log base 1.0001 without shift (pocketsphinx's defaults, which Lingxi never changes), and
      // take it from the float32 -logbase argument; ngram_model_set_init compares bases exactly, so this one
      // must be the same float32 value. The model keeps the logmath pointer without a reference of its own:
      // it lives until freeLm.
      const lmath = logmathInit(Math.fround(1.0001), 0, 0) as Pointer;
      const lm = ngramRead(null, path, 0, lmath) as Pointer | null;
      if (lm === null) logmathFree(lmath);
      else sharedLogmath.set(lm, lmath);
      return lm;
    },
    freeLm: (lm) => {
      // Searches still holding the model keep its logmath too (a few hundred bytes, then left to the process).
      const left = ngramFree(lm) as number;
      const lmath = sharedLogmath.get(lm);
      sharedLogmath.delete(lm);
      if (left === 0 && lmath !== undefined) logmathFree(lmath);
    },
    unigrams: (lm) => {
      const count = koffi.decode(ngramCounts(lm), 'uint32_t') as number;
      const out: { word: string; log10Prob: number }[] = [];
      const lnBase = Math.log(Math.fround(1.0001));
      for (let wid = 0; wid < count; wid++) {
        const word = ngramWord(lm, wid) as string | null;
        if (word !== null) out.push({ word, log10Prob: ((ngramNgScore(lm, wid, null, 0, [0]) as number) * lnBase) / Math.LN10 });
      }
      return out;
    },
    useInterpolatedLm: (decoder, domainPath, domainWeight, shared) => {
      const config = psGetConfig(decoder) as Pointer;
      const domain = ngramRead(null, domainPath, 0, psGetLogmath(decoder)) as Pointer | null;
      if (domain === null) return `cannot read the language model ${domainPath}`;
      // The set takes one reference to each model; the search built by ps_set_lm owns the set (freed with the decoder).
      ngramRetain(shared);
      // The big shared model first: ngram_model_set_init sizes its merged-vocabulary hash table by the first
      // model's vocabulary, and a table sized for the domain's ~1,000 words holding 73,000 took seconds.
      const set = ngramSetInit(config, BigUint64Array.of(BigInt(shared), BigInt(domain)), ['general', 'domain'], Float32Array.from([1 - domainWeight, domainWeight]), 2) as Pointer | null;
      if (set === null) {
        ngramFree(domain);
        ngramFree(shared);
        return 'pocketsphinx could not interpolate the language models (their log bases differ)';
      }
      // The decoder's language weight and word insertion penalty on every model of the set (as ngram_model_read
      // does for a decoder's own -lm); the shared model gets the same values from every decoder.
      ngramApplyWeights(set, cmdLnFloat(config, '-lw') as number, cmdLnFloat(config, '-wip') as number);
      if ((psSetLm(decoder, 'interpolated', set) as number) < 0) return 'pocketsphinx refused the interpolated language model';
      if ((psSetSearch(decoder, 'interpolated') as number) < 0) return 'pocketsphinx could not switch to the interpolated language model';
      return null;
    },
  };
  loaded.set(key, api);
  return api;
}
