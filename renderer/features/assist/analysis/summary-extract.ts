/**
 * Sentence-level detectors for the post-call summary: key facts (amounts, dates, card and account
 * mentions, products) and actions the agent promised. Plain patterns over folded text, zh and en.
 */
import { PhraseMatcher } from './phrase-match';
import { foldText } from './text';

/** What makes a sentence a key fact. */
export type FactTag = 'amount' | 'date' | 'card' | 'account' | 'product';

const AMOUNT =
  /\d[\d,.]*\s*(?:元|块|万|千|美元|港币|港元|欧元|英镑|dollars?|yuan|rmb|usd|hkd|eur|pounds?|%|percent)|[$¥€£]\s*\d|[零一二三四五六七八九十百千万两]+\s*(?:元|块|万元|美元|港币)|(?:hundred|thousand)\s+(?:dollars|yuan|pounds)/;
const DATE =
  /今天|昨天|前天|明天|后天|上周|下周|本周|上个?月|下个?月|上星期|[周礼拜][一二三四五六日天]|星期[一二三四五六日天]|[\d一二三四五六七八九十]+\s*(?:月|日|号)|工作日|\b(?:today|yesterday|tomorrow|tonight|last\s+(?:week|month|night)|next\s+(?:week|month)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)|working\s+days?|business\s+days?)\b/;
const CARD = /卡|\bcards?\b/;
const ACCOUNT = /[账帐]户|[账帐]号|\baccounts?\b/;
const PRODUCTS = new PhraseMatcher([
  'credit card', 'debit card', 'mortgage', 'loan', 'savings', 'time deposit', 'instalment', 'installment', 'annual fee',
  'credit limit', 'overdraft', 'mobile banking', 'chargeback',
  '信用卡', '借记卡', '储蓄卡', '金融卡', '提款卡', '房贷', '贷款', '存款', '定期', '分期', '年费', '额度', '理财', '手机银行', '网银',
]);

/** The fact tags of a sentence (empty: not a fact). */
export function factTags(sentence: string): FactTag[] {
  const folded = foldText(sentence).text;
  const tags: FactTag[] = [];
  if (AMOUNT.test(folded)) tags.push('amount');
  if (DATE.test(folded)) tags.push('date');
  if (CARD.test(folded)) tags.push('card');
  if (ACCOUNT.test(folded)) tags.push('account');
  if (!PRODUCTS.occurrences(folded).next().done) tags.push('product');
  return tags;
}

/** How much a sentence says: amounts and dates are the facts a wrap-up note needs most. */
export function factWeight(tags: readonly FactTag[]): number {
  return tags.reduce((sum, tag) => sum + (tag === 'amount' || tag === 'date' ? 2 : 1), 0);
}

const PROMISES = new PhraseMatcher([
  'i will', "i'll", 'we will', "we'll", "i'm going to", 'i am going to', 'we are going to', 'let me', 'i have arranged',
  "i've arranged", 'you will receive', "you'll receive",
  '我会', '我们会', '马上', '立即', '为您', '帮您', '给您', '稍后', '将在', '会在', '已经为您', '已为您',
]);
// Ritual phrases that contain a promise cue but promise nothing (holding lines included: "let me check" is
// not a commitment a wrap-up note needs).
const RITUAL = new PhraseMatcher([
  'how can i help', 'anything else', 'let me know', 'thank you for calling', 'have a nice day', 'one moment',
  'please hold', 'hold on', 'let me check', 'let me see', '请稍等', '请稍后', '稍等', '很高兴为您服务', '有什么可以帮您', '有什么可以为您', '还有什么可以', '感谢您的来电', '为您服务', '祝您生活愉快',
]);

/** True when an agent sentence promises an action ("I'll send you a new card", 我马上为您挂失). */
export function isPromise(sentence: string): boolean {
  const folded = foldText(sentence).text;
  if (!RITUAL.occurrences(folded).next().done) return false;
  return !PROMISES.occurrences(folded).next().done;
}

const SENTENCE_END = /(?<=[。！？!?；;])|(?<=[a-z\d\p{Script=Han}][.])\s+/u;

/** Splits an utterance into sentences (ASR finals are often one sentence already). */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
}
