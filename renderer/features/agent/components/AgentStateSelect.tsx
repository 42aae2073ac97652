import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { formatDuration } from '../../../ui/format';
import type { Availability } from '../agent-machine';
import { chooseAvailability } from '../agent-service';
import { useAgentLabels } from './use-agent-labels';
import { useNow } from '../../../ui/use-now';
import './agent.css';

/**
 * The agent's state: Ready / Not ready (+ a reason from the policy), or On call / Wrap-up while the phone
 * is busy. Choosing during a call or wrap-up sets where the agent goes afterwards.
 */
export function AgentStateSelect() {
  const { t } = useTranslation();
  const agent = useAppStore((s) => s.agent);
  const reasons = useAppStore((s) => s.agentConfig.reasons);
  const { reasonLabel, availabilityLabel } = useAgentLabels();
  const now = useNow();
  const { state, back, hold } = agent;
  const working = state.kind === 'on-call' || state.kind === 'wrap-up';
  const chosen: Availability = working ? back : state.kind === 'not-ready' ? { kind: 'not-ready', reason: state.reason } : { kind: 'ready' };

  const onStateChange = (value: string) => {
    if (value === 'ready') chooseAvailability({ kind: 'ready' });
    else if (value === 'not-ready') {
      chooseAvailability({ kind: 'not-ready', reason: chosen.kind === 'not-ready' ? chosen.reason : agent.lastReason });
    }
  };

  return (
    <div className={`agent-state agent-state--${state.kind}`}>
      <label>
        <span>{t('agent.state')}</span>
        <select value={state.kind} disabled={hold !== undefined} onChange={(e) => onStateChange(e.target.value)}>
          <option value="ready">{t('agent.ready')}</option>
          <option value="not-ready">{t('agent.notReady')}</option>
          {state.kind === 'on-call' && (
            <option value="on-call" disabled>
              {t('agent.onCall')}
            </option>
          )}
          {state.kind === 'wrap-up' && (
            <option value="wrap-up" disabled>
              {t('agent.wrapUp')}
            </option>
          )}
        </select>
      </label>
      {chosen.kind === 'not-ready' && (
        <label>
          <span>{t('agent.reason')}</span>
          <select value={chosen.reason} disabled={hold !== undefined} onChange={(e) => chooseAvailability({ kind: 'not-ready', reason: e.target.value })}>
            {hold && <option value={hold}>{reasonLabel(hold)}</option>}
            {reasons.map((code) => (
              <option key={code} value={code}>
                {reasonLabel(code)}
              </option>
            ))}
          </select>
        </label>
      )}
      {working && <span className="agent-state__next">{t('agent.next', { state: availabilityLabel(back) })}</span>}
      <span role="timer" aria-label={t('agent.timeInState')} className="agent-state__timer">
        {formatDuration(now - state.since)}
      </span>
    </div>
  );
}
