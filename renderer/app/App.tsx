import { useTranslation } from 'react-i18next';
import type { Language } from '@common/contract/policy';
import { AgentStateSelect } from '../features/agent/components/AgentStateSelect';
import { CallHistory } from '../features/agent/components/CallHistory';
import { AudioSettings } from '../features/devices/components/AudioSettings';
import { WrapUpPanel } from '../features/agent/components/WrapUpPanel';
import { CurrentCall } from '../features/phone/components/CurrentCall';
import { Dialer } from '../features/phone/components/Dialer';
import { IncomingCall } from '../features/phone/components/IncomingCall';
import { RegistrationStatus } from '../features/phone/components/RegistrationStatus';
import { selectCurrentCall, selectRingingCall } from '../features/phone/phone-slice';
import { KnowledgePanel } from '../features/knowledge/components/KnowledgePanel';
import { CallQualityStatus } from '../features/quality/components/CallQualityStatus';
import { useQualityMonitor } from '../features/quality/use-quality-monitor';
import { AssistPane } from '../features/assist/components/AssistPane';
import { RecordingsPanel } from '../features/recording/components/RecordingsPanel';
import { CustomerProfile } from '../features/screenpop/components/CustomerProfile';
import { ShortcutsHelp } from '../features/shortcuts/components/ShortcutsHelp';
import { LanguageSelect } from './LanguageSelect';
import { PolicyProblems } from './PolicyProblems';
import { useStore } from './store';

export function App({ onLanguageChange }: { onLanguageChange(language: Language): void }) {
  const { t } = useTranslation();
  const policy = useStore((s) => s.policy);
  const ringing = useStore(selectRingingCall);
  const current = useStore(selectCurrentCall);
  useQualityMonitor();

  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <RegistrationStatus />
        {policy.status === 'ready' && <AgentStateSelect />}
        {policy.status === 'ready' && <ShortcutsHelp />}
        {policy.status === 'ready' && <AudioSettings />}
        <LanguageSelect onChange={onLanguageChange} />
      </header>
      <main className="app__main">
        {policy.status === 'loading' && <p>{t('app.loading')}</p>}
        {policy.status === 'invalid' && <PolicyProblems source={policy.source} problems={policy.problems} />}
        {policy.status === 'ready' && (
          <>
            {ringing && <IncomingCall call={ringing} />}
            {current ? <CurrentCall call={current} /> : <Dialer />}
            <WrapUpPanel />
            {current?.phase === 'active' && <CallQualityStatus callId={current.id} />}
            {current?.phase === 'active' && <AssistPane callId={current.id} />}
            <CustomerProfile timeoutMs={policy.policy.crm.timeoutMs} elderlyAge={policy.policy.crm.elderlyAge} />
            <CallHistory />
            <RecordingsPanel />
            <KnowledgePanel />
          </>
        )}
      </main>
    </div>
  );
}
