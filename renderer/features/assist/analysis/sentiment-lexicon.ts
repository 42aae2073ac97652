/**
 * The sentiment lexicon: a compact, hand-written list for bank-hotline speech (not a general-purpose
 * lexicon). Weights run from −4 (rage) to +3 (delight). English entries are base forms: the matcher adds
 * plural/-ed/-ing. Chinese entries are Simplified: Traditional speech is folded before matching
 * (生氣 → 生气, 離譜 → 离谱); Taiwan wording that folds to nothing here (很扯, 傻眼) is listed as is.
 * Entries that already contain a negation (不满, 不错, 没用) are whole words, matched before 不 is read as a
 * negator, because the matcher prefers the longest entry.
 */

/** Word → weight. */
export const SENTIMENT_WORDS: Readonly<Record<string, number>> = {
  // English, positive
  thank: 2, 'thank you': 2, great: 3, good: 2, helpful: 2, appreciate: 2, perfect: 3, excellent: 3, happy: 2,
  glad: 2, wonderful: 3, fine: 1, nice: 2, resolved: 2, sorted: 1, awesome: 3, brilliant: 3, lovely: 2,
  pleased: 2, satisfied: 2, easy: 1, clear: 1, patient: 2, relieved: 2,
  // English, negative
  angry: -3, furious: -4, annoy: -2, frustrate: -3, upset: -2, unhappy: -2, disappoint: -2, terrible: -3,
  awful: -3, horrible: -3, ridiculous: -3, unacceptable: -3, useless: -3, worst: -3, bad: -2, wrong: -1,
  problem: -1, hate: -3, waste: -2, joke: -2, rubbish: -3, incompetent: -3, nonsense: -2, stupid: -3,
  'fed up': -3, 'sick of': -2, 'tired of': -2, 'no one helps': -3, 'still waiting': -2, 'third time': -2,
  complaint: -2, complain: -2, scam: -2, outrageous: -4, disgusting: -4, pathetic: -3,
  // Chinese, positive
  谢谢: 2, 感谢: 2, 多谢: 2, 满意: 2, 不错: 2, 很好: 2, 好的: 1, 太好了: 3, 方便: 1, 清楚: 1, 专业: 2, 耐心: 2,
  及时: 1, 放心: 1, 解决了: 2, 开心: 2, 高兴: 2, 棒: 2, 辛苦了: 2, 没问题: 1, 挺好: 2, 真好: 2, 非常好: 3,
  // Chinese, negative
  生气: -3, 气死: -4, 愤怒: -4, 火大: -3, 烦: -2, 烦死: -3, 失望: -2, 不满: -2, 不满意: -3, 差劲: -3, 太差: -3,
  垃圾: -3, 离谱: -3, 过分: -3, 无语: -2, 坑人: -3, 骗人: -3, 骗子: -3, 糟糕: -3, 崩溃: -3, 受不了: -3,
  忍无可忍: -4, 莫名其妙: -2, 不像话: -3, 没用: -2, 不行: -1, 不好: -2, 投诉: -2, 凭什么: -2, 搞什么: -2,
  等了半天: -2, 太慢: -2, 怎么回事: -1, 很扯: -2, 傻眼: -2, 烂: -2, 白等: -2, 又是这样: -2,
};

/** Words that scale the next sentiment word up (or, below zero, down). */
export const SENTIMENT_INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 0.3, really: 0.3, so: 0.3, extremely: 0.5, absolutely: 0.4, totally: 0.3, completely: 0.3, too: 0.2,
  super: 0.3, incredibly: 0.5, bit: -0.3, slightly: -0.4, somewhat: -0.3,
  很: 0.3, 非常: 0.5, 太: 0.4, 特别: 0.4, 真: 0.3, 真的: 0.3, 超: 0.4, 极其: 0.5, 十分: 0.4, 好: 0.2, 越来越: 0.3,
  有点: -0.3, 有些: -0.3,
};
