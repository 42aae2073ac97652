/**
 * Analysis shared by indexing and querying. Latin text becomes stemmed words without stop words;
 * Chinese text becomes dictionary words (Intl.Segmenter) plus character bigrams and single characters,
 * so a phrasing the segmenter splits differently still meets the document on its bigrams.
 */
import { foldWithOrigin } from './fold';
import { splitWord, stemWord } from './lexicon';
import { normalizeZh } from './zh-normalize';
import { STOP_WORDS } from './stopwords';
import { own } from './own';

/** One analysed term and where it came from in the original (unfolded) text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
// A run of Han characters, or a Latin/digit word (apostrophes inside words are kept for contractions).
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:'[a-z]+)*/gu;
const CONTRACTIONS: Record<string, string> = { "can't": 'can not', "won't": 'will not', "n't": ' not' };
// Customers type contractions without the apostrophe; the negation still matters.
const BARE_NEGATIONS = new Set(
  'dont doesnt didnt cant cannot wont isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt'.split(' '),
);

/** Chinese negations, after zh-normalize (唔 → 不, 冇 → 没有, 沒 → 没 by folding). */
const NEGATORS = new Set(['不', '没', '未', '别', '无']);

let segmenter: Intl.Segmenter | null | undefined;

function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** True for a term made of one Han character: weak evidence on its own, weighted down by the ranker. */
export function isHanChar(term: string): boolean {
  return term.length === 1 && HAN.test(term);
}

function latinWord(word: string): string[] {
  if (BARE_NEGATIONS.has(word)) return ['not'];
  if (!word.includes("'")) return splitWord(word);
  const expanded = own(CONTRACTIONS, word) ?? word.replace(/n't$/, CONTRACTIONS["n't"] as string).replace(/'[a-z]*$/, '');
  return expanded.split(' ').filter(Boolean);
}

function pushHan(run: string, at: number, origin: number[], out: Token[]): void {
  const span = (s: number, e: number): Token => ({
    term: run.slice(s, e),
    start: origin[at + s] as number,
    end: (origin[at + e - 1] as number) + 1,
  });
  for (let i = 0; i < run.length; i++) {
    // A negated verb (没丢, 不见) is evidence only with its negation, as the bigram: alone it would match
    // the positive question (卡丢了) as strongly as a query that means it.
    if (i === 0 || !NEGATORS.has(run[i - 1] as string)) out.push(span(i, i + 1));
    if (i + 1 < run.length) out.push(span(i, i + 2));
  }
  const seg = zhSegmenter();
  if (!seg || run.length < 3) return;
  // Bigrams already cover two-character words; longer dictionary words add phrase evidence.
  for (const part of seg.segment(run)) {
    if (part.segment.length > 2) out.push(span(part.index, part.index + part.segment.length));
  }
}

/** Analysis switches; indexing and querying must use the same ones. */
export interface AnalyzeOptions {
  /** Keep English stop words (used when a query has nothing else). */
  keepStopWords?: boolean;
  /** Also emit adjacent English word pairs as "a b" terms. */
  latinBigrams?: boolean;
}

/** Analyses text into terms with offsets into the original string. */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const { text: folded, origin } = normalizeZh(foldWithOrigin(text));
  const out: Token[] = [];
  let previous: Token | undefined;
  for (const match of folded.matchAll(RUN)) {
    const run = match[0];
    const at = match.index;
    if (HAN.test(run[0] as string)) {
      pushHan(run, at, origin, out);
      previous = undefined;
      continue;
    }
    const start = origin[at] as number;
    const end = (origin[at + run.length - 1] as number) + 1;
    for (const word of latinWord(run)) {
      if (!options.keepStopWords && STOP_WORDS.has(word)) continue;
      const token = { term: stemWord(word), start, end };
      if (options.latinBigrams && previous) {
        out.push({ term: `${previous.term} ${token.term}`, start: previous.start, end });
      }
      out.push(token);
      previous = token;
    }
  }
  return out;
}

/** The terms of a text, without offsets (indexing path). */
export function terms(text: string, options: AnalyzeOptions = {}): string[] {
  return analyze(text, options).map((t) => t.term);
}

/** True for an English word-pair term made by latinBigrams. */
export function isPair(term: string): boolean {
  return term.includes(' ');
}
