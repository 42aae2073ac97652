import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, helpMenu, installAppMenu } from '@main/app/menu';

/** Every item of a template, submenus included. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (template: readonly MenuItemConstructorOptions[]) => items(template).map((item) => item.role).filter(Boolean);

// Roles that reload or close the page, open DevTools, or bring those back as a group (viewMenu, windowMenu, fileMenu).
const FORBIDDEN = ['reload', 'forceReload', 'toggleDevTools', 'close', 'viewMenu', 'windowMenu', 'fileMenu', 'appMenu', 'resetZoom', 'zoomIn', 'zoomOut'];

describe('appMenuTemplate', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`has no reload, close-window or DevTools item on ${platform}, and keeps copy and paste`, () => {
      const template = appMenuTemplate(platform, 'Lingxi');
      expect(roles(template).filter((role) => FORBIDDEN.includes(role as string))).toEqual([]);
      expect(items(template).filter((item) => item.accelerator !== undefined || item.click !== undefined)).toEqual([]);
      expect(roles(template)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    });
  }

  it('gives macOS its standard app menu, with Quit (which asks first during a call)', () => {
    const [appMenu] = appMenuTemplate('darwin', 'Lingxi');
    expect(appMenu?.label).toBe('Lingxi');
    expect(roles([appMenu ?? {}])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });
});

describe('the Help menu', () => {
  it('offers Export diagnostics in the OS language, and asks for it when clicked', () => {
    const asked: string[] = [];
    const help = (locale: string) => helpMenu(locale, { exportDiagnostics: () => void asked.push(locale) });
    const first = (menu: MenuItemConstructorOptions) => (menu.submenu as MenuItemConstructorOptions[])[0];
    expect([help('en-US'), help('zh-CN'), help('zh-TW'), help('zh-HK')].map((menu) => [menu.label, first(menu)?.label])).toEqual([
      ['Help', 'Export diagnostics…'],
      ['帮助', '导出诊断信息…'],
      ['說明', '匯出診斷資訊…'],
      ['說明', '匯出診斷資訊…'],
    ]);
    (first(help('en-US'))?.click as () => void)();
    expect(asked).toEqual(['en-US']);
  });

  for (const platform of ['win32', 'darwin'] as const) {
    it(`comes last in the menu bar on ${platform}, and the template stays free of reload, close and DevTools`, () => {
      const template = appMenuTemplate(platform, 'Lingxi', helpMenu('en', { exportDiagnostics: () => undefined }));
      expect(template.at(-1)?.label).toBe('Help');
      expect(roles(template).filter((role) => FORBIDDEN.includes(role as string))).toEqual([]);
    });
  }
});

describe('installAppMenu', () => {
  it('replaces the application menu with ours', () => {
    const set: unknown[] = [];
    const menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ built: template }) as unknown as Menu,
      setApplicationMenu: (built: Menu | null) => void set.push(built),
    };
    installAppMenu(menu, 'win32', 'Lingxi');
    expect(set).toEqual([{ built: appMenuTemplate('win32', 'Lingxi') }]);
  });
});
