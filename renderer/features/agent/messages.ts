/** UI strings of agent in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  agent: {
    state: 'Agent state',
    ready: 'Ready',
    notReady: 'Not ready',
    onCall: 'On call',
  },
  history: {
    label: 'Call history',
    empty: 'No calls yet',
    incoming: 'Incoming',
    outgoing: 'Outgoing',
    outcome: {
      answered: 'Answered',
      declined: 'Declined',
      missed: 'Missed',
      busy: 'Busy',
      cancelled: 'Cancelled',
      'no-answer': 'No answer',
      failed: 'Failed',
    },
  },
};

export const agentMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    agent: { state: '坐席状态', ready: '就绪', notReady: '未就绪', onCall: '通话中' },
    history: {
      label: '通话记录',
      empty: '暂无通话',
      incoming: '呼入',
      outgoing: '呼出',
      outcome: {
        answered: '已接听',
        declined: '已拒接',
        missed: '未接',
        busy: '忙线',
        cancelled: '已取消',
        'no-answer': '无人接听',
        failed: '失败',
      },
    },
  },
  'zh-TW': {
    agent: { state: '座席狀態', ready: '就緒', notReady: '未就緒', onCall: '通話中' },
    history: {
      label: '通話紀錄',
      empty: '尚無通話',
      incoming: '撥入',
      outgoing: '撥出',
      outcome: {
        answered: '已接聽',
        declined: '已拒接',
        missed: '未接',
        busy: '忙線',
        cancelled: '已取消',
        'no-answer': '無人接聽',
        failed: '失敗',
      },
    },
  },
};
