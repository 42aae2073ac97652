import { useTranslation } from 'react-i18next';
import type { SessionView } from '../assist-session';

/** The compliance steps of the article in use; each ticks itself when the agent says it. */
export function AssistChecklist({ checklist }: { checklist: NonNullable<SessionView['checklist']> }) {
  const { t } = useTranslation();
  return (
    <div className="assist__checklist">
      <h3>{t('assist.checklistFor', { title: checklist.title })}</h3>
      <ul aria-label={t('assist.checklist')}>
        {checklist.items.map((item) => (
          <li key={item.id} className={item.tick ? 'assist__step assist__step--done' : 'assist__step'}>
            <label>
              <input type="checkbox" checked={item.tick !== null} readOnly disabled /> {item.label}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
