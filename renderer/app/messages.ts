/** UI strings of app in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../i18n/types';

const en = {
  app: {
    title: 'Lingxi',
    callIndicators: 'This call',
    loading: 'Loading policy…',
    language: 'Language',
    lockedByPolicy: 'Locked by your IT policy',
    storageNotPersistent: 'The browser may clear local data under storage pressure',
  },
  workspace: {
    panes: 'Panes',
    resize: 'Resize panes',
    assistTab: 'Agent assist',
    activityTab: 'Calls and recordings',
    knowledgeTab: 'Knowledge',
  },
  display: {
    open: 'Display settings',
    title: 'Display settings',
    theme: 'Theme',
    density: 'Density',
    themes: { system: 'As the system', light: 'Light', dark: 'Dark' },
    densities: { comfortable: 'Comfortable', compact: 'Compact' },
    close: 'Close',
  },
  policy: {
    problems: 'Policy problems',
    intro: 'The policy {{source}} cannot be used. The phone will not register until it is fixed:',
    pending: 'A new IT policy applies as soon as no call or wrap-up is left.',
    changedInvalid: 'The changed policy {{source}} cannot be used; the current policy stays in force:',
  },
};

export const appMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    app: {
      title: '灵犀',
      callIndicators: '本通通话',
      loading: '正在加载策略…',
      language: '语言',
      lockedByPolicy: '已被 IT 策略锁定',
      storageNotPersistent: '浏览器在存储紧张时可能清除本地数据',
    },
    workspace: {
      panes: '窗格',
      resize: '调整窗格宽度',
      assistTab: '坐席辅助',
      activityTab: '通话与录音',
      knowledgeTab: '知识库',
    },
    display: {
      open: '显示设置',
      title: '显示设置',
      theme: '主题',
      density: '密度',
      themes: { system: '跟随系统', light: '浅色', dark: '深色' },
      densities: { comfortable: '舒适', compact: '紧凑' },
      close: '关闭',
    },
    policy: {
      problems: '策略问题',
      intro: '策略 {{source}} 无法使用。修正之前话机不会注册：',
      pending: '新的 IT 策略将在没有通话和话后处理时生效。',
      changedInvalid: '更改后的策略 {{source}} 无法使用，当前策略继续有效：',
    },
  },
  'zh-TW': {
    app: {
      title: '靈犀',
      callIndicators: '本通通話',
      loading: '正在載入原則…',
      language: '語言',
      lockedByPolicy: '已被 IT 原則鎖定',
      storageNotPersistent: '瀏覽器在儲存空間不足時可能清除本機資料',
    },
    workspace: {
      panes: '窗格',
      resize: '調整窗格寬度',
      assistTab: '座席輔助',
      activityTab: '通話與錄音',
      knowledgeTab: '知識庫',
    },
    display: {
      open: '顯示設定',
      title: '顯示設定',
      theme: '佈景主題',
      density: '密度',
      themes: { system: '跟隨系統', light: '淺色', dark: '深色' },
      densities: { comfortable: '舒適', compact: '緊湊' },
      close: '關閉',
    },
    policy: {
      problems: '原則問題',
      intro: '原則 {{source}} 無法使用。修正之前話機不會註冊：',
      pending: '新的 IT 原則將在沒有通話和話後處理時生效。',
      changedInvalid: '變更後的原則 {{source}} 無法使用，目前的原則繼續有效：',
    },
  },
};
