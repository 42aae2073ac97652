import { useTranslation } from 'react-i18next';
import type { Language } from '../../preload/contract/policy';
import { AgentStateSelect } from '../features/agent/components/AgentStateSelect';
import { CallHistory } from '../features/agent/components/CallHistory';
import { CurrentCall } from '../features/phone/components/CurrentCall';
import { Dialer } from '../features/phone/components/Dialer';
import { IncomingCall } from '../features/phone/components/IncomingCall';
import { RegistrationStatus } from '../features/phone/components/RegistrationStatus';
import { selectCurrentCall, selectRingingCall } from '../features/phone/phone-slice';
import { LanguageSelect } from './LanguageSelect';
import { PolicyProblems } from './PolicyProblems';
import { useStore } from './store';

export function App({ onLanguageChange }: { onLanguageChange(language: Language): void }) {
  const { t } = useTranslation();
  const policy = useStore((s) => s.policy);
  const ringing = useStore(selectRingingCall);
  const current = useStore(selectCurrentCall);

  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <RegistrationStatus />
        {policy.status === 'ready' && <AgentStateSelect />}
        <LanguageSelect onChange={onLanguageChange} />
      </header>
      <main className="app__main">
        {policy.status === 'loading' && <p>{t('app.loading')}</p>}
        {policy.status === 'invalid' && <PolicyProblems source={policy.source} problems={policy.problems} />}
        {policy.status === 'ready' && (
          <>
            {ringing && <IncomingCall call={ringing} />}
            {current ? <CurrentCall call={current} /> : <Dialer />}
            <CallHistory />
          </>
        )}
      </main>
    </div>
  );
}
