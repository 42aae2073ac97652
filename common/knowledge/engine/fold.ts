/**
 * Text folding for search: full-width → half-width and compatibility forms (NFKC), case folding,
 * Traditional → Simplified Chinese and variant characters that mean the same, so 掛失, 挂失 and ＡＴＭ/atm,
 * 帳單/帐单/账单 and 信用咭/信用卡 meet on the same terms.
 * Folding goes one UTF-16 code unit at a time and keeps a map back to the original offsets, because
 * highlights must point into the text the user sees, not into the folded copy.
 */
import { T2S_PAIRS } from './t2s-table';
import { own } from './own';

let t2s: Map<string, string> | undefined;

/**
 * Variant characters OpenCC's Traditional → Simplified table leaves apart, applied after it: 帐/账 (both
 * in use for accounts), 著/着 (还欠著), 衹/祇/只, 妳/你, and the Hong Kong 咭 and the homophone slip 咔
 * for 卡 (信用咭, 信用咔).
 */
const VARIANTS: Readonly<Record<string, string>> = { 帐: '账', 著: '着', 衹: '只', 祇: '只', 妳: '你', 咭: '卡', 咔: '卡' };

function t2sMap(): Map<string, string> {
  if (!t2s) {
    t2s = new Map();
    for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t2s.set(T2S_PAIRS[i] as string, T2S_PAIRS[i + 1] as string);
  }
  return t2s;
}

/** A folded text and, for each of its code units, the offset of the original code unit it came from. */
export interface Folded {
  text: string;
  origin: number[];
}

const ASCII_FAST = /^[\x20-\x7e]*$/;

/** Folds one character; NFKC may expand it (e.g. ㎏ → kg), which is why origins are tracked. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  const base = t2sMap().get(c) ?? c.normalize('NFKC').toLowerCase();
  return own(VARIANTS, base) ?? base;
}

/** Folds text and keeps offsets back into the original. */
export function foldWithOrigin(text: string): Folded {
  if (ASCII_FAST.test(text)) {
    return { text: text.toLowerCase(), origin: Array.from({ length: text.length }, (_, i) => i) };
  }
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    out += folded;
    for (let k = 0; k < folded.length; k++) origin.push(i);
    i += width;
  }
  return { text: out, origin };
}

/** Folds text for matching: NFKC, lower case, Traditional → Simplified, variant characters. */
export function fold(text: string): string {
  return foldWithOrigin(text).text;
}

let simplifiedOnly: Set<string> | undefined;

/**
 * The Chinese script a text is written in: zh-TW when it has more Traditional-only characters (掛) than
 * Simplified-only ones (挂), zh-CN for the reverse, undefined when it has neither (卡, 信用) or ties.
 */
export function zhScript(text: string): 'zh-CN' | 'zh-TW' | undefined {
  const map = t2sMap();
  simplifiedOnly ??= new Set([...map.values()].filter((c) => !map.has(c)));
  let balance = 0;
  for (const c of text) {
    if (map.has(c)) balance--;
    else if (simplifiedOnly.has(c)) balance++;
  }
  return balance > 0 ? 'zh-CN' : balance < 0 ? 'zh-TW' : undefined;
}
