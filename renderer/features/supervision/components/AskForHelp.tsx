import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { toggleHelp } from '../board/board-service';

/** The agent's raised hand: the lead's row lights up until the agent presses it again. */
export function AskForHelp() {
  const { t } = useTranslation();
  const raised = useAppStore((s) => s.helpRaised);
  return (
    <span className="ask-help-wrap">
      <button type="button" className="ask-help" aria-pressed={raised} onClick={() => toggleHelp()}>
        {t('supervision.askForHelp')}
      </button>
      {raised && <span role="status"> {t('supervision.helpRaised')}</span>}
    </span>
  );
}
