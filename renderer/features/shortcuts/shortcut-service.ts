/**
 * Turns shortcut actions (from Electron's global shortcuts or the browser host's in-window keys, both via
 * LingxiApi.shortcuts.onAction) into phone and agent actions on the current call.
 */
import i18next from 'i18next';
import type { LingxiApi } from '@common/contract/api';
import type { ShortcutAction } from '@common/contract/policy';
import { assertNever } from '../../platform/assert-never';
import { createLogger } from '../../platform/logger';
import { selectCurrentCall, selectRingingCall, type PhoneSlice } from '../phone';

const log = createLogger('shortcuts');

/** What the actions act on: the app's commands, handed over by bootstrap (and by tests). */
export interface ShortcutTargets {
  answer(callId: string): void;
  hangup(callId: string): void;
  setHold(callId: string, hold: boolean): void;
  setMute(callId: string, mute: boolean): void;
  toggleReady(): void;
  /** Pauses or resumes the call's recording; false when it is not being recorded. */
  toggleRecording(callId: string): boolean;
  /** Raises or lowers the agent's hand for the team lead. */
  askForHelp(): void;
  /** Opens the transfer form; false when there is none to open. */
  openTransfer(): boolean;
  /** Opens the Callback dialog (the Schedule callback button of the call or its wrap-up); false when there is none. */
  openScheduleCallback(): boolean;
}

/**
 * Clicks the button that opens a form — the call's Transfer (the phone feature owns what happens next) or
 * Schedule callback (the callbacks feature's). Found by `data-shortcut="<kind>"` or by its accessible name in
 * the UI language or English; submit buttons are skipped, so a second press never sends a half-typed form.
 */
export function clickShortcutButton(kind: 'transfer' | 'callback', names: readonly string[], root: ParentNode = document): boolean {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
  const button =
    buttons.find((b) => b.dataset.shortcut === kind) ??
    buttons.find((b) => b.type !== 'submit' && names.includes((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
  button?.click();
  return button !== undefined;
}

/**
 * Runs one action against the phone's calls. Hold and mute toggle; hang up ends the current call only
 * (never a ringing one, which a late key press could otherwise decline).
 * @returns whether it did something
 */
export function runShortcut(action: ShortcutAction, phone: PhoneSlice, targets: ShortcutTargets): boolean {
  const current = selectCurrentCall(phone);
  const active = current?.phase === 'active' ? current : undefined;
  switch (action) {
    case 'answer': {
      const ringing = selectRingingCall(phone);
      if (ringing) targets.answer(ringing.id);
      return ringing !== undefined;
    }
    case 'hangup':
      if (current) targets.hangup(current.id);
      return current !== undefined;
    case 'hold':
      if (active) targets.setHold(active.id, !active.heldLocally);
      return active !== undefined;
    case 'mute':
      if (active) targets.setMute(active.id, !active.muted);
      return active !== undefined;
    case 'transfer':
      return current !== undefined && targets.openTransfer();
    case 'toggleReady':
      targets.toggleReady();
      return true;
    case 'toggleRecording':
      return active !== undefined && targets.toggleRecording(active.id);
    case 'askForHelp':
      targets.askForHelp();
      return true;
    case 'scheduleCallback':
      return targets.openScheduleCallback();
    // Never here: both hosts turn the dial key into a dial request with the clipboard's text (LingxiApi.dial), and
    // the diagnostics feature follows its action itself, from start-up (it must work with an invalid policy too).
    case 'dial':
    case 'exportDiagnostics':
      return false;
    default:
      return assertNever(action, 'shortcut action');
  }
}

/** The commands bootstrap hands over: the phone's, the agent's and the recording's; transfer and callback are the UI's. */
export type ShortcutCommands = Omit<ShortcutTargets, 'openTransfer' | 'openScheduleCallback'>;

/**
 * Subscribes to the host's shortcut actions for the app's lifetime.
 * @returns the unsubscribe function
 */
export function startShortcuts(host: Pick<LingxiApi, 'shortcuts'>, store: { getState(): PhoneSlice }, commands: ShortcutCommands): () => void {
  // The Transfer button's name in the UI language, and in English (the accessible name the issue fixes).
  const transferNames = () => [i18next.t('callControl.transfer'), 'Transfer'];
  const callbackNames = () => [i18next.t('callbacks.schedule'), 'Schedule callback'];
  const targets: ShortcutTargets = {
    ...commands,
    openTransfer: () => clickShortcutButton('transfer', transferNames()),
    openScheduleCallback: () => clickShortcutButton('callback', callbackNames()),
  };
  return host.shortcuts.onAction((action) => {
    const done = runShortcut(action, store.getState(), targets);
    log.debug(`shortcut ${action}${done ? '' : ' (nothing to act on)'}`);
  });
}
