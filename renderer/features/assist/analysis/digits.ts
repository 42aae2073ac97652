/**
 * Finds runs of digits in spoken or written text, in English and Chinese, for the PCI guard and masking.
 *
 * A run is a sequence of digit tokens with only separators (spaces, commas, dashes, 、) and fillers
 * (uh, um, 嗯, 呃) between them:
 * - numerals: 4532 1234 → 8 digits;
 * - English words: zero, oh/o (only next to another digit: "oh I see" is not a digit), one … nine; teens
 *   and tens count two ("forty two" → 3, an over-count on purpose: being early beats being exact);
 *   "double five" → 2, "triple seven" → 3;
 * - Chinese: 零 〇 幺 一 … 九 两, one character each (十, 百, 千 and 万 end a run, so amounts such as
 *   一千五百 never form one).
 * Quantities are not card data: a numeral with a decimal point or thousands separators (1,500.00), a run
 * right after a currency sign ($ ¥ € £) or right before a unit (元, 块, 年, 岁, %, dollars, yuan, percent …)
 * is skipped, so "1500元" and 二〇二四年 stay readable. Homophones (for/four, to/two, won/one) are not
 * digits: counting them would pause the recording on ordinary sentences.
 */
import type { PhraseMatcher } from './phrase-match';
import { foldText, originalSpan } from './text';

/** A digit run, with offsets into the original text. */
export interface DigitRun {
  start: number;
  end: number;
  /** How many digits it stands for. */
  digits: number;
  /** It starts within a few characters after a trigger phrase ("card number is …", 卡号是…). */
  afterTrigger: boolean;
}

const TOKEN = /[0-9]+(?:[.,][0-9]+)*|[a-z]+(?:'[a-z]+)?|[\p{Script=Han}〇]|[^\s]/gu;
const WORD_DIGITS: Record<string, number> = {
  zero: 1, one: 1, two: 1, three: 1, four: 1, five: 1, six: 1, seven: 1, eight: 1, nine: 1,
  ten: 2, eleven: 2, twelve: 2, thirteen: 2, fourteen: 2, fifteen: 2, sixteen: 2, seventeen: 2, eighteen: 2,
  nineteen: 2, twenty: 2, thirty: 2, forty: 2, fifty: 2, sixty: 2, seventy: 2, eighty: 2, ninety: 2,
};
const WEAK = new Set(['oh', 'o']);
const REPEAT: Record<string, number> = { double: 2, triple: 3 };
const HAN_DIGITS = new Set('零〇幺一二三四五六七八九两'.split(''));
const NEUTRAL = new Set([',', '-', '、', '，', '.', '·', '/', 'uh', 'um', 'er', 'erm', 'ah', 'hmm', '嗯', '呃', '啊']);
const UNITS = new Set(['元', '块', '角', '毛', '刀', '万', '亿', '年', '岁', '%', 'percent', 'dollars', 'dollar', 'bucks', 'yuan', 'rmb', 'usd', 'hkd', 'euro', 'euros', 'pounds', 'cents']);
const CURRENCY = new Set(['$', '¥', '€', '£']);
// How far (in folded characters) a run may start after a trigger phrase: "卡号是", "card number is …".
const TRIGGER_REACH = 12;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Digits a token stands for: a number, 0 for a separator or filler, -1 for a word that ends a run. */
function digitsOf(token: string): number {
  if (/^[0-9]/.test(token)) {
    if (token.includes('.') || /^\d{1,3}(,\d{3})+$/.test(token)) return -1;
    return token.replace(/\D/g, '').length;
  }
  if (HAN_DIGITS.has(token)) return 1;
  return WORD_DIGITS[token] ?? -1;
}

/**
 * Finds every digit run in a text.
 * @param triggers phrases ("card number", 卡号) that make the run after them card data whatever its length
 */
export function findDigitRuns(text: string, triggers: PhraseMatcher | null = null): DigitRun[] {
  return scanDigits(text, triggers).runs;
}

/** Every digit run in a text, and whether one of the trigger phrases occurs in it (one fold, one scan). */
export function scanDigits(text: string, triggers: PhraseMatcher | null): { runs: DigitRun[]; triggered: boolean } {
  const folded = foldText(text);
  const tokens: Token[] = [];
  for (const m of folded.text.matchAll(TOKEN)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const triggerEnds = triggers ? [...triggers.occurrences(folded.text)].map((o) => o.end) : [];
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (digitsOf(first.text) <= 0 && !WEAK.has(first.text) && !(first.text in REPEAT)) {
      i++;
      continue;
    }
    let digits = 0;
    let strong = false;
    let last = i;
    let multiplier = 1;
    let j = i;
    for (; j < tokens.length; j++) {
      const t = (tokens[j] as Token).text;
      const n = digitsOf(t);
      if (n > 0) {
        digits += n * multiplier;
        strong = true;
      } else if (WEAK.has(t)) digits += multiplier;
      else if (t in REPEAT) {
        multiplier = REPEAT[t] as number;
        continue;
      } else if (!NEUTRAL.has(t)) break;
      else continue;
      multiplier = 1;
      last = j;
    }
    const end = tokens[last] as Token;
    const before = tokens[i - 1]?.text ?? '';
    const after = tokens[last + 1]?.text ?? '';
    if (strong && digits > 0 && !CURRENCY.has(before) && !UNITS.has(after)) {
      const span = originalSpan(folded, text, first.start, end.end);
      const afterTrigger = triggerEnds.some((e) => e <= first.start && first.start - e <= TRIGGER_REACH);
      runs.push({ start: span.start, end: span.end, digits, afterTrigger });
    }
    i = Math.max(j, i + 1);
  }
  return { runs, triggered: triggerEnds.length > 0 };
}

/** Options for masking. */
export interface MaskOptions {
  /** Runs of at least this many digits are masked. */
  minDigits: number;
  /** Any run right after one of these phrases is masked, whatever its length. */
  triggers?: PhraseMatcher | null;
  /** Replaces each run; the same whatever the run's length, so the length does not leak. */
  maskText: string;
}

/** True when a run is card-like under the options. */
export function isCardLike(run: DigitRun, minDigits: number): boolean {
  return run.digits >= minDigits || run.afterTrigger;
}

/** Replaces every card-like digit run (all its digits, none kept) with the mask text. */
export function maskDigits(text: string, options: MaskOptions): string {
  const runs = findDigitRuns(text, options.triggers ?? null).filter((r) => isCardLike(r, options.minDigits));
  if (runs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const run of runs) {
    out += text.slice(at, run.start) + options.maskText;
    at = run.end;
  }
  return out + text.slice(at);
}
