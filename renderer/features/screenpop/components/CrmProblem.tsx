import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { formatNumber } from '../../../ui/format';
import type { ProfilePop } from '../screenpop-slice';
import { getScreenpop } from '../screenpop-service';

/** Says plainly what went wrong with the CRM, offers Retry, and a token form when the CRM wants one. */
export function CrmProblem({ pop, timeoutMs }: { pop: ProfilePop; timeoutMs: number }) {
  const { t, i18n } = useTranslation();
  const [token, setToken] = useState('');
  const sessionOnly = useAppStore((state) => state.hostKind === 'browser');
  const { error } = pop;
  if (!error) return null;
  const seconds = formatNumber(timeoutMs / 1000, i18n.language);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    void getScreenpop()?.saveToken(token.trim());
    setToken('');
  };
  return (
    <div className="crm-problem">
      <p role="alert">{t(`screenpop.error.${error.kind}`, { seconds, detail: error.detail })}</p>
      <button type="button" onClick={() => getScreenpop()?.retry(pop.callId)}>
        {t('screenpop.retry')}
      </button>
      {error.kind === 'auth' && (
        <form onSubmit={save} className="crm-token">
          <label>
            {t('screenpop.tokenLabel')}
            <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
          <button type="submit">{t('screenpop.saveToken')}</button>
          <p className="hint">{t(sessionOnly ? 'screenpop.tokenHelpSession' : 'screenpop.tokenHelp')}</p>
        </form>
      )}
    </div>
  );
}
