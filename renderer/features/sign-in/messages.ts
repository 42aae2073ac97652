/** UI strings of sign-in in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  signIn: {
    form: 'Sign in',
    title: 'Sign in to take calls',
    agentId: 'Agent ID',
    password: 'Password',
    remember: 'Keep me signed in on this computer (password in the system keyring)',
    browserNote: 'This browser does not keep your password: you sign in again after a reload.',
    submit: 'Sign in',
    checking: 'Signing in…',
    signOut: 'Sign out',
    signedInAs: 'Agent {{agentId}}',
    signOutDuringCall: 'Finish your calls before signing out',
    error: {
      auth: 'Wrong agent ID or password. Check both and try again.',
      forbidden: 'The phone server refused this agent ID (403). Ask your team lead whether it is enabled.',
      network: 'The phone server cannot be reached. Check the network, or tell IT.',
      timeout: 'The phone server did not answer. Try again in a moment, or tell IT.',
      rejected: 'The phone server refused the sign-in. Tell IT.',
      'agent-id': 'An agent ID has only letters, digits and . _ ~ - (at most 64).',
      'saved-refused': 'Your saved password was refused: sign in again.',
    },
  },
};

export const signInMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    signIn: {
      form: '登录',
      title: '登录后接听来电',
      agentId: '坐席工号',
      password: '密码',
      remember: '在这台电脑上保持登录（密码保存在系统钥匙串中）',
      browserNote: '浏览器不保存密码：重新加载页面后需再次登录。',
      submit: '登录',
      checking: '正在登录…',
      signOut: '退出登录',
      signedInAs: '坐席 {{agentId}}',
      signOutDuringCall: '请先结束通话再退出登录',
      error: {
        auth: '工号或密码错误，请检查后重试。',
        forbidden: '话务服务器拒绝了此工号（403），请向组长确认该工号是否已启用。',
        network: '无法连接话务服务器，请检查网络或联系 IT。',
        timeout: '话务服务器没有响应，请稍后重试或联系 IT。',
        rejected: '话务服务器拒绝了登录，请联系 IT。',
        'agent-id': '工号只能包含字母、数字和 . _ ~ -（最多 64 个字符）。',
        'saved-refused': '已保存的密码被拒绝，请重新登录。',
      },
    },
  },
  'zh-TW': {
    signIn: {
      form: '登入',
      title: '登入後接聽來電',
      agentId: '客服工號',
      password: '密碼',
      remember: '在這台電腦上保持登入（密碼保存在系統鑰匙圈中）',
      browserNote: '瀏覽器不保存密碼：重新載入頁面後需再次登入。',
      submit: '登入',
      checking: '正在登入…',
      signOut: '登出',
      signedInAs: '客服 {{agentId}}',
      signOutDuringCall: '請先結束通話再登出',
      error: {
        auth: '工號或密碼錯誤，請檢查後重試。',
        forbidden: '話務伺服器拒絕了此工號（403），請向組長確認該工號是否已啟用。',
        network: '無法連線話務伺服器，請檢查網路或聯絡 IT。',
        timeout: '話務伺服器沒有回應，請稍後重試或聯絡 IT。',
        rejected: '話務伺服器拒絕了登入，請聯絡 IT。',
        'agent-id': '工號只能包含字母、數字和 . _ ~ -（最多 64 個字元）。',
        'saved-refused': '已保存的密碼被拒絕，請重新登入。',
      },
    },
  },
};
