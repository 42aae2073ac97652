/** UI strings of shortcuts in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts',
    close: 'Close',
    actionColumn: 'Action',
    keysColumn: 'Keys',
    action: {
      answer: 'Answer',
      hangup: 'Hang up',
      hold: 'Hold / Resume',
      mute: 'Mute / Unmute',
      transfer: 'Transfer',
      toggleReady: 'Ready / Not ready',
      toggleRecording: 'Pause / resume recording',
      askForHelp: 'Ask the team lead for help',
      dial: 'Dial the copied number',
      exportDiagnostics: 'Export diagnostics',
      help: 'Show this list',
    },
    helpKeys: '? or F1',
    scope: {
      global: 'These keys work in any application, also while the CRM has focus.',
      window: 'These keys work while this window has focus.',
    },
    state: {
      active: 'Available',
      taken: 'Taken by another application',
      invalid: 'Not a valid key combination',
      duplicate: 'Same keys as another action',
      'needs-modifier': 'Needs Ctrl, Alt or a function key to work system-wide',
    },
    none: 'No shortcuts are configured.',
  },
};

export const shortcutsMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    shortcuts: {
      title: '键盘快捷键',
      open: '键盘快捷键',
      close: '关闭',
      actionColumn: '操作',
      keysColumn: '按键',
      action: {
        answer: '接听',
        hangup: '挂断',
        hold: '保持 / 恢复',
        mute: '静音 / 取消静音',
        transfer: '转接',
        toggleReady: '就绪 / 未就绪',
        toggleRecording: '暂停 / 恢复录音',
        askForHelp: '向班组长请求协助',
        dial: '拨打已复制的号码',
        exportDiagnostics: '导出诊断信息',
        help: '显示此列表',
      },
      helpKeys: '? 或 F1',
      scope: {
        global: '这些按键在任何应用中都有效，CRM 在前台时也可使用。',
        window: '这些按键在本窗口获得焦点时有效。',
      },
      state: {
        active: '可用',
        taken: '已被其他应用占用',
        invalid: '不是有效的组合键',
        duplicate: '与另一操作的按键相同',
        'needs-modifier': '需要 Ctrl、Alt 或功能键才能全局使用',
      },
      none: '未配置快捷键。',
    },
  },
  'zh-TW': {
    shortcuts: {
      title: '鍵盤快速鍵',
      open: '鍵盤快速鍵',
      close: '關閉',
      actionColumn: '操作',
      keysColumn: '按鍵',
      action: {
        answer: '接聽',
        hangup: '掛斷',
        hold: '保留 / 恢復',
        mute: '靜音 / 取消靜音',
        transfer: '轉接',
        toggleReady: '就緒 / 未就緒',
        toggleRecording: '暫停 / 恢復錄音',
        askForHelp: '向班組長請求協助',
        dial: '撥打已複製的號碼',
        exportDiagnostics: '匯出診斷資訊',
        help: '顯示此清單',
      },
      helpKeys: '? 或 F1',
      scope: {
        global: '這些按鍵在任何應用程式中都有效，CRM 在前景時也可使用。',
        window: '這些按鍵在本視窗取得焦點時有效。',
      },
      state: {
        active: '可用',
        taken: '已被其他應用程式占用',
        invalid: '不是有效的組合鍵',
        duplicate: '與另一操作的按鍵相同',
        'needs-modifier': '需要 Ctrl、Alt 或功能鍵才能全域使用',
      },
      none: '未設定快速鍵。',
    },
  },
};
