import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type AppState } from '../../../platform/store';
import { formatDuration } from '../../../ui/format';
import { finishBlocker, isFollowUpCode, type WrapUpWork } from '../agent-machine';
import { finishWrapUp, setWrapUpCode, setWrapUpNotes } from '../agent-service';
import { useAgentLabels } from './use-agent-labels';
import { useNow } from '../../../ui/use-now';
import './agent.css';

/** What the wrap-up form shows above the code: the app puts the assist pane's call summary there. */
export type WrapUpSummarySlot = (callIds: readonly string[]) => ReactNode;

/** The follow-up slot (callbacks): "Schedule callback", prominent when the code chosen means follow-up. */
export interface WrapUpFollowUp {
  render(callIds: readonly string[], followUp: boolean): ReactNode;
  /** Whether a callback is promised for these calls already (a store selector). */
  scheduled(state: AppState, callIds: readonly string[]): boolean;
}

interface WrapUpSlots {
  renderSummary?: WrapUpSummarySlot | undefined;
  followUp?: WrapUpFollowUp | undefined;
}

/**
 * After-call work: the wrap-up code (policy list), notes and Finish wrap-up, with the time left when the
 * policy sets a limit. A code with `followUp` brings the follow-up slot forward, and finishing without a
 * callback then takes one explicit confirmation. Renders nothing outside Wrap-up.
 */
export function WrapUpPanel(slots: WrapUpSlots) {
  const state = useAppStore((s) => s.agent.state);
  return state.kind === 'wrap-up' ? <WrapUpForm work={state.work} {...slots} /> : null;
}

function WrapUpForm({ work, renderSummary, followUp }: WrapUpSlots & { work: WrapUpWork }) {
  const { t } = useTranslation();
  const config = useAppStore((s) => s.agentConfig);
  const history = useAppStore((s) => s.history);
  const { codeLabel } = useAgentLabels();
  const now = useNow(250);
  const hintId = useId();
  const blocker = finishBlocker(work, config);
  const needsFollowUp = isFollowUpCode(config, work.code);
  const scheduled = useAppStore((s) => followUp?.scheduled(s, work.callIds) ?? false);
  const [confirming, setConfirming] = useState(false);
  const unconfirmed = needsFollowUp && followUp !== undefined && !scheduled;
  const finish = () => {
    if (unconfirmed) setConfirming(true);
    else finishWrapUp();
  };
  const numbers = work.callIds.flatMap((id) => history.find((e) => e.id === id)?.number ?? []);
  // Round up: "00:01" stays on screen until the last second has really passed.
  const left = work.deadline === undefined ? undefined : Math.ceil(Math.max(0, work.deadline - now) / 1000) * 1000;

  return (
    <section className="wrap-up" aria-label={t('wrapUp.label')}>
      <h2>{t('wrapUp.label')}</h2>
      {numbers.length > 0 && <p className="wrap-up__hint">{t('wrapUp.forCalls', { numbers: numbers.join(', ') })}</p>}
      {left !== undefined && !work.overdue && (
        <p className="wrap-up__hint">
          <span role="timer" aria-label={t('wrapUp.timeLeft')} className="wrap-up__timer">
            {formatDuration(left)}
          </span>{' '}
          {config.wrapUp.autoReady && t('wrapUp.autoReady')}
        </p>
      )}
      {work.overdue && (
        <p className="wrap-up__overdue" role="alert">
          {t('wrapUp.overdue')}
        </p>
      )}
      {renderSummary?.(work.callIds)}
      {!needsFollowUp && followUp?.render(work.callIds, false)}
      <label>
        <span>{t('wrapUp.code')}</span>
        {/* The agent's hands are on the keyboard when the call ends: start where the work starts. */}
        <select autoFocus value={work.code ?? ''} onChange={(e) => setWrapUpCode(e.target.value === '' ? null : e.target.value)}>
          <option value="" disabled={config.wrapUp.codeRequired}>
            {config.wrapUp.codeRequired ? t('wrapUp.chooseCode') : t('wrapUp.noCode')}
          </option>
          {config.wrapUp.codes.map(({ code }) => (
            <option key={code} value={code}>
              {codeLabel(code)}
            </option>
          ))}
        </select>
      </label>
      {needsFollowUp && followUp?.render(work.callIds, true)}
      <label>
        <span>{t('wrapUp.notes')}</span>
        <textarea value={work.notes} maxLength={2000} onChange={(e) => setWrapUpNotes(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" disabled={blocker !== null} aria-describedby={blocker ? hintId : undefined} onClick={finish}>
          {t('wrapUp.finish')}
        </button>
      </div>
      {confirming && unconfirmed && (
        <div role="alert" className="wrap-up__confirm">
          <p>{t('wrapUp.noCallback')}</p>
          <button type="button" onClick={finishWrapUp}>
            {t('wrapUp.finishWithoutCallback')}
          </button>
        </div>
      )}
      {blocker === 'code-required' && (
        <p id={hintId} className="wrap-up__hint">
          {t('wrapUp.codeRequired')}
        </p>
      )}
    </section>
  );
}
