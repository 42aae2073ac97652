/**
 * What the tray shows for a desk status, as pure functions: the icon variant, the tooltip (and the macOS menu bar
 * title), and the context menu's template. agent-tray.ts hands them to Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { DeskStatus, DesktopCommand } from '@common/contract/desktop';
import type { TrayText } from './tray-text';

/**
 * The icon variants (assets/tray/<look>-16.png and -32.png): grey = not registered (no calls can arrive, whatever
 * the agent chose), green = Ready, amber = Not ready, blue = on a call or in wrap-up.
 */
export const trayLooks = ['offline', 'ready', 'not-ready', 'busy'] as const;
export type TrayLook = (typeof trayLooks)[number];

/** The icon for a status; null (before the renderer's first report) shows the offline icon. */
export function trayLook(status: DeskStatus | null): TrayLook {
  if (!status || status.registration !== 'registered') return 'offline';
  if (status.agent === 'on-call' || status.agent === 'wrap-up') return 'busy';
  return status.agent;
}

function reasonLabel(status: DeskStatus, code: string): string {
  return status.reasons.find((reason) => reason.code === code)?.label ?? code;
}

/** The agent state in words: "Ready", "Not ready (Lunch)", "On call", "Wrap-up". */
export function agentStateText(status: DeskStatus, text: TrayText): string {
  switch (status.agent) {
    case 'ready':
      return text.ready;
    case 'not-ready':
      return status.next.kind === 'not-ready' ? text.notReadyBecause(reasonLabel(status, status.next.reason)) : text.notReady;
    case 'on-call':
      return text.onCall;
    case 'wrap-up':
      return text.wrapUp;
  }
}

/** The tooltip: "Lingxi — Ready · Registered" (and the incoming call, while one rings). */
export function trayTooltip(status: DeskStatus | null, text: TrayText): string {
  if (!status) return `Lingxi — ${text.starting}`;
  const parts = [agentStateText(status, text), text.registration[status.registration]];
  if (status.ringing) parts.push(text.ringing);
  return `Lingxi — ${parts.join(' · ')}`;
}

/** What the menu's items do: choose (through the renderer's agent state), show the window, quit (the quit flow). */
export interface TrayMenuActions {
  choose(command: DesktopCommand): void;
  show(): void;
  quit(): void;
}

/**
 * The context menu: Ready / Not ready (a submenu of the policy's reasons when there are any; the one chosen is
 * checked: during a call or wrap-up that is where the agent goes next, as in the window), Show, Quit. Ready and
 * Not ready are disabled before the first report and while the app holds the agent Not ready.
 */
export function trayMenuTemplate(status: DeskStatus | null, text: TrayText, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const canChoose = status !== null && !status.held;
  const next = status?.next;
  const ready: MenuItemConstructorOptions = {
    label: text.ready,
    type: 'radio',
    checked: next?.kind === 'ready',
    enabled: canChoose,
    click: () => actions.choose({ kind: 'ready' }),
  };
  const reasons = status?.reasons ?? [];
  const notReady: MenuItemConstructorOptions =
    reasons.length === 0
      ? {
          label: text.notReady,
          type: 'radio',
          checked: next?.kind === 'not-ready',
          enabled: false,
        }
      : {
          label: text.notReadyMenu,
          enabled: canChoose,
          submenu: reasons.map((reason) => ({
            label: reason.label,
            type: 'radio' as const,
            checked: next?.kind === 'not-ready' && next.reason === reason.code,
            click: () => actions.choose({ kind: 'not-ready', reason: reason.code }),
          })),
        };
  return [
    { label: status ? trayTooltip(status, text).replace(/^Lingxi — /, '') : text.starting, enabled: false },
    { type: 'separator' },
    ready,
    notReady,
    { type: 'separator' },
    { label: text.show, click: () => actions.show() },
    { label: text.quit, click: () => actions.quit() },
  ];
}
