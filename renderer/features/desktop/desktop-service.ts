/**
 * Tells the host what the desktop shell around the window needs to know — the agent's state, the registration, a
 * ringing call, the UI language and the Not ready reasons — whenever any of it changes, and runs the tray menu's
 * Ready / Not ready through the agent's own choice (the one the Agent state control makes). Electron's tray,
 * close-to-tray and raise-on-incoming follow the report; the browser host ignores it.
 */
import i18next from 'i18next';
import type { LingxiApi } from '@common/contract/api';
import type { DeskStatus, DesktopCommand } from '@common/contract/desktop';
import type { Policy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import type { AppState, ServiceStore } from '../../platform/store';
import { chooseAvailability, labelOf, type Availability } from '../agent';
import { selectRingingCall } from '../phone';

const log = createLogger('desktop');

/** The desk's status as the host sees it. */
export function deskStatusOf(state: AppState, reasons: Policy['agent']['notReadyReasons']): DeskStatus {
  const { agent, registration, language } = state;
  const working = agent.state.kind === 'on-call' || agent.state.kind === 'wrap-up';
  const next: Availability = working ? agent.back : agent.state.kind === 'not-ready' ? { kind: 'not-ready', reason: agent.state.reason } : { kind: 'ready' };
  const labelled = reasons.map((reason) => ({ code: reason.code, label: labelOf(reasons, reason.code, language) }));
  // The app's own hold (IT's kill switch) is no policy reason: its words are the agent feature's.
  if (agent.hold) labelled.push({ code: agent.hold, label: i18next.t(`agent.held.${agent.hold}`) });
  return {
    agent: agent.state.kind,
    next,
    held: agent.hold !== undefined,
    registration: registration.state,
    ringing: selectRingingCall(state) !== undefined,
    language,
    reasons: labelled,
  };
}

/** Applies a tray command: Ready, or Not ready for one of the policy's reasons (anything else is ignored). */
export function runDesktopCommand(command: DesktopCommand, reasons: Policy['agent']['notReadyReasons'], choose: (availability: Availability) => void): boolean {
  if (command.kind === 'ready') {
    choose({ kind: 'ready' });
    return true;
  }
  if (!reasons.some((reason) => reason.code === command.reason)) return false;
  choose({ kind: 'not-ready', reason: command.reason });
  return true;
}

/**
 * Reports the desk's status now and on every change that alters it, and follows the tray's commands.
 * @returns the function that stops both
 */
export function startDesktop(
  policy: Policy,
  store: ServiceStore,
  host: Pick<LingxiApi, 'desktop'>,
  choose: (availability: Availability) => void = chooseAvailability,
): () => void {
  const reasons = policy.agent.notReadyReasons;
  let reported = '';
  const report = () => {
    const status = deskStatusOf(store.getState(), reasons);
    const key = JSON.stringify(status);
    if (key === reported) return;
    reported = key;
    host.desktop.reportStatus(status).catch((error: unknown) => log.warn('the desktop status did not reach the host', error));
  };
  report();
  const unsubscribe = store.subscribe(report);
  const stopCommands = host.desktop.onCommand((command) => {
    if (!runDesktopCommand(command, reasons, choose)) log.warn(`tray asked for an unknown Not ready reason: ${command.kind === 'not-ready' ? command.reason : command.kind}`);
  });
  return () => {
    unsubscribe();
    stopCommands();
  };
}
