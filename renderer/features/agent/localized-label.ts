/** Policy labels (reason and wrap-up codes) in the UI language, falling back to the closest one IT wrote. */
import type { Language, LocalizedLabel } from '@common/contract/policy';

/** Simplified and Traditional Chinese read each other far better than English: try the other first. */
const FALLBACKS: Record<Language, readonly Language[]> = {
  'zh-CN': ['zh-CN', 'zh-TW', 'en'],
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
  en: ['en', 'zh-CN', 'zh-TW'],
};

/** The label in `language`, else in the nearest language given (the schema requires at least one). */
export function localize(label: LocalizedLabel, language: Language): string {
  for (const candidate of FALLBACKS[language]) {
    const text = label[candidate];
    if (text) return text;
  }
  return '';
}

/** The label of `code` among coded policy entries, or the code itself when the policy no longer lists it. */
export function labelOf(entries: readonly { code: string; label: LocalizedLabel }[], code: string, language: Language): string {
  const entry = entries.find((e) => e.code === code);
  return entry ? localize(entry.label, language) : code;
}
