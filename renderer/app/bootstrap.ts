/**
 * Start-up: load and validate the policy, pick the language, restore history, then start the phone.
 * An invalid policy stops here: the problems show and nothing registers.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Language } from '@common/contract/policy';
import { POLICY_HEADER, policyHeaderValue } from '@common/contract/policy-header';
import { fixedAgentPolicy } from '@common/contract/sign-in';
import { readSetting, writeSetting } from '../db/settings-repo';
import { assistVocabulary, callSummaries, onAssistEvent, startAssist, startTranscription } from '../features/assist';
import { holdNotReady, labelOf, recentCalls, recordInterruptedCalls, selectAcceptsCalls, startAgent, toggleReady } from '../features/agent';
import { startDesktop } from '../features/desktop';
import { selectRingerSinkId, startDevices } from '../features/devices';
import { startDiagnostics } from '../features/diagnostics';
import { abandonKnowledge, knowledgeQueries, prestartKnowledge, startKnowledge } from '../features/knowledge';
import { answer, createCallLifecycle, dial, hangup, holdAndDial, sendDtmf, setHold, setMute, startPhone } from '../features/phone';
import { startQuality } from '../features/quality';
import { pauseRecording, resumeRecording, startRecording, toggleRecordingPause } from '../features/recording';
import { cachedCustomerName, startScreenpop } from '../features/screenpop';
import { startClickToDial } from '../features/click-to-dial';
import { selectCallbackScheduled, selectOverdueCount, startCallbacks } from '../features/callbacks';
import { appClock, installTestClock } from '../platform/app-clock';
import { startShortcuts } from '../features/shortcuts';
import { signInAgent, signOut } from '../features/sign-in';
import { startBoard, startSupervisionCalls, toggleHelp } from '../features/supervision';
import { startUpdates } from '../features/updates';
import { initI18n } from '../i18n';
import { createLogger } from '../platform/logger';
import type { AppStore } from '../platform/store';
import { messageBundles } from './bundles';
import { restoreDisplay } from './display';
import { followPolicyUpdates } from './policy-updates';
import { resolveSetting } from './resolve-setting';

const log = createLogger('app');
const LANGUAGE_KEY = 'ui.language';

/** The language to use before (or without) a valid policy: the system's. */
export function systemLanguage(tags: readonly string[] = navigator.languages): Language {
  for (const tag of tags) {
    if (/^zh[-_](TW|HK|MO|Hant)/i.test(tag)) return 'zh-TW';
    if (/^zh/i.test(tag)) return 'zh-CN';
    if (/^en/i.test(tag)) return 'en';
  }
  return 'zh-CN';
}

