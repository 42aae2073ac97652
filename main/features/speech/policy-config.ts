/**
 * From the policy's `transcription` section (common/contract/policy-transcription.ts) to the speech service's
 * own configuration (config.ts). Shared by both launchers: Electron main (launcher.ts) and the browser host
 * (main/web-host/speech-host.ts), so a model path IT writes means the same thing in both.
 */
import { existsSync } from 'node:fs';
import { assistPolicySchema } from '@common/contract/policy-assist';
import { transcriptionPolicySchema, type TranscriptionPolicy } from '@common/contract/policy-transcription';
import { describeIssue } from '@common/zod-issues';
import { packageLocation } from '../knowledge/read-package';
import type { z } from 'zod';
import type { speechServiceConfigSchema } from './config';

/** What the policy alone does not say. */
export interface PolicyConfigContext {
  /** Knowledge package files the domain model is built from (the policy's package, else the bundled sample). */
  knowledgePackages: readonly string[];
  /** Keyword rules' phrases, always recognisable by the local engine. */
  keywords?: readonly string[];
  /** Where built domain models are cached; the service's default (a temp folder) when absent. */
  cacheDir?: string;
}

/**
 * Reads the transcription section of a policy document that may predate it: absent → defaults.
 * @throws Error naming the first invalid key ("transcription.asrUrl: …")
 */
export function transcriptionPolicyOf(document: unknown): TranscriptionPolicy {
  const section = document && typeof document === 'object' ? (document as { transcription?: unknown }).transcription : undefined;
  const result = transcriptionPolicySchema.safeParse(section);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(issue ? describeIssue(issue, { prefix: 'transcription', dottedIndices: true }) : 'transcription: invalid');
}

/** The service configuration (input form: the service applies its own defaults) for a policy section. */
export function speechServiceConfigFromPolicy(policy: TranscriptionPolicy, context: PolicyConfigContext): z.input<typeof speechServiceConfigSchema> {
  const engines = policy.engines.map((engine) =>
    engine.engine === 'pocketsphinx'
      ? {
          engine: 'pocketsphinx' as const,
          languages: engine.languages,
          ...(engine.acousticModel ? { acousticModel: engine.acousticModel } : {}),
          ...(engine.dictionary ? { dictionary: engine.dictionary } : {}),
          endSilenceMs: engine.endSilenceMs,
          knowledgePackages: [...context.knowledgePackages],
          keywords: [...(context.keywords ?? [])],
        }
      : { engine: 'sherpa-onnx' as const, languages: engine.languages, modelDir: engine.modelPath, endSilenceMs: engine.endSilenceMs },
  );
  return { engines, ...(context.cacheDir ? { cacheDir: context.cacheDir } : {}) };
}

/** English phrases of the policy's keyword rules and PCI trigger phrases: the local English model must know them. */
export function englishKeywordsOf(document: unknown): string[] {
  const section = document && typeof document === 'object' ? (document as { assist?: unknown }).assist : undefined;
  const assist = assistPolicySchema.safeParse(section);
  if (!assist.success) return [];
  const phrases = [...assist.data.keywords.rules.flatMap((rule) => rule.phrases), ...assist.data.pci.triggerPhrases];
  return [...new Set(phrases.filter((p) => /^[A-Za-z][A-Za-z' -]*$/.test(p)).map((p) => p.toLowerCase()))];
}

/** Where the hosts keep things the policy does not name. */
export interface LocalSpeechContext {
  /** The policy file the document came from (knowledge.packagePath is relative to it). */
  policySource: string;
  /** The knowledge package the app falls back to when the policy names none (the bundled sample), if present. */
  defaultPackage?: string;
  cacheDir?: string;
}

/**
 * The local service's configuration for a policy document, or null when the policy does not use the local
 * service (transcription.provider is "bank-asr" or "off").
 * @param document the policy (parsed or raw JSON value)
 * @throws Error naming an invalid transcription key
 */
export function localSpeechConfig(document: unknown, context: LocalSpeechContext): z.input<typeof speechServiceConfigSchema> | null {
  const policy = transcriptionPolicyOf(document);
  if (policy.provider !== 'local') return null;
  const knowledge = document && typeof document === 'object' ? (document as { knowledge?: { packagePath?: unknown } }).knowledge : undefined;
  const named = typeof knowledge?.packagePath === 'string' ? packageLocation(knowledge.packagePath, context.policySource) : undefined;
  // A missing package is the knowledge feature's to report; transcription still works with the generic model.
  const packages = (named ? [named] : context.defaultPackage ? [context.defaultPackage] : []).filter((path) => existsSync(path));
  return speechServiceConfigFromPolicy(policy, { knowledgePackages: packages, keywords: englishKeywordsOf(document), ...(context.cacheDir ? { cacheDir: context.cacheDir } : {}) });
}
