import { useState, type ReactNode } from 'react';
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
import { CallbackContext, CallbackDialog, CallbackHistoryTag, CallbacksPanel, FollowUpCallback, ScheduleCallbackButton, selectCallbackScheduled } from '../features/callbacks';
import { Workspace } from '../ui/layout/Workspace';
import { CallIndicators } from './CallIndicators';
import { DisplaySettings } from './DisplaySettings';
import { LanguageSelect } from './LanguageSelect';
import { PolicyProblems } from './PolicyProblems';
import { PolicyUpdateBanner } from './PolicyUpdateBanner';
import { useAppStore } from '../platform/store';

/** The wrap-up form's follow-up slot: callbacks' "Schedule callback", and whether one is promised. */
const followUpSlot = {
  render: (callIds: readonly string[], followUp: boolean) => <FollowUpCallback callIds={callIds} followUp={followUp} />,
  scheduled: selectCallbackScheduled,
};

export function App({ onLanguageChange, onSignOut }: { onLanguageChange(language: Language): void; onSignOut(): void }) {
  const { t } = useTranslation();
  const policy = useAppStore((s) => s.policy);
  const signingIn = useAppStore((s) => s.signIn.status === 'form');
  const handedOff = useAppStore((s) => s.dialHandedOff);

  return (
    <div className="app">
      <header className="app__header">
        <h1>{t('app.title')}</h1>
        <RegistrationStatus />
        {policy.status === 'ready' && <AgentStateSelect />}
        {policy.status === 'ready' && <CallIndicators />}
        <SupervisedStatus />
        {policy.status === 'ready' && policy.policy.supervision.leads.length > 0 && <AskForHelp />}
        <span className="app__header-end">
          {policy.status === 'ready' && <ShortcutsHelp />}
          {policy.status === 'ready' && <AudioSettings />}
          <DisplaySettings />
          <ExportDiagnostics />
          <LanguageSelect onChange={onLanguageChange} />
          <SignOutButton onSignOut={onSignOut} />
        </span>
      </header>
      <UpdateBanner />
      <main className={policy.status === 'ready' ? 'app__main app__main--desk' : 'app__main'}>
        <PolicyUpdateBanner />
        {handedOff && <DialHandedOff />}
        {policy.status === 'loading' && !handedOff && (signingIn ? <SignInForm /> : <p>{t('app.loading')}</p>)}
        {policy.status === 'invalid' && <PolicyProblems source={policy.source} problems={policy.problems} />}
        {policy.status === 'ready' && <Desk lead={policy.policy.supervision.role === 'lead'} crm={policy.policy.crm} />}
      </main>
    </div>
  );
}

/**
 * The desk once the policy is in force. Left, always in view: the ringing call, the call and its controls,
 * quality, wrap-up and the customer card. Right: agent assist with the day's calls and recordings (history
 * first between calls), and knowledge.
 */
function Desk({ lead, crm }: { lead: boolean; crm: { timeoutMs: number; elderlyAge: number } }) {
  const { t } = useTranslation();
  const ringing = useAppStore(selectRingingCall);
  const current = useAppStore(selectCurrentCall);
  const speakerSinkId = useAppStore(selectSpeakerSinkId);
  const inCall = current?.phase === 'active';
  const [tab, setTab] = useState<string>();
  // On a narrow window an article opened from a suggestion brings the Knowledge tab forward.
  const showArticle = (articleId: string) => {
    openArticle(articleId);
    setTab('knowledge');
  };

  const callArea = (
    <>
      {ringing && <IncomingCall call={ringing} />}
      {current ? <CurrentCall call={current} speakerSinkId={speakerSinkId} activeExtras={<><RecordingControls call={current} /><ScheduleCallbackButton callId={current.id} number={current.remoteNumber} /></>} /> : <Dialer />}
      {inCall && <CallQualityStatus callId={current.id} />}
      {lead && <LeadSupervisionPanel />}
      <WrapUpPanel renderSummary={(callIds) => <CallSummaryPanel callIds={callIds} />} followUp={followUpSlot} />
      <CustomerProfile timeoutMs={crm.timeoutMs} elderlyAge={crm.elderlyAge} renderContext={(callId) => <CallbackContext callId={callId} />} />
    </>
  );
  const activity: ReactNode = (
    <>
      {lead && <TeamBoard renderActions={(member) => <SupervisionActions member={member} />} />}
      <CallbacksPanel />
      <CallHistory
        renderExtra={(entry) => (
          <>
            {entry.quality && <> <CallQualitySummary summary={entry.quality} /></>} <CallRecording callId={entry.id} /> <CallbackHistoryTag callId={entry.id} />
          </>
        )}
      />
      <RecordingsPanel />
    </>
  );
  return (
    <>
      <Workspace
        callArea={callArea}
        tab={tab}
        onTab={setTab}
        labels={{ tabs: t('workspace.panes'), resize: t('workspace.resize') }}
        panes={[
          {
            id: 'work',
            title: inCall ? t('workspace.assistTab') : t('workspace.activityTab'),
            content: (
              <>
                {inCall && <AssistPane callId={current.id} onOpenArticle={showArticle} />}
                {activity}
              </>
            ),
          },
          { id: 'knowledge', title: t('workspace.knowledgeTab'), content: <KnowledgePanel /> },
        ]}
      />
      <DialDialog />
      <CallbackDialog />
    </>
  );
}
