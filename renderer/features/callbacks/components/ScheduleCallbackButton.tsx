import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';

/**
 * "Schedule callback": opens the Callback dialog with the call's number (during the call; in wrap-up the call
 * is found in the history).
 */
export function ScheduleCallbackButton({ callId, number }: { callId: string; number?: string }) {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.openCallbackDialog);
  const known = useAppStore((s) => number ?? s.history.find((h) => h.id === callId)?.number ?? '');
  return (
    <button type="button" data-shortcut="callback" onClick={() => open({ number: known, callId })}>
      {t('callbacks.schedule')}
    </button>
  );
}
