/**
 * Exact phrase matching on folded text, for keyword rules and wrap-up keywords.
 *
 * - English words match on word boundaries, with simple inflections: complain → complains, complained,
 *   complaining; sue → sued, suing; apply → applies, applied. Consonant doubling (stop → stopped) is not
 *   handled: write both forms. Apostrophes are optional ("that's" also matches "thats").
 * - Chinese matches as a substring; spaces an ASR engine puts between characters are ignored.
 * - Digits match only as whole numbers, so 12378 does not fire inside a longer number.
 * All phrases of a matcher become one regular expression (longest first), so matching an utterance is one
 * scan however many phrases there are.
 */
import { escapeRegExp, foldText, HAN } from './text';

/** A phrase occurrence, as offsets into the folded text. */
export interface PhraseOccurrence {
  start: number;
  end: number;
  /** Index of the phrase in the list the matcher was built from. */
  phrase: number;
}

// A letter or digit of a Latin-script word in folded (lower-case) text. A plain range, not \p{Script=Latin}:
// V8 builds a Unicode property class anew for each place it appears, and with one boundary per phrase the
// first match of a big phrase list took ~70 ms; this class costs nothing.
const WORD_CHAR = '[0-9a-z\\u00df-\\u024f]';

const TOKEN = /[\p{Script=Han}〇]|[a-z0-9]+(?:'[a-z]+)*|'/gu;

/** A Latin word with the inflections spoken English adds to it. */
function inflect(word: string): string {
  const parts = word.split("'").map(escapeRegExp);
  if (parts.length > 1) return parts.join("'?");
  if (!/^[a-z]{3,}$/.test(word)) return parts[0] as string;
  if (word.endsWith('e')) return `${word.slice(0, -1)}(?:e|es|ed|ing)`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}(?:y|ies|ied|ying)`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}(?:es|ed|ing)?`;
  return `${word}(?:s|es|ed|ing)?`;
}

/** The regular-expression source of one folded phrase. */
function phraseSource(phrase: string): string {
  const tokens = phrase.match(TOKEN)?.filter((t) => t !== "'") ?? [];
  let out = '';
  tokens.forEach((token, i) => {
    const han = HAN.test(token);
    if (i > 0) out += han || HAN.test(tokens[i - 1] as string) ? '\\s*' : "[\\s'-]+";
    out += han ? escapeRegExp(token) : inflect(token);
  });
  if (out === '') return '';
  const first = tokens[0] as string;
  const last = tokens[tokens.length - 1] as string;
  // Boundaries only on Latin/digit ends: Chinese has no spaces, so 我要投诉 must still match 投诉.
  const before = HAN.test(first) ? '' : `(?<!${WORD_CHAR})`;
  const after = HAN.test(last) ? '' : `(?!${WORD_CHAR})`;
  return `${before}(?:${out})${after}`;
}

/** Matches a fixed list of phrases in folded text. */
export class PhraseMatcher {
  readonly phrases: readonly string[];
  private readonly regex: RegExp | null;

  /** @param phrases phrases as IT writes them (any case, width, Simplified or Traditional) */
  constructor(phrases: readonly string[]) {
    this.phrases = phrases;
    const order = phrases
      .map((phrase, index) => ({ index, source: phraseSource(foldText(phrase.trim()).text) }))
      .filter((p) => p.source !== '')
      .sort((a, b) => b.source.length - a.source.length);
    // One named group per phrase tells which phrase matched without a second scan.
    const source = order.map((p) => `(?<p${p.index}>${p.source})`).join('|');
    this.regex = source ? new RegExp(source, 'gu') : null;
  }

  /** Every non-overlapping occurrence in folded text, left to right. */
  *occurrences(folded: string): Generator<PhraseOccurrence> {
    if (!this.regex) return;
    for (const match of folded.matchAll(this.regex)) {
      const groups = match.groups ?? {};
      const key = Object.keys(groups).find((name) => groups[name] !== undefined) ?? 'p0';
      yield { start: match.index, end: match.index + match[0].length, phrase: Number(key.slice(1)) };
    }
  }
}

const EN_NEGATORS = new Set(
  "not no never nor without cannot can't dont don't doesnt doesn't didnt didn't isnt isn't wasnt wasn't arent aren't wont won't wouldnt wouldn't cant shouldnt shouldn't havent haven't hasnt hasn't nothing".split(
    ' ',
  ),
);
// A clause boundary ends the reach of a negation: "I'm not happy and I will complain" is a complaint.
const EN_BREAKS = new Set('but and so because though although however yet'.split(' '));
const BREAK_PUNCTUATION = /[,.;:!?，。；：！？、]/;
// Words with 不/没 that are not negations of what follows: 不然/要不 (otherwise), 不满 (dissatisfied) …
const ZH_NOT_NEGATION = /不然|要不|不满|不行|不过|不得不|不好|不对|不了|不停|不断|没完|受不/g;
const ZH_NEGATOR = /[不没别勿]|并非|无需|无意/;

/** The text before `start` back to the nearest clause punctuation. */
function clauseBefore(folded: string, start: number, reach: number): string {
  const window = folded.slice(Math.max(0, start - reach), start);
  let cut = 0;
  for (let i = window.length - 1; i >= 0; i--) {
    if (BREAK_PUNCTUATION.test(window[i] as string)) {
      cut = i + 1;
      break;
    }
  }
  return window.slice(cut);
}

/**
 * True when a negation governs the phrase starting at `start` of the folded text: up to three English
 * words or four Chinese characters before it, not across a clause boundary ("not a complaint",
 * "I don't want to complain", 不是投诉, 没有要投诉; but "I'm not happy, I will complain" and 不然我就投诉
 * stay complaints).
 */
export function isNegated(folded: string, start: number): boolean {
  if (HAN.test(folded[start] ?? '')) {
    let window = clauseBefore(folded, start, 4);
    window = window.slice(window.lastIndexOf('但') + 1).replace(ZH_NOT_NEGATION, '');
    return ZH_NEGATOR.test(window);
  }
  const words = clauseBefore(folded, start, 60).split(/\s+/).filter(Boolean).slice(-3);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = (words[i] as string).replace(/[^a-z']/g, '');
    if (EN_BREAKS.has(word)) return false;
    if (EN_NEGATORS.has(word) || word.endsWith("n't")) return true;
  }
  return false;
}
