/**
 * One pocketsphinx decoder turned into a stream of partial and final results.
 *
 * Segmentation follows pocketsphinx's own voice activity detector: the decoder runs one long "utterance"
 * per stretch of speech. When ps_get_in_speech turns false (vad_postspeech of silence after speech), the
 * utterance ends, its best hypothesis is the final, and a new utterance starts. While in speech, the
 * hypothesis so far is a partial (at most every partialIntervalMs of audio, and only when it changed).
 *
 * Times: pocketsphinx numbers word segments in 10 ms frames counted from the decoder's creation,
 * silence dropped by the detector included (measured: a word spoken at 0.50 s of a stream is reported at
 * frame 49–50). The decoder outlives streams, so each stream's times are offsets from the frame count at
 * its start.
 */
import { SpeechEngineError, type RecognitionEvent, type RecognitionStream, type WordTiming } from '../engine';
import type { PocketsphinxApi, Pointer } from './ffi';

/** Decoder files. */
export interface RecognizerModel {
  /** Acoustic model folder (mdef, means, variances, …). */
  acousticModel: string;
  dictionary: string;
  languageModel: string;
  /**
   * A general model (loaded once, shared) to interpolate languageModel with: the decoder then searches
   * P = domainWeight·P(languageModel) + (1 − domainWeight)·P(general). Decoders sharing it must share a lane.
   */
  general?: { lm: Pointer; domainWeight: number; lane: NativeLane };
}

/**
 * Runs native calls one at a time, in order. Every decoder has one; decoders that share a language model
 * share one, since sphinxbase's model keeps a scoring cache that two threads must not use at once.
 */
export class NativeLane {
  private queue: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    // The caller gets the failure through `run`; the lane only has to move on to the next task.
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Knobs with defaults measured on the festival test speech (README "Figures"). */
export interface RecognizerTuning {
  /** Silence that ends an utterance, ms (pocketsphinx default 500). Lower = faster finals, more splits. */
  endSilenceMs?: number;
  /** Minimum audio between two partials, ms. */
  partialIntervalMs?: number;
  /** Further `-name value` decoder arguments (e.g. ['-beam', '1e-60']). */
  extraArgs?: readonly string[];
  /**
   * Live cepstral mean to start from (the last one of the same leg's previous stream) instead of the
   * acoustic model's -cmninit: the first utterance is then normalised like the rest (issue 22 §1).
   */
  cmnPrior?: Float32Array;
  /** Told the live cepstral mean after each utterance (the engine keeps it as the leg's next prior). */
  onCmn?: (mean: Float32Array) => void;
  /**
   * Decode the stream's first utterance a second time once it has ended (its audio folded into the live
   * cepstral mean), and make that the final: costs one more pass over the utterance (rtf × its length).
   */
  redecodeFirst?: boolean;
}

/** Audio kept before speech starts when the first utterance is to be decoded again (VAD pre-speech and more), samples. */
const KEEP_BEFORE_SPEECH = 16000;

const SAMPLES_PER_MS = 16;
const FRAME_MS = 10;
/** Dictionary entries that are not words: sentence markers, silence, noise models. */
const FILLER = /^(<s>|<\/s>|<sil>|\[[A-Z_]+\]|\+\+.*\+\+)$/;

/** Strips pocketsphinx's alternate-pronunciation suffix: "card(2)" → "card". */
const baseWord = (word: string): string => word.replace(/\(\d+\)$/, '');

/** The decoder arguments for a model and tuning. */
export function decoderArgs(model: RecognizerModel, tuning: RecognizerTuning): string[] {
  return [
    '-hmm', model.acousticModel,
    '-dict', model.dictionary,
    // With a general model the search is built once, interpolated, after ps_init (not twice).
    ...(model.general ? [] : ['-lm', model.languageModel]),
    '-samprate', '16000',
    '-vad_postspeech', String(Math.max(1, Math.round((tuning.endSilenceMs ?? 400) / FRAME_MS))),
    ...(tuning.extraArgs ?? []),
  ];
}

/** A running decoder. Create with PocketsphinxRecognizer.open. */
export class PocketsphinxRecognizer implements RecognitionStream {
  /** Samples fed since the decoder was created. */
  private decoderSamples = 0;
  /** decoderSamples when the current stream started. */
  private streamBase = 0;
  private inUtterance = false;
  private lastPartialAt = 0;
  private lastPartial = '';
  private closed = false;
  /** The last call was a completed finish(): the decoder is clean for another stream. */
  private finished = false;
  /** The first utterance's audio while it is to be decoded again; null once done (or not asked for). */
  private firstAudio: Int16Array[] | null;
  /** Samples fed to the decoder twice (a re-decoded first utterance): its frame numbers run ahead by this. */
  private refedSamples = 0;

