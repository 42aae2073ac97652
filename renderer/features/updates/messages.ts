/** UI strings of updates in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  updates: {
    blocked: 'This version of Lingxi ({{version}}) has been withdrawn by IT.',
    tooOld: 'This version of Lingxi ({{version}}) is no longer supported: IT requires {{minimum}} or later.',
    noNewCalls: 'Finish your current call and wrap-up: you will not receive new calls on this version.',
    downloading: 'Downloading version {{update}}…',
    installSoon: 'Version {{update}} is ready and installs as soon as your current call and wrap-up are finished.',
    searching: 'Lingxi is looking for an allowed version and will update itself.',
    byIt: 'IT will install an allowed version on this computer.',
    fromIt: 'Message from IT: {{message}}',
  },
};

export const updatesMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    updates: {
      blocked: '此版本的灵犀（{{version}}）已被 IT 停用。',
      tooOld: '此版本的灵犀（{{version}}）已不再受支持：IT 要求 {{minimum}} 或更高版本。',
      noNewCalls: '请完成当前通话和话后处理：此版本不会再接到新来电。',
      downloading: '正在下载版本 {{update}}…',
      installSoon: '版本 {{update}} 已就绪，将在当前通话和话后处理结束后立即安装。',
      searching: '灵犀正在查找允许的版本，并将自动更新。',
      byIt: 'IT 将在这台电脑上安装允许的版本。',
      fromIt: 'IT 消息：{{message}}',
    },
  },
  'zh-TW': {
    updates: {
      blocked: '此版本的靈犀（{{version}}）已被 IT 停用。',
      tooOld: '此版本的靈犀（{{version}}）已不再受支援：IT 要求 {{minimum}} 或更新版本。',
      noNewCalls: '請完成目前通話和話後處理：此版本不會再接到新來電。',
      downloading: '正在下載版本 {{update}}…',
      installSoon: '版本 {{update}} 已就緒，將在目前通話和話後處理結束後立即安裝。',
      searching: '靈犀正在尋找允許的版本，並將自動更新。',
      byIt: 'IT 將在這台電腦上安裝允許的版本。',
      fromIt: 'IT 訊息：{{message}}',
    },
  },
};
