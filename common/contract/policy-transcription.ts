/**
 * Policy section for live transcription of both call legs (issue 7): which provider transcribes, the bank's
 * ASR server, the local engines per language, and the languages a call may use. Pure zod.
 *
 * The engine entries mirror main/features/speech/config.ts (the local speech service's own configuration):
 * main and the browser host translate them with speechServiceConfigFromPolicy, so IT writes model paths
 * here and nowhere else.
 */
import { z } from 'zod';
import { webSocketUrl } from './policy-urls';
import { speechLanguageSchema } from './speech-protocol';

/** A streaming ASR server speaking Lingxi speech protocol v1: wss://, or ws:// for a loopback host. */
const asrUrl = webSocketUrl;

const languages = z.array(speechLanguageSchema).min(1, 'must list at least one language');
const path = z.string().trim().min(1, 'must not be empty');

/** pocketsphinx (Debian's libpocketsphinx): English, with a domain model built from the knowledge base. */
export const pocketsphinxPolicySchema = z.strictObject({
  engine: z.literal('pocketsphinx'),
  languages: languages.default(['en-US']),
  /** Acoustic model folder; default: Debian's pocketsphinx-en-us. */
  acousticModel: path.optional(),
  /** Pronouncing dictionary the domain dictionary is cut from; default: Debian's cmudict-en-us.dict. */
  dictionary: path.optional(),
  /** Silence that ends an utterance, ms: lower gives faster finals but splits slow speakers. */
  endSilenceMs: z.number().int().min(100).max(2000).default(400),
});

/** sherpa-onnx: Chinese or bilingual zh-en streaming transducer models; IT installs the model folder. */
export const sherpaOnnxPolicySchema = z.strictObject({
  engine: z.literal('sherpa-onnx'),
  languages: languages.default(['zh-CN']),
  /** Folder of the streaming model: transducer (encoder, decoder, joiner .onnx + tokens.txt) or paraformer (encoder, decoder + tokens.txt). */
  modelPath: path,
  /** Trailing silence that ends an utterance (sherpa's endpoint rule 2), ms. */
  endSilenceMs: z.number().int().min(100).max(3000).default(800),
});

export const transcriptionEnginePolicySchema = z.discriminatedUnion('engine', [pocketsphinxPolicySchema, sherpaOnnxPolicySchema]);
export type TranscriptionEnginePolicy = z.infer<typeof transcriptionEnginePolicySchema>;

/**
 * Live transcription. `local`: the speech service on the agent's machine (Electron utilityProcess, or the
 * browser host's loopback service); `bank-asr`: the bank's own server at `asrUrl`; `off`: nothing is
 * transcribed and no audio leaves the call.
 */
export const transcriptionPolicySchema = z
  .strictObject({
    provider: z.enum(['local', 'bank-asr', 'off']).default('local'),
    /** The bank ASR server (protocol v1). Required when provider is "bank-asr". */
    asrUrl: asrUrl.optional(),
    /**
     * Languages a call may be transcribed in. The call's X-Language CTI header, else the customer profile's
     * language, picks one of them; otherwise the first is used.
     */
    languages: languages.default(['en-US']),
    /** Local engines, first match per language wins (pocketsphinx for en-US by default). */
    engines: z.array(transcriptionEnginePolicySchema).min(1).default([{ engine: 'pocketsphinx', languages: ['en-US'], endSilenceMs: 400 }]),
    /** Send phrase hints (the call's IVR intent, knowledge titles) so the engine expects the bank's vocabulary. */
    hints: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    if (value.provider === 'bank-asr' && value.asrUrl === undefined) {
      ctx.addIssue({ code: 'custom', path: ['asrUrl'], message: 'is required when provider is "bank-asr" (the wss:// address of the bank\'s ASR server)' });
    }
  })
  .prefault({});

export type TranscriptionPolicy = z.infer<typeof transcriptionPolicySchema>;