  private constructor(
    private readonly api: PocketsphinxApi,
    private readonly decoder: Pointer,
    private readonly lane: NativeLane,
    private readonly partialIntervalSamples: number,
    private onCmn?: (mean: Float32Array) => void,
    redecodeFirst = false,
  ) {
    this.firstAudio = redecodeFirst ? [] : null;
    this.api.startUtt(decoder);
  }

  /**
   * Loads a decoder (off the event loop).
   * @throws SpeechEngineError bad-config when pocketsphinx rejects the arguments or the model files
   */
  static async open(api: PocketsphinxApi, model: RecognizerModel, tuning: RecognizerTuning = {}): Promise<PocketsphinxRecognizer> {
    const config = api.parseConfig(decoderArgs(model, tuning));
    if (config === null) throw new SpeechEngineError('bad-config', `pocketsphinx rejected the decoder arguments: ${decoderArgs(model, tuning).join(' ')}`);
    const decoder = await api.init(config);
    // ps_init keeps its own reference to the config.
    api.freeConfig(config);
    if (decoder === null) {
      throw new SpeechEngineError('bad-config', `pocketsphinx could not load the model (acoustic model ${model.acousticModel}, dictionary ${model.dictionary}, language model ${model.languageModel}); check that the files belong together and are not damaged`);
    }
    const lane = model.general?.lane ?? new NativeLane();
    if (model.general) {
      const { lm, domainWeight } = model.general;
      const refused = await lane.run(async () => api.useInterpolatedLm(decoder, model.languageModel, domainWeight, lm));
      if (refused !== null) {
        await lane.run(async () => api.free(decoder));
        throw new SpeechEngineError('bad-config', refused);
      }
    }
    // A libpocketsphinx whose feature layout Lingxi does not know (ffi.ts says so by throwing): no carried
    // mean, the model's -cmninit as before; recognition itself never depends on it.
    let onCmn = tuning.onCmn;
    try {
      if (tuning.cmnPrior) api.setCmn(decoder, tuning.cmnPrior);
    } catch {
      onCmn = undefined;
    }
    return new PocketsphinxRecognizer(api, decoder, lane, (tuning.partialIntervalMs ?? 250) * SAMPLES_PER_MS, onCmn, tuning.redecodeFirst);
  }

  accept(samples: Int16Array): Promise<RecognitionEvent[]> {
    this.finished = false;
    return this.serial(() => this.process(samples));
  }

  /** A new stream takes the decoder: it is reusable again only once that stream is finished. */
  claim(): void {
    this.finished = false;
  }

  /** Whether the decoder can serve another stream (its last stream was finished, it is not closed). */
  get reusable(): boolean {
    return this.finished && !this.closed;
  }

