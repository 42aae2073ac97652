import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../platform/store';
import { useAppStore } from '../../../platform/store';
import { ScheduleCallbackButton } from './ScheduleCallbackButton';

/** Whether a callback is promised on one of these calls (the wrap-up form's follow-up check). */
export function selectCallbackScheduled(state: Pick<AppState, 'callbacks'>, callIds: readonly string[]): boolean {
  return state.callbacks.some((c) => c.sourceCallId !== undefined && callIds.includes(c.sourceCallId));
}

/**
 * The wrap-up form's follow-up slot: "Schedule callback" for the call just ended; when the wrap-up code means
 * follow-up, in a box of its own that says whether a callback is promised yet.
 */
export function FollowUpCallback({ callIds, followUp }: { callIds: readonly string[]; followUp: boolean }) {
  const { t } = useTranslation();
  const scheduled = useAppStore((s) => selectCallbackScheduled(s, callIds));
  const [callId] = callIds;
  if (!callId) return null;
  if (!followUp) return <ScheduleCallbackButton callId={callId} />;
  return (
    <div className="callbacks__follow-up">
      <p>{scheduled ? t('callbacks.followUpScheduled') : t('callbacks.followUp')}</p>
      {!scheduled && <ScheduleCallbackButton callId={callId} />}
    </div>
  );
}
