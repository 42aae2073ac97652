/**
 * Chinese as customers type and speak it, brought to the Mandarin the knowledge base is written in.
 * Runs on folded text (fold.ts: Traditional → Simplified and variant characters already merged), at
 * indexing and query time alike, and keeps the map back to the original offsets for highlighting:
 * - written Cantonese (唔 → 不, 冇 → 没有, 咗 → 了, 嘅 → 的, 乜嘢/咩 → 什么, 点解 → 为什么, 几多 → 多少 …);
 * - colloquial northern Mandarin (咋 → 怎么, 咋整 → 怎么办, 啥 → 什么);
 * - Hong Kong and Taiwan banking words (柜员机/提款机 → 取款机, 碌卡 → 刷卡, 户口 → 账户);
 * - a few pinyin-input homophone slips in bank words (密马 → 密码, 冻洁 → 冻结);
 * - sentence-final particles (啊, 呀, 啦 …) become a break, so they add no spurious bigrams.
 * Longest match wins, so an entry may map a phrase to itself to protect it (户口本 stays, 户口 → 账户).
 * Written by hand from general knowledge of the dialects; checked on the Chinese dev set only
 * (test/fixtures/knowledge/zh/dev.jsonl), never on the eval set.
 */
import type { Folded } from './fold';
import { own } from './own';

/** Folded phrase → Mandarin. Keys are in folded (Simplified) form: 揾, not 搵. */
const PHRASES: Readonly<Record<string, string>> = {
  // Cantonese function words and verbs.
  唔: '不',
  冇: '没有',
  咗: '了',
  嘅: '的',
  咩: '什么',
  乜: '什么',
  乜嘢: '什么',
  咩嘢: '什么',
  嘢: '东西',
  佢: '他',
  佢哋: '他们',
  哋: '们',
  睇: '看',
  揾: '找',
  俾: '给',
  畀: '给',
  喺: '在',
  嗰: '那',
  啲: '些',
  攞: '拿',
  食: '吃',
  仲: '还',
  仲裁: '仲裁',
  咁: '这么',
  而家: '现在',
  琴日: '昨天',
  边度: '哪里',
  边个: '谁',
  呢个: '这个',
  呢张: '这张',
  点样: '怎么',
  点解: '为什么',
  点算: '怎么办',
  点办: '怎么办',
  几多: '多少',
  几时: '什么时候',
  唔该: '请',
  唔识: '不会',
  识讲: '会讲',
  搞掂: '搞定',
  // 係 folds to 系 (关系); as Cantonese "is" it follows or precedes these.
  唔系: '不是',
  系咪: '是不是',
  系唔系: '是不是',
  我系: '我是',
  // Colloquial northern Mandarin.
  咋: '怎么',
  咋整: '怎么办',
  咋办: '怎么办',
  咋弄: '怎么办',
  咋样: '怎么样',
  啥: '什么',
  为啥: '为什么',
  甚么: '什么',
  // Regional banking words.
  柜员机: '取款机',
  提款机: '取款机',
  碌卡: '刷卡',
  撳钱: '取钱',
  揿钱: '取钱',
  攞钱: '取钱',
  户口: '账户',
  户口本: '户口本',
  户口簿: '户口本',
  // Pinyin-input homophone slips in bank words.
  密马: '密码',
  冻洁: '冻结',
  激火: '激活',
  逾其: '逾期',
  额渡: '额度',
  // Sentence-final particles and fillers: a break, not a term.
  啊: ' ',
  呀: ' ',
  啦: ' ',
  喇: ' ',
  嘛: ' ',
  咯: ' ',
  喔: ' ',
  哦: ' ',
  噢: ' ',
  嘞: ' ',
  哇: ' ',
  呗: ' ',
};

const MAX_LEN = Math.max(...Object.keys(PHRASES).map((k) => k.length));
const FIRST_CHARS = new Set(Object.keys(PHRASES).map((k) => k[0] as string));

/** Rewrites dialect and colloquial Chinese in folded text to Mandarin, keeping origins. */
export function normalizeZh(folded: Folded): Folded {
  const { text, origin } = folded;
  let i = 0;
  while (i < text.length && !FIRST_CHARS.has(text[i] as string)) i++;
  if (i === text.length) return folded;
  let out = text.slice(0, i);
  const outOrigin = origin.slice(0, i);
  for (; i < text.length; ) {
    let matched = 0;
    if (FIRST_CHARS.has(text[i] as string)) {
      for (let len = Math.min(MAX_LEN, text.length - i); len > 0; len--) {
        if (own(PHRASES, text.slice(i, i + len)) !== undefined) {
          matched = len;
          break;
        }
      }
    }
    if (matched === 0) {
      out += text[i];
      outOrigin.push(origin[i] as number);
      i++;
      continue;
    }
    const replacement = own(PHRASES, text.slice(i, i + matched)) as string;
    out += replacement;
    // Spread the replacement over the original characters it stands for, first to first, last to last.
    const last = replacement.length - 1;
    for (let k = 0; k <= last; k++) outOrigin.push(origin[i + (last === 0 ? 0 : Math.round((k * (matched - 1)) / last))] as number);
    i += matched;
  }
  return { text: out, origin: outOrigin };
}
