/**
 * The speech service's configuration: which engine serves which language, with which model files. Main
 * (or the browser host) builds it from the policy and hands it to the service; `service-entry.ts` also
 * reads it from a JSON file. Validated here so a mistake is reported with its path before any model loads.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { speechLanguageSchema } from '@common/contract/speech-protocol';
import { describeIssues } from '@common/zod-issues';

/** Debian's pocketsphinx-en-us package. */
export const DEBIAN_EN_US = '/usr/share/pocketsphinx/model/en-us';

/** Interpolation defaults, chosen by `npm run speech:tune` on the tuning calls (never the evaluation set). */
export const GENERAL_DEFAULTS = { domainWeight: 0.5, vocabulary: 10000 };

const phrases = z.array(z.string().trim().min(1).max(100)).max(2000);

/** pocketsphinx: English with Debian's US-English acoustic model and a domain model built at run time. */
export const pocketsphinxConfigSchema = z.strictObject({
  engine: z.literal('pocketsphinx'),
  languages: z.array(speechLanguageSchema).min(1).default(['en-US']),
  /** Acoustic model folder. */
  acousticModel: z.string().min(1).default(`${DEBIAN_EN_US}/en-us`),
  /** Full pronouncing dictionary the domain dictionary is cut from. */
  dictionary: z.string().min(1).default(`${DEBIAN_EN_US}/cmudict-en-us.dict`),
  /** Knowledge package files whose articles (in the stream's language) make up the domain corpus. */
  knowledgePackages: z.array(z.string().min(1)).default([]),
  /** The policy's keyword rules: always recognisable, and reported as keywords when a stream asks. */
  keywords: phrases.default([]),
  /** Silence that ends an utterance, ms: lower gives faster finals but splits slow speakers. */
  endSilenceMs: z.number().int().min(100).max(2000).default(400),
  /** Minimum audio between partials, ms. */
  partialIntervalMs: z.number().int().min(50).max(5000).default(250),
  /**
   * Where each stream's live cepstral mean normalisation starts (issue 22 §1): `leg` = from the last mean
   * of the same leg's previous stream (the first sentence of a call is then normalised like the rest);
   * `model` = from the acoustic model's -cmninit every time (the old behaviour, kept for comparison).
   */
  cmnPrior: z.enum(['leg', 'model']).default('leg'),
  /**
   * Decode a stream's first utterance a second time once the normalisation has seen it (issue 22 §1): costs
   * one more pass over that utterance before its final. `without-prior` = only when the leg has no carried
   * mean yet (its first call since the service started).
   */
  redecodeFirst: z.enum(['never', 'without-prior', 'always']).default('without-prior'),
  /**
   * A general English language model interpolated with the domain one (issue 22 §2), so words the knowledge
   * base never uses ("loan", "thanks", "fourteenth", "i'd") stay recognisable. Unset: `en-us.lm.bin` beside
   * the dictionary when there is one (Debian's layout), else none; null: the domain model alone.
   */
  generalModel: z.string().min(1).nullable().optional(),
  /** The domain model's share of the interpolation (the general model gets the rest). */
  domainWeight: z.number().gt(0).max(1).default(GENERAL_DEFAULTS.domainWeight),
  /** The general model's most probable words taken into the dictionary (its whole 72,000 cost search time). */
  generalVocabulary: z.number().int().min(0).max(200000).default(GENERAL_DEFAULTS.vocabulary),
});
export type PocketsphinxConfig = z.infer<typeof pocketsphinxConfigSchema>;

/**
 * sherpa-onnx (sherpa-onnx-node, sherpa/): Chinese and bilingual zh-en streaming models whose folder IT sets
 * in the policy.
 */
export const sherpaOnnxConfigSchema = z.strictObject({
  engine: z.literal('sherpa-onnx'),
  languages: z.array(speechLanguageSchema).min(1),
  /** Folder of a streaming model: transducer (encoder, decoder, joiner .onnx, tokens.txt) or paraformer (encoder, decoder .onnx, tokens.txt). */
  modelDir: z.string().min(1),
  /**
   * Trailing silence that ends an utterance once something was recognised, ms (sherpa-onnx's endpoint
   * rule 2). sherpa-onnx's own demos use 1,200; 800 trades a little splitting of slow speakers for the
   * issue's 800 ms final-latency target. Not tuned on real speech here (no model available).
   */
  endSilenceMs: z.number().int().min(100).max(3000).default(800),
  /** onnxruntime threads per decode. Both legs share the recogniser; 1 leaves cores for the call itself. */
  numThreads: z.number().int().min(1).max(8).default(1),
});
export type SherpaOnnxConfig = z.infer<typeof sherpaOnnxConfigSchema>;

export const engineConfigSchema = z.discriminatedUnion('engine', [pocketsphinxConfigSchema, sherpaOnnxConfigSchema]);
export type EngineConfig = z.infer<typeof engineConfigSchema>;

/** The whole service configuration. */
export const speechServiceConfigSchema = z.strictObject({
  /** Engines in order; the first whose languages include the stream's language serves it. */
  engines: z.array(engineConfigSchema).default(() => [pocketsphinxConfigSchema.parse({ engine: 'pocketsphinx' })]),
  /** Where built domain models are cached (content-addressed; safe to delete). */
  cacheDir: z.string().min(1).default(join(tmpdir(), 'lingxi-speech')),
  /** Audio waiting for the recogniser beyond this ends the stream with `overloaded`, ms. */
  maxQueueMs: z.number().int().min(200).max(30000).default(2000),
});
export type SpeechServiceConfig = z.infer<typeof speechServiceConfigSchema>;

/**
 * Validates a configuration.
 * @throws Error listing every problem with its path (e.g. "engines.0.acousticModel: …")
 */
export function parseSpeechServiceConfig(value: unknown): SpeechServiceConfig {
  const result = speechServiceConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, { dottedIndices: true, root: '(root)' });
  throw new Error(`invalid speech service configuration: ${problems.join('; ')}`);
}
