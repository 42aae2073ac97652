import { useTranslation } from 'react-i18next';
import { pickLabel, type UiLanguage } from '../analysis';
import { useAssist } from '../assist-state';
import { AssistChecklist } from './AssistChecklist';
import { Suggestions } from './Suggestions';
import { TranscriptLines } from './TranscriptLines';
import { TranscriptionStatus } from './TranscriptionStatus';
import './assist.css';

/**
 * The live call's assist pane: transcription status, alerts (customer sensitive words: role alert, marked
 * "not yet confirmed" while only a partial result said it; agent phrasing: a quiet status), the transcript, knowledge suggestions, the article's checklist, and
 * the agent's pace (with how often the two talked over each other and how many long silences there were)
 * and the customer's mood. `onOpenArticle` shows a suggested article (the app wires it to the knowledge panel).
 */
export function AssistPane({ callId, onOpenArticle }: { callId: string; onOpenArticle(articleId: string): void }) {
  const { t, i18n } = useTranslation();
  const view = useAssist((s) => s.views[callId]);
  const health = useAssist((s) => s.transcription[callId]) ?? { state: 'off' };
  const language = i18n.language as UiLanguage;
  const alerts = view?.alerts.filter((a) => a.kind === 'alert') ?? [];
  const warnings = view?.alerts.filter((a) => a.kind === 'warning') ?? [];
  const mood = view?.sentiment ? (view.sentiment.frustrated ? 'frustrated' : view.sentiment.trend < -0.1 ? 'tense' : 'calm') : null;
  return (
    <section className="assist" aria-label={t('assist.label')}>
      <h2>{t('assist.label')}</h2>
      <TranscriptionStatus health={health} />
      {alerts.map((alert) => (
        <p key={alert.id} role="alert" className="assist__alert" data-provisional={alert.provisional}>
          {t(alert.provisional ? 'assist.alertProvisional' : 'assist.alertHeard', { label: pickLabel(alert.label, language), text: alert.text })}
        </p>
      ))}
      <div role="status" aria-label={t('assist.alerts')} className="assist__warnings">
        {warnings.map((warning) => (
          <p key={warning.id} className="assist__warning">
            {t('assist.warningHeard', { label: pickLabel(warning.label, language), text: warning.text })}
          </p>
        ))}
        {view?.guarding && <p className="assist__guard">{t('assist.guard')}</p>}
        {view?.pace.slowDown && <p className="assist__slow-down">{t('assist.slowDown')}</p>}
      </div>
      <TranscriptLines lines={view?.lines ?? []} placeholder={health.state === 'unavailable' ? t('assist.noTranscript') : t('assist.listening')} />
      <Suggestions cards={view?.cards ?? []} onOpenArticle={onOpenArticle} />
      {view?.checklist && <AssistChecklist checklist={view.checklist} />}
      <p className="assist__meters">
        {view && (view.pace.wpm !== null || view.pace.cpm !== null) && (
          <span>
            {t('assist.pace')}: {view.pace.cpm !== null && view.pace.cpm > 0 ? t('assist.cpm', { value: Math.round(view.pace.cpm) }) : t('assist.wpm', { value: Math.round(view.pace.wpm ?? 0) })}
          </span>
        )}{' '}
        {view && view.pace.talkOvers > 0 && <span className="assist__talk-over">{t('assist.talkOvers', { count: view.pace.talkOvers })}</span>}{' '}
        {view && view.pace.longSilences > 0 && <span className="assist__silences">{t('assist.longSilences', { count: view.pace.longSilences })}</span>}{' '}
        {mood && (
          <span className={`assist__mood assist__mood--${mood}`}>
            {t('assist.mood.label')}: {t(`assist.mood.${mood}`)}
          </span>
        )}
      </p>
    </section>
  );
}
