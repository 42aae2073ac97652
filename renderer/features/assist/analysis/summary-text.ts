/**
 * Plain-text rendering of a call summary in the UI language: what goes into the wrap-up note field and
 * the clipboard. The suggested wrap-up code is not in it: the wrap-up form has a field of its own for the
 * code, and the summary panel shows the suggestion once, beside the text. Headings live here rather than in the pane's messages.ts because the text is a saved
 * artefact of the call, not UI chrome, and must render the same in a worker or in tests.
 */
import type { CallSummary, OfferedCode } from './summary';
import type { Leg, UiLanguage } from './types';

interface Words {
  intent: string;
  facts: string;
  actions: string;
  checklist: (done: number, total: number) => string;
  missed: string;
  none: string;
  leg: Record<Leg, string>;
  colon: string;
  separator: string;
}

const WORDS: Record<UiLanguage, Words> = {
  en: {
    intent: 'Intent',
    facts: 'Key facts',
    actions: 'Actions promised',
    checklist: (done, total) => `${done} of ${total} steps done`,
    missed: 'not done',
    none: 'none',
    leg: { customer: 'Customer', agent: 'Agent' },
    colon: ': ',
    separator: '; ',
  },
  'zh-CN': {
    intent: '来电意图',
    facts: '关键信息',
    actions: '承诺事项',
    checklist: (done, total) => `合规步骤已完成 ${done}/${total}`,
    missed: '未完成',
    none: '无',
    leg: { customer: '客户', agent: '坐席' },
    colon: '：',
    separator: '；',
  },
  'zh-TW': {
    intent: '來電意圖',
    facts: '關鍵資訊',
    actions: '承諾事項',
    checklist: (done, total) => `合規步驟已完成 ${done}/${total}`,
    missed: '未完成',
    none: '無',
    leg: { customer: '客戶', agent: '專員' },
    colon: '：',
    separator: '；',
  },
};

/** The label of a wrap-up code in a language, falling back to the other Chinese, English, then the code. */
export function codeLabel(code: { code: string; label: OfferedCode['label'] }, language: UiLanguage): string {
  const { label } = code;
  const order: UiLanguage[] = language === 'en' ? ['en', 'zh-CN', 'zh-TW'] : [language, language === 'zh-CN' ? 'zh-TW' : 'zh-CN', 'en'];
  for (const l of order) if (label[l]) return label[l] as string;
  return code.code;
}

/** Renders the summary as plain text, one section per line group, in the UI language. */
export function renderSummary(summary: CallSummary, language: UiLanguage): string {
  const w = WORDS[language];
  const lines: string[] = [`${w.intent}${w.colon}${summary.intent?.title ?? w.none}`];
  const list = (heading: string, items: readonly { leg: Leg; text: string }[]) => {
    if (items.length === 0) {
      lines.push(`${heading}${w.colon}${w.none}`);
      return;
    }
    lines.push(`${heading}${w.colon.trimEnd()}`);
    for (const item of items) lines.push(`- ${w.leg[item.leg]}${w.colon}${item.text}`);
  };
  list(w.facts, summary.facts);
  list(w.actions, summary.actions);
  if (summary.checklist) {
    const { done, missed } = summary.checklist;
    const total = done.length + missed.length;
    const rest = missed.length > 0 ? `${w.separator}${w.missed}${w.colon}${missed.join(w.separator)}` : '';
    lines.push(`${w.checklist(done.length, total)}${rest}`);
  }
  return lines.join('\n');
}
