import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '@common/contract/policy';
import { languageNames } from '../i18n';
import { useAppStore } from '../platform/store';

/** UI language; disabled, with "Locked by your IT policy" as its description, when IT locked it. */
export function LanguageSelect({ onChange }: { onChange(language: Language): void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const selectId = useId();
  const language = useAppStore((s) => s.language);
  const locked = useAppStore((s) => s.languageLocked);
  return (
    <span className="language" title={locked ? t('app.lockedByPolicy') : undefined}>
      <label htmlFor={selectId}>{t('app.language')}</label>
      <select id={selectId} value={language} disabled={locked} aria-describedby={locked ? hintId : undefined} onChange={(e) => onChange(e.target.value as Language)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
      {locked && (
        <span id={hintId} className="language__locked">
          {t('app.lockedByPolicy')}
        </span>
      )}
    </span>
  );
}