export async function bootstrap(host: LingxiApi, store: AppStore): Promise<void> {
  // Answer the quit handshake whatever happens below, so Electron never waits on a renderer without a phone.
  let stopPhone: () => void = () => undefined;
  store.getState().setHostKind(host.host);
  // Export diagnostics works from the start, whatever becomes of the policy.
  startDiagnostics(host, store);
  host.system.onEvent((event) => {
    if (event !== 'before-quit') return;
    stopPhone();
    void host.app.quitReady();
  });
  // A browser tab a tel: link opened hands its number to the Lingxi tab already running, and starts no second phone.
  if (await host.dial.handOff()) {
    await initI18n(systemLanguage(), messageBundles);
    store.getState().setDialHandedOff();
    return;
  }
  // The knowledge index loads in its worker while the policy, the phone and the rest start (a bank's index
  // takes longer to read than the desk takes to start).
  prestartKnowledge();
  const result = await host.policy.load();
  const state = store.getState();
  // A policy changed on disk applies between calls (a fixed invalid one at once: nothing runs).
  followPolicyUpdates(host, store, result.ok ? result.sha256 : undefined, () => location.reload());
  if (!result.ok) {
    abandonKnowledge();
    const language = result.language ?? systemLanguage();
    await initI18n(language, messageBundles);
    state.setLanguage(language, false);
    state.setPolicy({ status: 'invalid', problems: result.problems, source: result.source });
    log.warn(`policy ${result.source} rejected: ${result.problems.length} problem(s)`);
    return;
  }
  const loaded = result.policy;
  const userLanguage = await readSetting<Language>(LANGUAGE_KEY).catch(() => undefined);
  const language = resolveSetting(loaded, LANGUAGE_KEY, loaded.ui.language, userLanguage);
  await initI18n(language.value, messageBundles);
  state.setLanguage(language.value, language.locked);
  await restoreDisplay(loaded);
  // A machine policy for many agents names sip.uriTemplate: the desk starts once the agent has signed in.
  const policy = fixedAgentPolicy(loaded) ?? (await signInAgent(loaded, { host, store }));
  // The phone publishes what happens to calls here; the features below subscribe, in the order they start.
  const lifecycle = createCallLifecycle();
  // Agent state (Ready, reasons, wrap-up rules) is set up before the UI shows it and before any call rings.
  // A follow-up wrap-up with no callback promised is not ended by the time limit (callbacks says whether one is).
  startAgent(policy, store, lifecycle, { followUpScheduled: (callIds) => selectCallbackScheduled(store.getState(), callIds) });
  state.setPolicy({ status: 'ready', policy, source: result.source });
  // Updates: a version IT's kill switch blocks keeps the agent Not ready after this call; the host hears when the desk is busy.
  startUpdates(host, store, { holdNotReady });
  state.setHistory(await recentCalls().catch(() => []));
  void requestPersistentStorage(store);

  // Screen pop listens before the phone starts, so not even the first call's INVITE is missed.
  startScreenpop(policy, store, lifecycle, host);
  // The device manager supplies each call's microphone and moves it on hot-plug (replaceTrack).
  const devices = startDevices(policy, store);
  const policyHeader = policyHeaderValue(result);
  const engine = startPhone(policy, store, lifecycle, host, {
    acceptsCalls: () => selectAcceptsCalls(store.getState()),
    ringerSinkId: () => selectRingerSinkId(store.getState()),
    media: devices,
    // The SIP server sees which policy each desk runs (and where it came from): drift shows there.
    registerHeaders: policyHeader ? [`${POLICY_HEADER}: ${policyHeader}`] : [],
  });
  devices.attach(engine);
  // The team board rides on the phone's UA: every desktop answers its leads' SUBSCRIBEs; a lead's also watches its team.
  startBoard(policy, store, {
    onUserAgent: (hook) => engine.onUserAgent(hook),
    onAssistEvent,
    reasonLabel: (code) => labelOf(policy.agent.notReadyReasons, code, store.getState().language),
    overdueCallbacks: () => selectOverdueCount(store.getState()),
  });
  stopPhone = () => engine.stop();
  signOutOfDesk = () => signOut(host, () => engine.unregisterAndStop());
  // Supervision: signed INVITEs from listed leads are taken before they ring; a lead's desktop supervises.
  startSupervisionCalls(policy, store, lifecycle, host, engine);
  // Call quality: getStats() of every active call, a sample every quality.sampleSeconds.
  startQuality(policy, store, lifecycle, (callId) => engine.peerConnection(callId));
  // Recording: open the encrypted cache, close what a crash left open (its calls join the history as
  // interrupted), then capture calls as they connect.
  void startRecording(policy, store, lifecycle, host, engine, {
    interruptedCalls: (calls) => void recordInterruptedCalls(calls),
    ...(result.sha256 ? { policySha256: result.sha256 } : {}),
  });
  // Agent assist: a session per answered call, fed by transcription, searching the knowledge base.
  startAssist(policy, store, lifecycle, { knowledge: knowledgeQueries, recording: { pause: pauseRecording, resume: resumeRecording } });
  // Transcription of both legs (local speech service or the bank's ASR server) feeds assist through its events.
  // The engine listens for the bank's own vocabulary: the assist rules' phrases and the PCI triggers.
  const vocabulary = assistVocabulary(policy.assist);
  startTranscription(policy, store, lifecycle, host, engine, { keywords: () => vocabulary });
  // Electron's tray, close-to-tray and raise-on-incoming follow the desk; the tray's Ready / Not ready come back here.
  startDesktop(policy, store, host);
  startShortcuts(host, store, { answer, hangup, setHold, setMute, toggleReady, toggleRecording: toggleRecordingPause, askForHelp: toggleHelp });
  // Click-to-dial: links, ?dial= and the clipboard key open the Dial dialog (the CRM cache names the customer).
  const profileTtlMs = policy.crm.cacheTtlMinutes * 60_000;
  startClickToDial(policy.dial, store, { host, lifecycle, phone: { dial, holdAndDial, sendDtmf }, customerName: (number) => cachedCustomerName(number, profileTtlMs) });
  // Callbacks: the promised calls, their reminders (on the app clock, which `?testClock=1` lets a test advance) and dropped calls.
  installTestClock();
  startCallbacks(policy, store, lifecycle, { clock: appClock, phone: { dial }, summaries: callSummaries });
  // Knowledge search loads its persisted index in a worker; package import and sync run in the background.
  startKnowledge(policy, host);
  host.system.onEvent((event) => {
    if (event === 'resume' || event === 'online') engine.reconnectNow();
  });
  // Closing the tab or window un-REGISTERs so calls stop routing to a dead contact.
  window.addEventListener('pagehide', () => engine.stop());
}

let signOutOfDesk: () => Promise<void> = async () => undefined;

/** Sign out (header button): un-REGISTER, forget the agent, and start again at the sign-in form. */
export function signOutAgent(): Promise<void> {
  return signOutOfDesk();
}

/** Applies the agent's language choice unless IT locked it. */
export async function changeLanguage(store: AppStore, language: Language): Promise<void> {
  if (store.getState().languageLocked) return;
  await initI18n(language, messageBundles);
  store.getState().setLanguage(language, false);
  await writeSetting(LANGUAGE_KEY, language);
}

async function requestPersistentStorage(store: AppStore): Promise<void> {
  const persisted = await navigator.storage?.persist?.().catch(() => false);
  store.getState().setStoragePersistent(Boolean(persisted));
}
