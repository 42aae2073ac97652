import { useTranslation } from 'react-i18next';
import { describeCallPreference, parseCallPreference } from '@common/crm/call-preference';

/** The profile's preferred calling time (canonical text) for people, in the UI language; undefined if unusable. */
export function usePreferenceText(): (canonical: string | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  const words = {
    after: (time: string) => t('screenpop.preferenceAfter', { time }),
    before: (time: string) => t('screenpop.preferenceBefore', { time }),
    listSeparator: i18n.language.startsWith('zh') ? '、' : ', ',
  };
  return (canonical) => {
    const preference = parseCallPreference(canonical);
    return preference ? describeCallPreference(preference, i18n.language, words) : undefined;
  };
}
