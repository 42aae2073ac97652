/**
 * i18n: i18next with the three UI languages. Each feature keeps its strings in its own messages.ts; the
 * composition root (app/messages.ts) lists them and they are merged here. Components use `useTranslation()`;
 * no string literals.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@common/contract/policy';
import type { LocaleBundle } from './types';

/** Merges the features' bundles into one i18next resource per language. */
export function resourcesOf(bundles: readonly LocaleBundle<object>[]) {
  const merged = (language: Language) => Object.assign({}, ...bundles.map((bundle) => bundle[language])) as Record<string, unknown>;
  return {
    en: { translation: merged('en') },
    'zh-CN': { translation: merged('zh-CN') },
    'zh-TW': { translation: merged('zh-TW') },
  };
}

/** Names of the languages in themselves, for the language picker. */
export const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/**
 * Initialises i18next once with the features' bundles (the composition root lists them: app/messages.ts);
 * later calls only switch the language.
 */
export async function initI18n(language: Language, bundles: readonly LocaleBundle<object>[] = []): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: resourcesOf(bundles),
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}
