/** The speech engine's vocabulary from the assist policy (pure: the speech evaluation runs it under Node too). */
import type { AssistPolicy } from '@common/contract/policy-assist';

/**
 * Phrases the speech engine should listen for (keyword events, and words its domain model must know):
 * the keyword rules', the PCI guard's triggers and the wrap-up keywords, de-duplicated.
 */
export function assistVocabulary(assist: AssistPolicy): string[] {
  const phrases = [
    ...assist.keywords.rules.flatMap((rule) => rule.phrases),
    ...assist.pci.triggerPhrases,
    ...assist.summary.wrapUpKeywords.flatMap((rule) => rule.phrases),
  ];
  // The speech protocol takes up to 500 phrases of up to 100 characters.
  return [...new Set(phrases.map((phrase) => phrase.trim()).filter((p) => p !== '' && p.length <= 100))].slice(0, 500);
}
