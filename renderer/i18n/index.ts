/**
 * i18n: i18next with the three UI languages. Each feature keeps its strings in its own messages.ts;
 * they are merged here. Components use `useTranslation()`; no string literals.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@common/contract/policy';
import { appMessages } from '../app/messages';
import { agentMessages } from '../features/agent/messages';
import { devicesMessages } from '../features/devices/messages';
import { knowledgeMessages } from '../features/knowledge/messages';
import { phoneMessages } from '../features/phone/messages';
import { qualityMessages } from '../features/quality/messages';
import { screenpopMessages } from '../features/screenpop/messages';
import { assistMessages } from '../features/assist/messages';
import { recordingMessages } from '../features/recording/messages';
import { shortcutsMessages } from '../features/shortcuts/messages';

/** Every feature's bundle; add a feature's messages here. */
const bundles = [appMessages, phoneMessages, agentMessages, devicesMessages, screenpopMessages, qualityMessages, shortcutsMessages, knowledgeMessages, recordingMessages, assistMessages] as const;

/** English, the typed shape of every key (see i18next.d.ts). */
export const en = { ...appMessages.en, ...phoneMessages.en, ...agentMessages.en, ...devicesMessages.en, ...screenpopMessages.en, ...qualityMessages.en, ...shortcutsMessages.en, ...knowledgeMessages.en, ...recordingMessages.en, ...assistMessages.en };

function merged(language: Language): Record<string, unknown> {
  return Object.assign({}, ...bundles.map((bundle) => bundle[language])) as Record<string, unknown>;
}

export const resources = {
  en: { translation: merged('en') },
  'zh-CN': { translation: merged('zh-CN') },
  'zh-TW': { translation: merged('zh-TW') },
};

/** Names of the languages in themselves, for the language picker. */
export const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

/** Initialises i18next once; later calls only switch the language. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
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
