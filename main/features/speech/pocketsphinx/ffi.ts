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
  for (const name of ['ps_decoder_t', 'cmd_ln_t', 'arg_t', 'ps_seg_t']) koffi.opaque(name);
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
  /** The decoder's cmn_t and its vector length. */
  const cmnOf = (decoder: Pointer): { cmn: Pointer; length: number } => {
    const feat = psGetFeat(decoder) as Pointer | null;
    const cmn = feat === null ? null : (koffi.decode(feat, FEAT_CMN_STRUCT_OFFSET, 'void *') as Pointer | null);
    const length = cmn === null ? 0 : (koffi.decode(cmn, CMN_VECLEN_OFFSET, 'int32') as number);
    if (cmn === null || length < 1 || length > MAX_CEPSTRA) throw new Error(`this libpocketsphinx's feature layout is not the one Lingxi reads (cepstral mean of length ${length})`);
    return { cmn, length };
  };

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
  };
  loaded.set(key, api);
  return api;
}
