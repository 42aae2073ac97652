import { useTranslation } from 'react-i18next';
import { codeLabel, type UiLanguage } from '../analysis';
import { useAssist } from '../assist-state';
import { setWrapUpCode, setWrapUpNotes } from '../../agent';

/**
 * In wrap-up: the call's extractive summary (intent, key facts, promised actions, checklist) and the
 * suggested wrap-up code; Use summary puts both into the wrap-up form for the agent to edit and finish.
 */
export function CallSummaryPanel({ callIds }: { callIds: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const all = useAssist((s) => s.summaries);
  const latest = callIds.flatMap((id) => all[id] ?? []).at(-1);
  if (!latest) return null;
  const code = latest.summary.wrapUp;
  return (
    <section className="assist-summary" aria-label={t('assist.summary')}>
      <h3>{t('assist.summary')}</h3>
      <pre className="assist-summary__text">{latest.text}</pre>
      {code && <p>{t('assist.suggestedCode', { code: codeLabel(code, i18n.language as UiLanguage) })}</p>}
      <button
        type="button"
        onClick={() => {
          if (code) setWrapUpCode(code.code);
          setWrapUpNotes(latest.text);
        }}
      >
        {t('assist.useSummary')}
      </button>
    </section>
  );
}
