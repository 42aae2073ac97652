/**
 * The desktop shell's vocabulary (Electron's tray, close-to-tray, raise on incoming): what the renderer reports
 * about the desk, and the commands the tray menu sends back. Kept free of zod, like system-events.ts: the
 * sandboxed preload bundles it; ipc.ts builds the validating schema from these lists.
 */

/** The agent's state as the tray shows it (renderer/features/agent's machine). */
export const deskAgentStates = ['ready', 'not-ready', 'on-call', 'wrap-up'] as const;
export type DeskAgentState = (typeof deskAgentStates)[number];

/** The SIP registration (renderer/features/phone). */
export const deskRegistrations = ['connecting', 'registered', 'unregistered', 'failed'] as const;
export type DeskRegistration = (typeof deskRegistrations)[number];

/** A Not ready reason for the tray's menu: the policy's code and its label in the UI language. */
export interface DeskReason {
  code: string;
  label: string;
}

/** What the renderer reports whenever it changes (`desktop:status`). */
export interface DeskStatus {
  agent: DeskAgentState;
  /** Where the agent goes after a call and wrap-up (the state itself when Ready or Not ready). */
  next: { kind: 'ready' } | { kind: 'not-ready'; reason: string };
  /** The app holds the agent Not ready (IT's kill switch): the tray cannot choose Ready. */
  held: boolean;
  registration: DeskRegistration;
  /** An incoming call is ringing (the window is raised and the taskbar flashes). */
  ringing: boolean;
  /** The UI language, for the tray's own words. */
  language: 'zh-CN' | 'zh-TW' | 'en';
  /** The policy's Not ready reasons, labelled. */
  reasons: DeskReason[];
}

/** A tray menu choice main sends on DESKTOP_COMMAND_CHANNEL: the same choice the Agent state control makes. */
export type DesktopCommand = { kind: 'ready' } | { kind: 'not-ready'; reason: string };

/** The ipcRenderer.on channel tray commands arrive on. */
export const DESKTOP_COMMAND_CHANNEL = 'desktop:command';

/** Whether a value received over IPC is a DesktopCommand (the preload drops anything else). */
export function isDesktopCommand(value: unknown): value is DesktopCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as { kind?: unknown; reason?: unknown };
  if (command.kind === 'ready') return Object.keys(command).length === 1;
  return command.kind === 'not-ready' && typeof command.reason === 'string' && command.reason.length > 0 && command.reason.length <= 64;
}
