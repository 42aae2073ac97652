import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { holdReasons, type Availability, type HoldReason } from '../agent-machine';
import { labelOf } from '../localized-label';

const isHoldReason = (code: string): code is HoldReason => (holdReasons as readonly string[]).includes(code);

/** Policy labels for reasons and wrap-up codes in the UI language, and a state's display name. */
export function useAgentLabels() {
  const { t } = useTranslation();
  const policy = useAppStore((s) => s.policy);
  const language = useAppStore((s) => s.language);
  const agentPolicy = policy.status === 'ready' ? policy.policy.agent : undefined;
  const reasonLabel = (code: string) =>
    isHoldReason(code) ? t(`agent.held.${code}`) : labelOf(agentPolicy?.notReadyReasons ?? [], code, language);
  const codeLabel = (code: string) => labelOf(agentPolicy?.wrapUp.codes ?? [], code, language);
  const availabilityLabel = (a: Availability) =>
    a.kind === 'ready' ? t('agent.ready') : t('agent.notReadyBecause', { reason: reasonLabel(a.reason) });
  return { reasonLabel, codeLabel, availabilityLabel };
}
