import { useTranslation } from 'react-i18next';
import type { SupervisionWireMode } from '@common/supervision/supervision-protocol';
import { useAppStore } from '../../../../platform/store';
import type { SupervisionTarget } from '../lead-supervision';
import { getLeadSupervision } from '../supervision-calls-service';
import { offeredModes } from './offered-modes';

/**
 * A board row's supervision buttons (the Team board's `renderActions` slot): Listen, Whisper, Barge, Take over.
 * On the desktop they act on the agent's customer call, so they are disabled while the agent has none (a PBX's
 * feature codes act on the extension, so they stay enabled); the mode in force
 * on the agent being supervised shows as pressed.
 */
export function SupervisionActions({ member }: { member: SupervisionTarget }) {
  const { t } = useTranslation();
  const featureCodes = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.supervision.featureCodes : undefined));
  const supervising = useAppStore((s) => s.leadSupervision);
  const onThisAgent = supervising?.agentUri === member.uri ? supervising : null;
  const busyElsewhere = supervising !== null && !onThisAgent;
  const act = (mode: SupervisionWireMode) => void getLeadSupervision()?.supervise(member, mode);
  return (
    <span role="group" aria-label={t('supervisionCalls.actionsFor', { name: member.name })} className="supervision-actions">
      {offeredModes(featureCodes).map((mode) => (
        <button
          key={mode}
          type="button"
          disabled={(!member.call && !featureCodes) || busyElsewhere}
          aria-pressed={onThisAgent ? onThisAgent.mode === mode : undefined}
          onClick={() => act(mode)}
        >
          {t(`supervisionCalls.${mode}`)}
        </button>
      ))}
    </span>
  );
}
