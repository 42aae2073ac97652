import { useTranslation } from 'react-i18next';
import { useStore } from '../../../app/store';
import type { AgentAvailability } from '../agent-slice';

/** Ready / Not ready. Not ready makes the phone reject new calls with 486 Busy Here. */
export function AgentStateSelect() {
  const { t } = useTranslation();
  const availability = useStore((s) => s.availability);
  const setAvailability = useStore((s) => s.setAvailability);
  return (
    <label className="agent-state">
      <span>{t('agent.state')}</span>
      <select value={availability} onChange={(e) => setAvailability(e.target.value as AgentAvailability)}>
        <option value="ready">{t('agent.ready')}</option>
        <option value="not-ready">{t('agent.notReady')}</option>
      </select>
    </label>
  );
}
