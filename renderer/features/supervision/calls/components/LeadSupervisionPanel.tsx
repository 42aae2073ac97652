import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStatus } from '@common/contract/ipc';
import { useAppStore } from '../../../../platform/store';
import { getLeadSupervision } from '../supervision-calls-service';
import { offeredModes } from './offered-modes';

/** Alt+key switches mode while supervising; Alt+S stops. */
const MODE_KEYS = { l: 'listen', w: 'whisper', b: 'barge' } as const;

/**
 * The lead's supervision controls beside the softphone: the "Supervision" status (Listening / Whispering /
 * Barging and the agent), mode switches and "Stop supervising" while supervising, what went wrong, and
 * the form where the lead provides the private key IT generated (write-only: it is never shown back).
 */
export function LeadSupervisionPanel() {
  const { t } = useTranslation();
  const supervising = useAppStore((s) => s.leadSupervision);
  const problem = useAppStore((s) => s.leadSupervisionProblem);
  const featureCodes = useAppStore((s) => (s.policy.status === 'ready' ? s.policy.policy.supervision.featureCodes : undefined));

  useEffect(() => {
    if (!supervising) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      const lead = getLeadSupervision();
      if (key === 's') lead?.stop();
      else if (key in MODE_KEYS) void lead?.supervise({ uri: supervising.agentUri, name: supervising.agentName, call: { id: supervising.target } }, MODE_KEYS[key as keyof typeof MODE_KEYS]);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [supervising]);

  return (
    <section className="lead-supervision" aria-label={t('supervisionCalls.status')}>
      {supervising && (
        <>
          <p role="status" aria-label={t('supervisionCalls.status')}>
            {supervising.state === 'connecting'
              ? t('supervisionCalls.connecting', { name: supervising.agentName })
              : t('supervisionCalls.agentAndMode', { mode: t(`supervisionCalls.mode.${supervising.mode}`), name: supervising.agentName })}
          </p>
          {offeredModes(featureCodes)
            .filter((mode) => mode !== 'takeover')
            .map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={supervising.mode === mode}
                aria-keyshortcuts={`Alt+${mode[0]?.toUpperCase() ?? ''}`}
                onClick={() => void getLeadSupervision()?.supervise({ uri: supervising.agentUri, name: supervising.agentName, call: { id: supervising.target } }, mode)}
              >
                {t(`supervisionCalls.${mode}`)}
              </button>
            ))}
          <button type="button" aria-keyshortcuts="Alt+S" onClick={() => getLeadSupervision()?.stop()}>
            {t('supervisionCalls.stop')}
          </button>
        </>
      )}
      {problem && <p role="alert">{t(`supervisionCalls.problem.${problem.code}`, { detail: problem.detail ?? '' })}</p>}
      {!featureCodes && <SupervisionKeyForm open={problem?.code === 'no-key' || problem?.code === 'bad-key'} />}
    </section>
  );
}

function SupervisionKeyForm({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [saved, setSaved] = useState<SecretStatus | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = key.trim();
    if (!value) return;
    setKey('');
    void getLeadSupervision()
      ?.saveKey(value)
      .then((status) => setSaved(status));
  };
  const where = saved && (saved.persistence === 'session' ? 'session' : saved.protection);
  return (
    <details open={open || undefined}>
      <summary>{t('supervisionCalls.keyLegend')}</summary>
      <form onSubmit={save}>
        <label>
          {t('supervisionCalls.keyLabel')}
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        <button type="submit">{t('supervisionCalls.keySave')}</button>
        <p className="hint">{where ? t('supervisionCalls.keySaved', { where: t(`supervisionCalls.keyWhere.${where}`) }) : t('supervisionCalls.keyHelp')}</p>
      </form>
    </details>
  );
}
