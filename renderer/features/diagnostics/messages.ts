/** UI strings of diagnostics in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  diagnostics: {
    export: 'Export diagnostics',
    working: 'Collecting diagnostics…',
    saved: 'Diagnostics saved: {{where}}',
    failed: 'Diagnostics could not be exported: {{error}}',
  },
};

export const diagnosticsMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    diagnostics: {
      export: '导出诊断信息',
      working: '正在收集诊断信息…',
      saved: '诊断信息已保存：{{where}}',
      failed: '无法导出诊断信息：{{error}}',
    },
  },
  'zh-TW': {
    diagnostics: {
      export: '匯出診斷資訊',
      working: '正在收集診斷資訊…',
      saved: '診斷資訊已儲存：{{where}}',
      failed: '無法匯出診斷資訊：{{error}}',
    },
  },
};
