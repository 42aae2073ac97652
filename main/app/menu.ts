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

/** What the menu's own items do (Help → Export diagnostics…). */
export interface AppMenuActions {
  exportDiagnostics(): void;
}

const HELP_LABELS: Record<'zh-CN' | 'zh-TW' | 'en', { help: string; exportDiagnostics: string }> = {
  'zh-CN': { help: '帮助', exportDiagnostics: '导出诊断信息…' },
  'zh-TW': { help: '說明', exportDiagnostics: '匯出診斷資訊…' },
  en: { help: 'Help', exportDiagnostics: 'Export diagnostics…' },
};

/** The Help menu in the OS's language (app.getLocale()): Export diagnostics, the zip IT asks for. */
export function helpMenu(locale: string, actions: AppMenuActions): MenuItemConstructorOptions {
  const labels = /^zh[-_](TW|HK|MO|Hant)/i.test(locale) ? HELP_LABELS['zh-TW'] : /^zh/i.test(locale) ? HELP_LABELS['zh-CN'] : HELP_LABELS.en;
  return { label: labels.help, role: 'help', submenu: [{ label: labels.exportDiagnostics, click: () => actions.exportDiagnostics() }] };
}

/**
 * The menu template for a platform. No role that reloads, closes a window, zooms the page or opens DevTools
 * (Electron's 'viewMenu' and 'windowMenu' roles would bring some of those back, so the macOS Window menu is
 * spelt out). Quit stays (macOS app menu): it goes through the quit flow, which asks first during a call.
 */
export function appMenuTemplate(platform: NodeJS.Platform, appName: string, help?: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  const last = help ? [help] : [];
  if (platform !== 'darwin') return [EDIT, ...last];
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
    ...last,
  ];
}

/** Replaces Electron's default menu with appMenuTemplate's (and the Help menu). Call once app is ready, in packaged builds. */
export function installAppMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  platform: NodeJS.Platform,
  appName: string,
  help?: { locale: string; actions: AppMenuActions },
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(appMenuTemplate(platform, appName, help ? helpMenu(help.locale, help.actions) : undefined)));
}
