import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../../platform/store';
import { selectSupervisedShown } from '../supervision-calls-slice';

/** The agent's "Supervised" status, only where `supervision.notifyAgent` shows the mode in force. */
export function SupervisedStatus() {
  const { t } = useTranslation();
  const mode = useAppStore(selectSupervisedShown);
  if (!mode) return null;
  return (
    <p role="status" aria-label={t('supervisionCalls.supervised')} className="supervised-status">
      {t(`supervisionCalls.supervisedMode.${mode}`)}
    </p>
  );
}
