/** UI strings of call quality in the three UI languages. The English object is the shape the others must match. */
import type { LocaleBundle } from '../../i18n/types';

const en = {
  quality: {
    label: 'Call quality',
    measuring: 'Measuring…',
    level: { good: 'Good', fair: 'Fair', poor: 'Poor' },
    mos: 'MOS {{value}}',
    warning: 'Warning: {{list}}',
    metric: {
      mos: 'MOS below {{limit}}',
      loss: 'packet loss over {{limit}} %',
      jitter: 'jitter over {{limit}} ms',
      rtt: 'round trip over {{limit}} ms',
    },
    details: 'Loss {{loss}} % · jitter {{jitter}} ms · round trip {{rtt}} ms',
    detailsNoRtt: 'Loss {{loss}} % · jitter {{jitter}} ms',
    summary: 'Quality: MOS {{average}} (lowest {{min}}), loss up to {{loss}} %, jitter up to {{jitter}} ms, round trip up to {{rtt}} ms',
    warned: 'quality warning during the call',
  },
};

export const qualityMessages: LocaleBundle<typeof en> = {
  en,
  'zh-CN': {
    quality: {
      label: '通话质量',
      measuring: '正在测量…',
      level: { good: '良好', fair: '一般', poor: '较差' },
      mos: 'MOS {{value}}',
      warning: '警告：{{list}}',
      metric: {
        mos: 'MOS 低于 {{limit}}',
        loss: '丢包率超过 {{limit}}%',
        jitter: '抖动超过 {{limit}} 毫秒',
        rtt: '往返时延超过 {{limit}} 毫秒',
      },
      details: '丢包 {{loss}}% · 抖动 {{jitter}} 毫秒 · 往返时延 {{rtt}} 毫秒',
      detailsNoRtt: '丢包 {{loss}}% · 抖动 {{jitter}} 毫秒',
      summary: '通话质量：MOS {{average}}（最低 {{min}}），丢包最高 {{loss}}%，抖动最高 {{jitter}} 毫秒，往返时延最高 {{rtt}} 毫秒',
      warned: '通话中出现质量警告',
    },
  },
  'zh-TW': {
    quality: {
      label: '通話品質',
      measuring: '正在測量…',
      level: { good: '良好', fair: '普通', poor: '不佳' },
      mos: 'MOS {{value}}',
      warning: '警告：{{list}}',
      metric: {
        mos: 'MOS 低於 {{limit}}',
        loss: '封包遺失率超過 {{limit}}%',
        jitter: '抖動超過 {{limit}} 毫秒',
        rtt: '往返延遲超過 {{limit}} 毫秒',
      },
      details: '封包遺失 {{loss}}% · 抖動 {{jitter}} 毫秒 · 往返延遲 {{rtt}} 毫秒',
      detailsNoRtt: '封包遺失 {{loss}}% · 抖動 {{jitter}} 毫秒',
      summary: '通話品質：MOS {{average}}（最低 {{min}}），封包遺失最高 {{loss}}%，抖動最高 {{jitter}} 毫秒，往返延遲最高 {{rtt}} 毫秒',
      warned: '通話中出現品質警告',
    },
  },
};
