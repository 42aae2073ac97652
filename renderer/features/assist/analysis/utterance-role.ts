/**
 * What a customer's utterance does in the call: carries a request ("I lost my card, can you block it",
 * 帮我挂失), is only a greeting or filler ("Hello, yes.", 喂，你好, 好的谢谢), or is a plain statement (a
 * name, a date, an answer to a verification question). The summary weighs the knowledge hits of each
 * customer final by it, so the request outvotes the fillers around it; key facts leave greetings out.
 * Punctuation is not a cue: ASR finals often have none.
 */
import { PhraseMatcher } from './phrase-match';
import { foldText } from './text';

export type UtteranceRole = 'request' | 'statement' | 'filler';

const REQUEST_CUES = new PhraseMatcher([
  'i want', 'i wanna', 'i need', "i'd like", 'i would like', 'i lost', 'lost my', 'stolen', 'i forgot', 'i missed',
  "i can't", 'i cannot', 'can you', 'could you', 'would you', 'can i', 'could i', 'please', 'how do i', 'how can i',
  'how do', 'how much', 'how long', 'is there', 'is it', 'is that', 'is my', 'will it', 'will this', 'do i need',
  'why', 'what', 'help me', 'there is a', "there's a", 'i have a problem', 'i received', 'i sent', 'i paid', 'i bought',
  '我想', '我要', '帮我', '麻烦', '请问', '想问', '咨询', '怎么', '怎样', '如何', '能不能', '能否', '可不可以', '可以吗',
  '行吗', '吗', '多少', '是不是', '会不会', '有没有', '为什么', '申请', '办理', '挂失', '丢了', '被盗', '不见了', '被偷',
]);

// An agent's opening and closing lines ("Thank you for calling, this is Emma", 很高兴为您服务).
const GREETINGS = new PhraseMatcher([
  'thank you for calling', 'thanks for calling', 'welcome to', 'how can i help', 'how may i help', 'how can we help',
  'what can i do for you', 'my name is', 'speaking with', 'have a nice day', 'have a good day',
  '很高兴为您服务', '欢迎致电', '欢迎来电', '有什么可以帮您', '有什么可以为您', '感谢您的来电', '感谢来电', '工号', '祝您生活愉快',
]);

// Words that alone make a greeting, an acknowledgement or a hesitation, never a request.
const EN_FILLER = new Set(
  "a hello hi hey hiya yes yeah yep yup no nope ok okay sure right alright fine great perfect good morning afternoon evening thanks thank you so much very lot bye goodbye um uh er erm hmm ah oh well sorry there that's thats all it is".split(
    ' ',
  ),
);
const ZH_FILLER = /谢谢你|谢谢您|谢谢|谢了|你好|您好|好的|好吧|没问题|就这样|那就好|再见|拜拜|嗯+|喂|好|对的|对|是的|是|行|啊|哦|呃|哎|那个|这个/g;
const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;
const LEADING_CLAUSE = /^(.*?[,，、.。!！?？;；:：])\s*/u;

/** True when the text is only greetings, acknowledgements and hesitations (also when it is empty). */
export function isFiller(text: string): boolean {
  const folded = foldText(text).text;
  const words = folded.match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  if (words.some((w) => !EN_FILLER.has(w))) return false;
  const han = folded.replace(/[a-z0-9']+/g, '').replace(PUNCTUATION, '');
  if (/\d/.test(folded)) return false;
  return han.replace(ZH_FILLER, '') === '';
}

/** The role of a customer utterance (any number of sentences: the strongest one counts). */
export function utteranceRole(text: string): UtteranceRole {
  if (isFiller(text)) return 'filler';
  return REQUEST_CUES.occurrences(foldText(text).text).next().done ? 'statement' : 'request';
}

/** True for an agent's greeting or closing line (it names no fact of the call). */
export function isGreeting(sentence: string): boolean {
  return !GREETINGS.occurrences(foldText(sentence).text).next().done;
}

/**
 * The sentence without its leading greeting clauses ("Hello, yes, I lost my card." → "I lost my card."),
 * or '' when it is a greeting or filler throughout.
 */
export function withoutGreeting(sentence: string): string {
  let rest = sentence.trim();
  for (let clause = LEADING_CLAUSE.exec(rest); clause && isFiller(clause[1] ?? ''); clause = LEADING_CLAUSE.exec(rest)) {
    rest = rest.slice(clause[0].length);
  }
  return isFiller(rest) ? '' : rest;
}
