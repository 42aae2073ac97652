import { useTranslation } from 'react-i18next';
import type { Language } from '@common/contract/policy';
import { AgentStateSelect, CallHistory, WrapUpPanel } from '../features/agent';
import { AudioSettings, selectSpeakerSinkId } from '../features/devices';
import { ExportDiagnostics } from '../features/diagnostics';
import { CurrentCall, Dialer, IncomingCall, RegistrationStatus, selectCurrentCall, selectRingingCall } from '../features/phone';
import { KnowledgePanel, openArticle } from '../features/knowledge';
import { CallQualityStatus, CallQualitySummary } from '../features/quality';
import { CallRecording, RecordingControls, RecordingsPanel } from '../features/recording';
import { CallSummaryPanel, AssistPane } from '../features/assist';
import { CustomerProfile } from '../features/screenpop';
import { ShortcutsHelp } from '../features/shortcuts';
import { SignInForm, SignOutButton } from '../features/sign-in';
import { AskForHelp, LeadSupervisionPanel, SupervisedStatus, SupervisionActions, TeamBoard } from '../features/supervision';
import { UpdateBanner } from '../features/updates';
import { DialDialog, DialHandedOff } from '../features/click-to-dial';
import { LanguageSelect } from './LanguageSelect';
import { PolicyProblems } from './PolicyProblems';
import { PolicyUpdateBanner } from './PolicyUpdateBanner';
import { useAppStore } from '../platform/store';

export function App({ onLanguageChange, onSignOut }: { onLanguageChange(language: Language): void; onSignOut(): void }) {
  const { t } = useTranslation();
  const policy = useAppStore((s) => s.policy);
  const ringing = useAppStore(selectRingingCall);
  const current = useAppStore(selectCurrentCall);
  const speakerSinkId = useAppStore(selectSpeakerSinkId);
  const signingIn = useAppStore((s) => s.signIn.status === 'form');
  const handedOff = useAppStore((s) => s.dialHandedOff);

  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <RegistrationStatus />
        {policy.status === 'ready' && <AgentStateSelect />}
        <SupervisedStatus />
        {policy.status === 'ready' && <ShortcutsHelp />}
        {policy.status === 'ready' && <AudioSettings />}
        {policy.status === 'ready' && policy.policy.supervision.leads.length > 0 && <AskForHelp />}
        <ExportDiagnostics />
        <SignOutButton onSignOut={onSignOut} />
        <LanguageSelect onChange={onLanguageChange} />
      </header>
      <UpdateBanner />
      <main className="app__main">
        <PolicyUpdateBanner />
        {handedOff && <DialHandedOff />}
        {policy.status === 'loading' && !handedOff && (signingIn ? <SignInForm /> : <p>{t('app.loading')}</p>)}
        {policy.status === 'invalid' && <PolicyProblems source={policy.source} problems={policy.problems} />}
        {policy.status === 'ready' && (
          <>
            {ringing && <IncomingCall call={ringing} />}
            {current ? (
              <CurrentCall call={current} speakerSinkId={speakerSinkId} activeExtras={<RecordingControls call={current} />} />
            ) : (
              <Dialer />
            )}
            {policy.policy.supervision.role === 'lead' && <LeadSupervisionPanel />}
            <WrapUpPanel renderSummary={(callIds) => <CallSummaryPanel callIds={callIds} />} />
            {current?.phase === 'active' && <CallQualityStatus callId={current.id} />}
            {current?.phase === 'active' && <AssistPane callId={current.id} onOpenArticle={openArticle} />}
            {policy.policy.supervision.role === 'lead' && <TeamBoard renderActions={(member) => <SupervisionActions member={member} />} />}
            <CustomerProfile timeoutMs={policy.policy.crm.timeoutMs} elderlyAge={policy.policy.crm.elderlyAge} />
            <CallHistory
              renderExtra={(entry) => (
                <>
                  {entry.quality && <> <CallQualitySummary summary={entry.quality} /></>} <CallRecording callId={entry.id} />
                </>
              )}
            />
            <RecordingsPanel />
            <KnowledgePanel />
            <DialDialog />
          </>
        )}
      </main>
    </div>
  );
}
