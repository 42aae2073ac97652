/**
 * Text folding for search: full-width → half-width and compatibility forms (NFKC), case folding and
 * Traditional → Simplified Chinese, so 掛失, 挂失 and ＡＴＭ/atm meet on the same terms.
 * Folding goes one UTF-16 code unit at a time and keeps a map back to the original offsets, because
 * highlights must point into the text the user sees, not into the folded copy.
 */
import { T2S_PAIRS } from './t2s-table';

let t2s: Map<string, string> | undefined;

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
  const simplified = t2sMap().get(c);
  if (simplified) return simplified;
  return c.normalize('NFKC').toLowerCase();
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

/** Folds text for matching: NFKC, lower case, Traditional → Simplified. */
export function fold(text: string): string {
  return foldWithOrigin(text).text;
}
