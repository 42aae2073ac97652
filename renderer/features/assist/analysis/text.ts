/**
 * Text helpers shared by the analysis modules. Folding is the knowledge engine's (NFKC full-width →
 * half-width, lower case, Traditional → Simplified), so a rule written as 投诉 matches 投訴 and ＣＯＭＰＬＡＩＮＴ
 * exactly as search does; this file only adds what matching spoken text needs on top of it.
 */
import { foldWithOrigin, type Folded } from '@common/knowledge/engine/fold';
import { porterStem } from '@common/knowledge/engine/stem';
import { STOP_WORDS } from '@common/knowledge/engine/stopwords';

export type { Folded };

/** A Han character (CJK ideograph, including 〇). */
export const HAN = /[\p{Script=Han}〇]/u;

/** Folds text for matching and keeps offsets back into the original (for highlights). */
export function foldText(text: string): Folded {
  // ASR and IME output use the typographic apostrophe; folding keeps it, rules are written with '.
  return foldWithOrigin(text.includes('\u2019') ? text.replace(/\u2019/g, "'") : text);
}

/** A span in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** Maps a [start, end) range of folded text back to the original text it came from. */
export function originalSpan(folded: Folded, original: string, start: number, end: number): Span {
  const from = folded.origin[start] ?? original.length;
  const last = folded.origin[Math.max(start, end - 1)] ?? from;
  const width = (original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return { start: from, end: Math.max(from, last + width) };
}

/** Content tokens of a text for fuzzy phrase matching (checklists). */
export interface ContentTokens {
  /** Stemmed English words without stop words. */
  words: Set<string>;
  /** Han characters without particles and pronouns. */
  chars: Set<string>;
  /** The folded Han characters in order, spaces removed (for contiguous checks of short phrases). */
  han: string;
}

const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
// Particles, pronouns and politeness that carry no step meaning: "请您把卡…" and "卡" are the same step.
const HAN_STOP = new Set('的了吗呢吧啊呀哦嘛您你我他她它们请把给在是这那就都也还和与及个一下呃嗯哈'.split(''));

/** Splits text into stemmed English content words and Han content characters. */
export function contentTokens(text: string): ContentTokens {
  const folded = foldText(text).text;
  const words = new Set<string>();
  for (const match of folded.matchAll(LATIN_WORD)) {
    const word = match[0].replace(/'[a-z]+$/, '');
    if (!STOP_WORDS.has(word)) words.add(porterStem(word));
  }
  let han = '';
  const chars = new Set<string>();
  for (const ch of folded) {
    if (!HAN.test(ch)) continue;
    han += ch;
    if (!HAN_STOP.has(ch)) chars.add(ch);
  }
  return { words, chars, han };
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
