import { useTranslation } from 'react-i18next';
import { languages, type Language } from '@common/contract/policy';
import { languageNames } from '../i18n';
import { useAppStore } from '../platform/store';

/** UI language; disabled (with the reason) when IT locked it. */
export function LanguageSelect({ onChange }: { onChange(language: Language): void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const locked = useAppStore((s) => s.languageLocked);
  return (
    <label className="language" title={locked ? t('app.lockedByPolicy') : undefined}>
      <span>{t('app.language')}</span>
      <select value={language} disabled={locked} onChange={(e) => onChange(e.target.value as Language)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
