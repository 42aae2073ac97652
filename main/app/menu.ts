/**
 * The application menu of packaged builds. Electron's default menu carries Reload, Force Reload, Close
 * Window and Toggle Developer Tools with their accelerators (Ctrl+R, Ctrl+Shift+R, Ctrl+W, Ctrl+Shift+I):
 * a reload or close drops the call the renderer holds, and DevTools hand anyone at the desk the renderer's
 * API (secrets included). Ours keeps only what an agent needs: editing (copy/paste in the CRM pane and
 * notes) and, on macOS, the standard app and window menus.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

const EDIT: MenuItemConstructorOptions = {
  label: 'Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'pasteAndMatchStyle' },
    { role: 'selectAll' },
  ],
};

/**
 * The menu template for a platform. No role that reloads, closes a window, zooms the page or opens DevTools
 * (Electron's 'viewMenu' and 'windowMenu' roles would bring some of those back, so the macOS Window menu is
 * spelt out). Quit stays (macOS app menu): it goes through the quit flow, which asks first during a call.
 */
export function appMenuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] {
  if (platform !== 'darwin') return [EDIT];
  return [
    {
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    EDIT,
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] },
  ];
}

/** Replaces Electron's default menu with appMenuTemplate's. Call once app is ready, in packaged builds. */
export function installAppMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, platform: NodeJS.Platform, appName: string): void {
  menu.setApplicationMenu(menu.buildFromTemplate(appMenuTemplate(platform, appName)));
}
