/**
 * The tray (menu bar on macOS) icon: the agent's state and the registration at a glance (icon, tooltip, and the
 * title beside the icon on macOS), and a menu with Ready / Not ready, Show and Quit. Electron's Tray, Menu and
 * images are injected so tests drive it without Electron.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { DeskStatus, DesktopCommand } from '@common/contract/desktop';
import { agentStateText, trayLook, trayMenuTemplate, trayTooltip, type TrayLook } from './tray-menu';
import { TRAY_TEXT, type TrayLanguage, type TrayText } from './tray-text';

export interface AgentTrayDeps {
  /** `new Tray(image)`. */
  createTray: (image: NativeImage) => Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on' | 'destroy'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** The icon for each look (tray-icons.ts). */
  image: (look: TrayLook) => NativeImage;
  platform: NodeJS.Platform;
  /** The language before the renderer's first report (from the system locale). */
  language: TrayLanguage;
  /** A Ready / Not ready choice, for the renderer's agent state (the desktop:command event). */
  choose: (command: DesktopCommand) => void;
  /** Shows and focuses the window (the agent asked for it: focusing is right here). */
  show: () => void;
  /** app.quit(): the quit flow (asks during a call, lets the phone un-REGISTER). */
  quit: () => void;
}

export interface AgentTray {
  /** The renderer reported a new status. */
  update(status: DeskStatus): void;
  /** The words in use (for the close-to-tray notice, in the same language). */
  text(): TrayText;
  dispose(): void;
}

/** Creates the tray icon (after app 'ready'), showing "starting" until the renderer's first report. */
export function createAgentTray(deps: AgentTrayDeps): AgentTray {
  let status: DeskStatus | null = null;
  const text = () => TRAY_TEXT[status?.language ?? deps.language];
  let look = trayLook(status);
  const tray = deps.createTray(deps.image(look));
  const actions = { choose: deps.choose, show: deps.show, quit: deps.quit };
  const render = () => {
    const nextLook = trayLook(status);
    if (nextLook !== look) {
      look = nextLook;
      tray.setImage(deps.image(look));
    }
    tray.setToolTip(trayTooltip(status, text()));
    // macOS shows a short title beside the menu bar icon; other platforms ignore setTitle.
    if (deps.platform === 'darwin') tray.setTitle(status ? agentStateText(status, text()) : '');
    tray.setContextMenu(deps.buildMenu(trayMenuTemplate(status, text(), actions)));
  };
  // Windows and most Linux trays: a left click opens the window (the menu is on the right button). macOS opens the menu.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.show());
  render();
  return {
    update(next) {
      status = next;
      render();
    },
    text,
    dispose: () => tray.destroy(),
  };
}