  finish(): Promise<RecognitionEvent[]> {
    return this.serial(async () => {
      let events: RecognitionEvent[] = [];
      if (this.inUtterance) {
        events = await this.endUtterance();
      } else {
        // Discard whatever silence the decoder holds and start clean for the next stream.
        await this.api.endUtt(this.decoder);
        this.api.startUtt(this.decoder);
      }
      this.streamBase = this.decoderSamples;
      // A next stream on this decoder starts from the cepstral mean this one ended with: nothing to re-decode.
      this.firstAudio = null;
      this.lastPartial = '';
      this.finished = true;
      return events;
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Free only after any call in flight has returned: the native thread may still be using the decoder.
    void this.lane.run(async () => this.api.free(this.decoder));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new SpeechEngineError('internal', 'the recogniser is closed'));
    return this.lane.run(task);
  }

  /** Stream position of the audio fed so far, ms. */
  private get positionMs(): number {
    return Math.round((this.decoderSamples - this.streamBase) / SAMPLES_PER_MS);
  }

  private async process(samples: Int16Array): Promise<RecognitionEvent[]> {
    if (samples.length === 0) return [];
    if ((await this.api.processRaw(this.decoder, samples)) < 0) throw new SpeechEngineError('internal', 'pocketsphinx failed to process audio');
    this.decoderSamples += samples.length;
    const speaking = this.api.inSpeech(this.decoder);
    if (this.firstAudio) this.keepFirstAudio(samples, speaking);
    if (speaking && !this.inUtterance) {
      this.inUtterance = true;
      this.lastPartialAt = this.decoderSamples;
      this.lastPartial = '';
      return [];
    }
    if (!speaking && this.inUtterance) return this.endUtterance();
    if (speaking && this.decoderSamples - this.lastPartialAt >= this.partialIntervalSamples) {
      this.lastPartialAt = this.decoderSamples;
      const text = this.words(this.api.hyp(this.decoder));
      if (text !== '' && text !== this.lastPartial) {
        this.lastPartial = text;
        const words = this.timedWords();
        return [{ kind: 'partial', text, startMs: words[0]?.startMs ?? this.positionMs, endMs: this.positionMs, words }];
      }
    }
    return [];
  }

  /** Keeps the first utterance's audio, and only the last KEEP_BEFORE_SPEECH samples before it starts. */
  private keepFirstAudio(samples: Int16Array, speaking: boolean): void {
    const kept = this.firstAudio as Int16Array[];
    kept.push(samples);
    if (speaking || this.inUtterance) return;
    let total = kept.reduce((n, c) => n + c.length, 0);
    while (kept.length > 1 && total - (kept[0]?.length ?? 0) >= KEEP_BEFORE_SPEECH) total -= kept.shift()?.length ?? 0;
  }

  /** Decodes the first utterance again now that the live cepstral mean has seen it. */
  private async redecodeFirst(): Promise<void> {
    const chunks = this.firstAudio as Int16Array[];
    this.firstAudio = null;
    const audio = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (audio.set(c, at), at + c.length), 0);
    this.api.startUtt(this.decoder);
    if ((await this.api.processRaw(this.decoder, audio)) < 0) throw new SpeechEngineError('internal', 'pocketsphinx failed to process audio');
    await this.api.endUtt(this.decoder);
    this.refedSamples += audio.length;
  }

  /** Hands the live cepstral mean on; stops asking a library whose layout is not the one ffi.ts reads. */
  private reportCmn(): void {
    if (!this.onCmn) return;
    try {
      this.onCmn(this.api.getCmn(this.decoder));
    } catch {
      this.onCmn = undefined;
    }
  }

  private async endUtterance(): Promise<RecognitionEvent[]> {
    await this.api.endUtt(this.decoder);
    if (this.firstAudio) await this.redecodeFirst();
    // ps_end_utt has folded the utterance into the live cepstral mean.
    this.reportCmn();
    const text = this.words(this.api.hyp(this.decoder));
    const words = this.timedWords();
    this.api.startUtt(this.decoder);
    this.inUtterance = false;
    if (text === '') return [];
    const end = this.positionMs;
    return [{ kind: 'final', text, startMs: words[0]?.startMs ?? end, endMs: words[words.length - 1]?.endMs ?? end, words }];
  }

  /** The best hypothesis's words with stream times (fillers and silences left out). */
  private timedWords(): WordTiming[] {
    const baseMs = (this.streamBase + this.refedSamples) / SAMPLES_PER_MS;
    return this.api
      .segments(this.decoder)
      .filter((s) => !FILLER.test(s.word))
      .map((s) => ({
        word: baseWord(s.word),
        startMs: Math.max(0, Math.round(s.startFrame * FRAME_MS - baseMs)),
        endMs: Math.max(0, Math.round((s.endFrame + 1) * FRAME_MS - baseMs)),
      }));
  }

  private words(hyp: string | null): string {
    return (hyp ?? '').split(/\s+/).filter((w) => w !== '' && !FILLER.test(w)).map(baseWord).join(' ');
  }
}
