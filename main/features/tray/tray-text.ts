/**
 * The tray's and the close-to-tray notice's words, in the UI language the renderer reports (before its first
 * report: the system's, from app.getLocale). The renderer's own words for the same states are the agent and
 * phone features' messages; these match them.
 */
import type { DeskStatus } from '@common/contract/desktop';

export type TrayLanguage = DeskStatus['language'];

export interface TrayText {
  ready: string;
  notReady: string;
  /** "Not ready (Lunch)". */
  notReadyBecause: (reason: string) => string;
  onCall: string;
  wrapUp: string;
  /** Shown before the renderer's first report. */
  starting: string;
  registration: Record<DeskStatus['registration'], string>;
  ringing: string;
  /** The Not ready submenu's title when it lists reasons. */
  notReadyMenu: string;
  show: string;
  quit: string;
  /** The one-time notice when closing the window hid it. */
  hiddenTitle: string;
  hiddenBody: (where: TrayPlace) => string;
}

/** Where the icon sits: the menu bar on macOS, the notification area (tray) elsewhere. */
export type TrayPlace = 'menu-bar' | 'tray';

export const TRAY_TEXT: Record<TrayLanguage, TrayText> = {
  en: {
    ready: 'Ready',
    notReady: 'Not ready',
    notReadyBecause: (reason) => `Not ready (${reason})`,
    onCall: 'On call',
    wrapUp: 'Wrap-up',
    starting: 'Starting…',
    registration: { connecting: 'Connecting', registered: 'Registered', unregistered: 'Not registered', failed: 'Registration failed' },
    ringing: 'Incoming call',
    notReadyMenu: 'Not ready',
    show: 'Show Lingxi',
    quit: 'Quit Lingxi',
    hiddenTitle: 'Lingxi is still running',
    hiddenBody: (where) =>
      `You still receive calls. Open Lingxi from its icon in the ${where === 'menu-bar' ? 'menu bar' : 'notification area'}; quit it from the icon's menu.`,
  },
  'zh-CN': {
    ready: '就绪',
    notReady: '未就绪',
    notReadyBecause: (reason) => `未就绪（${reason}）`,
    onCall: '通话中',
    wrapUp: '话后处理',
    starting: '正在启动…',
    registration: { connecting: '正在连接', registered: '已注册', unregistered: '未注册', failed: '注册失败' },
    ringing: '来电',
    notReadyMenu: '未就绪',
    show: '显示灵犀',
    quit: '退出灵犀',
    hiddenTitle: '灵犀仍在运行',
    hiddenBody: (where) => `您仍会接到来电。点击${where === 'menu-bar' ? '菜单栏' : '系统托盘'}中的灵犀图标打开窗口；从图标菜单退出。`,
  },
  'zh-TW': {
    ready: '就緒',
    notReady: '未就緒',
    notReadyBecause: (reason) => `未就緒（${reason}）`,
    onCall: '通話中',
    wrapUp: '話後處理',
    starting: '正在啟動…',
    registration: { connecting: '正在連線', registered: '已註冊', unregistered: '未註冊', failed: '註冊失敗' },
    ringing: '來電',
    notReadyMenu: '未就緒',
    show: '顯示靈犀',
    quit: '結束靈犀',
    hiddenTitle: '靈犀仍在執行',
    hiddenBody: (where) => `您仍會接到來電。點選${where === 'menu-bar' ? '選單列' : '系統匣'}中的靈犀圖示開啟視窗；從圖示選單結束。`,
  },
};

/** The tray's language from a system locale (app.getLocale), until the renderer reports the UI's. */
export function trayLanguageOf(locale: string): TrayLanguage {
  if (/^zh[-_](TW|HK|MO|Hant)/i.test(locale)) return 'zh-TW';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
