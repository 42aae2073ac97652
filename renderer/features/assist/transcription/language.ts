/**
 * Which language a call is transcribed in: the IVR's X-Language header, else the customer profile's
 * language, matched against the policy's `transcription.languages`; otherwise the policy's first language.
 * IVRs and CRMs write languages many ways (cmn, Mandarin, zh, zh-Hans, yue …), so common names are mapped
 * to the tags the engines use before matching.
 */

const ALIASES: Readonly<Record<string, string>> = {
  zh: 'zh-CN',
  cmn: 'zh-CN',
  mandarin: 'zh-CN',
  putonghua: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-sg': 'zh-CN',
  'zh-hant': 'zh-TW',
  yue: 'yue-HK',
  cantonese: 'yue-HK',
  'zh-hk': 'yue-HK',
  'zh-yue': 'yue-HK',
  en: 'en-US',
  english: 'en-US',
};

const primary = (tag: string): string => tag.split('-')[0]?.toLowerCase() ?? '';

/**
 * @param allowed the policy's languages (at least one)
 * @param candidates most trusted first: the call's X-Language, the profile's language
 */
export function callLanguage(allowed: readonly string[], candidates: readonly (string | undefined)[]): string {
  for (const raw of candidates) {
    const value = raw?.trim().replace(/_/g, '-');
    if (!value) continue;
    const tag = ALIASES[value.toLowerCase()] ?? value;
    const exact = allowed.find((a) => a.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const related = allowed.find((a) => primary(a) === primary(tag));
    if (related) return related;
  }
  return allowed[0] ?? 'en-US';
}
